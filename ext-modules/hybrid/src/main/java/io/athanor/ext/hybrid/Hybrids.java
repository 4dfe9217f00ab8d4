package io.athanor.ext.hybrid;

import io.athanor.InvalidRequestException;
import io.athanor.metamodel.ColumnAttribute;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Field;

/**
 * Hybrids by name at run time, for code that cannot name the metamodel statically (query builders,
 * filters from a request): {@code Hybrids.expression(User.class, "fullName")} is
 * {@code User_.fullName}. A hybrid that has no SQL expression (a Java-only getter, a hybrid method
 * without a {@link HybridExpression}) raises {@link InvalidRequestException} naming it, as
 * SQLAlchemy raises when a hybrid without an expression is used in SQL.
 */
public final class Hybrids {
    private Hybrids() {
    }

    /**
     * The SQL expression of the hybrid property {@code name} of {@code entity}: a
     * {@link HybridField}, a {@link HybridCondition}, or for a {@link Compared} hybrid its
     * {@link Compared#field()}.
     *
     * @throws InvalidRequestException when there is no such hybrid, or it has no SQL expression
     */
    public static Field<?> expression(Class<?> entity, String name) {
        Object member = member(entity, name, HybridKind.PROPERTY);
        return member instanceof Compared<?> compared ? compared.field() : (Field<?>) member;
    }

    /**
     * The hybrid property {@code name} of {@code entity} with its own comparator.
     *
     * @throws InvalidRequestException when there is no such hybrid, it has no SQL expression, or it
     *                                 compares as a plain field
     */
    public static Compared<?> compared(Class<?> entity, String name) {
        Object member = member(entity, name, HybridKind.PROPERTY);
        if (member instanceof Compared<?> compared) {
            return compared;
        }
        throw new InvalidRequestException(Messages.notCompared(entity, name));
    }

    /**
     * The SQL expression of the hybrid method {@code name} of {@code entity} applied to
     * {@code arguments} (jOOQ fields or plain values, as the metamodel's static methods take them).
     *
     * @throws InvalidRequestException when there is no such hybrid method, it has no SQL expression,
     *                                 or no overload takes these arguments
     */
    public static Field<?> call(Class<?> entity, String name, Object... arguments) {
        HybridKind.METHOD.find(entity, name);
        Class<?> metamodel = metamodel(entity);
        boolean exposed = false;
        for (Method method : metamodel.getMethods()) {
            if (!method.getName().equals(name) || !Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            exposed = true;
            if (accepts(method.getParameterTypes(), arguments)) {
                try {
                    return (Field<?>) method.invoke(null, arguments);
                } catch (ReflectiveOperationException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    throw new InvalidRequestException(Messages.metamodelFailed(metamodel.getName(), cause), e);
                }
            }
        }
        if (!exposed) {
            throw new InvalidRequestException(Messages.noExpression(entity, name, "method"));
        }
        throw new InvalidRequestException(Messages.noMatchingCall(entity, name, arguments.length));
    }

    private static boolean accepts(Class<?>[] parameters, Object[] arguments) {
        if (parameters.length != arguments.length) {
            return false;
        }
        for (int i = 0; i < parameters.length; i++) {
            Class<?> p = parameters[i].isPrimitive() ? HybridNames.box(parameters[i]) : parameters[i];
            if (arguments[i] == null ? parameters[i].isPrimitive() : !p.isInstance(arguments[i])) {
                return false;
            }
        }
        return true;
    }

    private static Object member(Class<?> entity, String name, HybridKind kind) {
        kind.find(entity, name);
        Class<?> metamodel = metamodel(entity);
        java.lang.reflect.Field field;
        try {
            field = metamodel.getField(name);
        } catch (NoSuchFieldException e) {
            throw new InvalidRequestException(Messages.noExpression(entity, name, "property"), e);
        }
        Object value;
        try {
            value = field.get(null);
        } catch (IllegalAccessException | RuntimeException | LinkageError e) {
            throw new InvalidRequestException(Messages.metamodelFailed(metamodel.getName(), e), e);
        }
        if (!(value instanceof HybridField<?>) && !(value instanceof HybridCondition) && !(value instanceof Compared<?>)) {
            throw new InvalidRequestException(Messages.noExpression(entity, name, "property"));
        }
        return value;
    }

    /** The columns of {@code entity}, as its metamodel lists them (for expressions that take {@link Columns}). */
    static Columns columns(Class<?> entity) {
        Class<?> metamodel = metamodel(entity);
        List<ColumnAttribute<?>> columns = new ArrayList<>();
        for (java.lang.reflect.Field f : metamodel.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && ColumnAttribute.class.isAssignableFrom(f.getType())) {
                try {
                    columns.add((ColumnAttribute<?>) f.get(null));
                } catch (IllegalAccessException | RuntimeException | LinkageError e) {
                    throw new InvalidRequestException(Messages.metamodelFailed(metamodel.getName(), e), e);
                }
            }
        }
        return Columns.of(entity, columns.toArray(new ColumnAttribute<?>[0]));
    }

    private static Class<?> metamodel(Class<?> entity) {
        String name = HybridNames.metamodelName(entity);
        try {
            return Class.forName(name, true, entity.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new InvalidRequestException(Messages.noMetamodel(entity, name), e);
        } catch (LinkageError e) {
            throw new InvalidRequestException(Messages.metamodelFailed(name, e), e);
        }
    }
}
