package io.athanor.ext.hybrid;

import io.athanor.InvalidRequestException;
import io.athanor.metamodel.ColumnAttribute;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The UPDATE assignments of a hybrid property set in {@code update(...).set(hybrid, value)}: its
 * {@link HybridUpdateExpression}, else its expression when that is a plain column (SQLAlchemy's
 * {@code _bulk_update_tuples}).
 */
final class UpdateExpressions {
    private UpdateExpressions() {
    }

    static List<Map.Entry<Field<?>, Object>> assignments(Class<?> entity, String name, Class<?> javaType,
                                                         Field<?> expression, Object value) {
        Method method = find(entity, name);
        if (method == null) {
            if (expression instanceof ColumnAttribute<?> column) {
                return List.of(new AbstractMap.SimpleImmutableEntry<>(column, value));
            }
            throw new InvalidRequestException(Messages.notAssignable(entity, name));
        }
        Class<?>[] parameters = method.getParameterTypes();
        boolean columns = parameters.length == 2 && parameters[0] == Columns.class;
        if (!Modifier.isStatic(method.getModifiers()) || parameters.length != (columns ? 2 : 1)
                || !(Map.class.isAssignableFrom(method.getReturnType()) || List.class.isAssignableFrom(method.getReturnType()))) {
            throw new InvalidRequestException(Messages.badUpdateExpression(method));
        }
        Class<?> parameter = parameters[parameters.length - 1];
        Object argument;
        if (Field.class.isAssignableFrom(parameter)) {
            argument = value instanceof Field<?> ? value : DSL.val(value, HybridNames.boxed(javaType));
        } else if (value instanceof Field<?> && !parameter.isInstance(value)) {
            throw new InvalidRequestException(Messages.updateExpressionTakesValue(entity, name, method));
        } else {
            argument = value;
        }
        Object result = invoke(method, columns ? new Object[] {Hybrids.columns(entity), argument}
                : new Object[] {argument});
        return assignmentsOf(method, result);
    }

    /** The update expression of {@code name} on the most derived class declaring one, or {@code null}. */
    private static Method find(Class<?> entity, String name) {
        for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                HybridUpdateExpression annotation = m.getAnnotation(HybridUpdateExpression.class);
                if (annotation != null && annotation.value().equals(name)) {
                    return m;
                }
            }
        }
        return null;
    }

    private static Object invoke(Method method, Object[] arguments) {
        try {
            method.setAccessible(true);
            return method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new InvalidRequestException(Messages.badUpdateExpression(method) + ": " + e.getCause(), e.getCause());
        } catch (IllegalAccessException | IllegalArgumentException | SecurityException e) {
            throw new InvalidRequestException(Messages.badUpdateExpression(method) + ": " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map.Entry<Field<?>, Object>> assignmentsOf(Method method, Object result) {
        List<Map.Entry<Field<?>, Object>> out = new ArrayList<>();
        Iterable<?> entries = result instanceof Map<?, ?> map ? map.entrySet() : (Iterable<?>) result;
        if (entries == null) {
            throw new InvalidRequestException(Messages.badUpdateExpression(method));
        }
        for (Object e : entries) {
            if (!(e instanceof Map.Entry<?, ?> entry) || !(entry.getKey() instanceof Field<?> key)) {
                throw new InvalidRequestException(Messages.badUpdateExpression(method));
            }
            out.add(new AbstractMap.SimpleImmutableEntry<>(key, entry.getValue()));
        }
        return out;
    }
}
