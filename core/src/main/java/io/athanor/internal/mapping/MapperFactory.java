package io.athanor.internal.mapping;

import io.athanor.api.internal.Names;
import io.athanor.enhance.Enhanced;
import io.athanor.enhance.EnhancedFields;
import io.athanor.internal.messages.MappingMessages;
import io.athanor.internal.types.Codecs;
import io.athanor.internal.types.ColumnCodec;
import io.athanor.internal.types.ColumnSpec;
import io.athanor.mapping.Column;
import io.athanor.mapping.Composite;
import io.athanor.mapping.Discriminator;
import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Mixin;
import io.athanor.mapping.Relationship;
import io.athanor.mapping.Version;
import io.athanor.types.ColumnType;
import io.athanor.types.Json;
import io.athanor.types.JsonText;
import io.athanor.types.Serialized;
import io.athanor.types.SqlArray;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link Mapper} of one class from its annotations, reporting every problem it finds
 * to the given list instead of stopping at the first.
 */
final class MapperFactory {
    private final List<String> problems;

    MapperFactory(List<String> problems) {
        this.problems = problems;
    }

    /** The mapper, or {@code null} when the class has problems that prevent building one. */
    Mapper build(Class<?> type) {
        if (!type.isAnnotationPresent(Mapped.class)) {
            problems.add(MappingMessages.notMapped(type));
            return null;
        }
        if (!Enhanced.class.isAssignableFrom(type) || !type.isAnnotationPresent(EnhancedFields.class)) {
            problems.add(MappingMessages.notEnhanced(type));
            return null;
        }
        int before = problems.size();
        boolean isAbstract = Modifier.isAbstract(type.getModifiers());
        List<Field> fields = enhancedFields(type);
        if (isAbstract && fields.stream().noneMatch(f -> f.isAnnotationPresent(Discriminator.class))) {
            problems.add(MappingMessages.abstractMapped(type));
        }
        java.util.function.Supplier<Object> constructor = isAbstract ? abstractConstructor(type) : constructor(type);
        Class<?> parent = mappedSuperclass(type);
        String table = parent == null ? tableName(type) : inheritedTable(type, parent);
        checkHierarchyFields(type, parent, fields);
        String[] names = fields.stream().map(Field::getName).toArray(String[]::new);
        Members members = members(type, fields);
        List<ColumnModel> columns = members.columns();
        if (columns.stream().noneMatch(ColumnModel::primaryKey)
                && fields.stream().noneMatch(f -> f.isAnnotationPresent(Id.class))) {
            problems.add(MappingMessages.noPrimaryKey(type));
        }
        if (problems.size() > before || constructor == null) {
            return null;
        }
        Mapper mapper = new Mapper(type, table, columns, names, members.byField(), constructor, members.relationships());
        mapper.abstractClass = isAbstract;
        return mapper;
    }

    /** The columns (by field too) and relationships of a class's enhanced fields. */
    private record Members(List<ColumnModel> columns, Map<String, ColumnModel> byField,
                           List<RelationshipModel> relationships) {
    }

    private Members members(Class<?> type, List<Field> fields) {
        Members members = new Members(new ArrayList<>(), new LinkedHashMap<>(), new ArrayList<>());
        Map<String, String> columnOwners = new LinkedHashMap<>();
        String versionField = null;
        for (int index = 0; index < fields.size(); index++) {
            Field field = fields.get(index);
            if (field.isAnnotationPresent(Relationship.class)) {
                RelationshipModel r = relationship(type, index, field);
                if (r != null) {
                    members.relationships().add(r);
                }
                continue;
            }
            List<ColumnModel> fieldColumns = field.isAnnotationPresent(Composite.class)
                    ? new CompositeColumns(problems).columns(type, index, field)
                    : columnList(type, index, field);
            for (ColumnModel column : fieldColumns) {
                column.table = tableOfField(type, field);
                String owner = columnOwners.putIfAbsent(column.columnName(), field.getName());
                if (owner != null) {
                    problems.add(clash(type, fields, owner, field, column.columnName()));
                }
                members.columns().add(column);
                members.byField().put(field.getName(), column);
            }
            if (fieldColumns.size() == 1 && fieldColumns.get(0).composite() == null && fieldColumns.get(0).version()) {
                if (versionField != null) {
                    problems.add(MappingMessages.twoVersions(type, versionField, field.getName()));
                }
                versionField = field.getName();
            }
        }
        return members;
    }

    /** The nearest superclass annotated {@code @Mapped}, or {@code null}. */
    static Class<?> mappedSuperclass(Class<?> type) {
        for (Class<?> c = type.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Mapped.class)) {
                return c;
            }
        }
        return null;
    }

    /**
     * A subclass without a table of its own is stored in its mapped superclass's table (single-table
     * inheritance); one with a table of its own adds that table, joined to its parent's by the key
     * (joined-table inheritance).
     */
    private static String inheritedTable(Class<?> type, Class<?> parent) {
        String own = type.getAnnotation(Mapped.class).table();
        if (!own.isEmpty()) {
            return own;
        }
        Class<?> grand = mappedSuperclass(parent);
        return grand == null ? tableName(parent) : inheritedTable(parent, grand);
    }

    /** The table of the class a field's columns belong to: the nearest mapped class at or below its declaring class. */
    private static String tableOfField(Class<?> type, Field field) {
        Class<?> level = null;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Mapped.class)) {
                level = c;
            }
            if (c == field.getDeclaringClass()) {
                break;
            }
        }
        if (level == null) {
            level = type;
        }
        Class<?> parent = mappedSuperclass(level);
        return parent == null ? tableName(level) : inheritedTable(level, parent);
    }

    /** A subclass's key is its base's; the discriminator is one String field of the base. */
    private void checkHierarchyFields(Class<?> type, Class<?> parent, List<Field> fields) {
        Field discriminator = null;
        for (Field f : fields) {
            boolean inherited = parent != null && f.getDeclaringClass().isAssignableFrom(parent);
            if (parent != null && !inherited && f.isAnnotationPresent(Id.class)) {
                problems.add(MappingMessages.subclassDeclaresId(type, f.getName(), root(type)));
            }
            if (!f.isAnnotationPresent(Discriminator.class)) {
                continue;
            }
            if (discriminator != null) {
                problems.add(MappingMessages.twoDiscriminators(type, discriminator.getName(), f.getName()));
            }
            discriminator = f;
            if (f.getType() != String.class) {
                problems.add(MappingMessages.badDiscriminatorType(type, f.getName(), f.getGenericType().getTypeName()));
            }
            Class<?> declaredBy = f.getDeclaringClass();
            if (parent != null && !inherited && mappedSuperclass(declaredBy) != null) {
                problems.add(MappingMessages.discriminatorNotOnBase(type, f.getName(), root(type)));
            }
        }
    }

    static Class<?> root(Class<?> type) {
        Class<?> root = type;
        for (Class<?> c = mappedSuperclass(type); c != null; c = mappedSuperclass(c)) {
            root = c;
        }
        return root;
    }

    /** Two fields of one class on one column: named as a clash with the superclass when one is inherited. */
    private static String clash(Class<?> type, List<Field> fields, String ownerName, Field field, String column) {
        Field owner = fields.stream().filter(f -> f.getName().equals(ownerName)).findFirst().orElse(null);
        Class<?> parent = mappedSuperclass(type);
        if (owner != null && parent != null && owner.getDeclaringClass().isAssignableFrom(parent)
                && !field.getDeclaringClass().isAssignableFrom(parent)) {
            return MappingMessages.columnClashesWithParent(type, field.getName(), column, owner.getDeclaringClass(), ownerName);
        }
        return MappingMessages.duplicateColumn(type, column, ownerName, field.getName());
    }

    /** An abstract class of a hierarchy is never instantiated; a row naming it is refused before. */
    private static java.util.function.Supplier<Object> abstractConstructor(Class<?> type) {
        return () -> {
            throw new IllegalStateException(MappingMessages.abstractInstantiated(type));
        };
    }

    private RelationshipModel relationship(Class<?> owner, int index, Field field) {
        Relationship annotation = field.getAnnotation(Relationship.class);
        Class<?> raw = field.getType();
        boolean collection = java.util.Collection.class.isAssignableFrom(raw);
        Class<?> target = raw;
        if (collection) {
            if (raw != java.util.List.class && raw != java.util.Set.class && raw != java.util.Collection.class) {
                problems.add(MappingMessages.badCollectionType(owner, field.getName(), field.getGenericType().getTypeName()));
                return null;
            }
            if (!(field.getGenericType() instanceof java.lang.reflect.ParameterizedType p)
                    || !(p.getActualTypeArguments()[0] instanceof Class<?> element)) {
                problems.add(MappingMessages.rawCollection(owner, field.getName()));
                return null;
            }
            target = element;
            if (!annotation.uselist()) {
                problems.add(MappingMessages.uselistOnCollection(owner, field.getName()));
                return null;
            }
        }
        return new RelationshipModel(index, field, annotation, target, collection, raw == java.util.Set.class);
    }

    static String tableName(Class<?> type) {
        String table = type.getAnnotation(Mapped.class).table();
        return table.isEmpty() ? Names.snakeCase(type.getSimpleName()) : table;
    }

    private java.util.function.Supplier<Object> constructor(Class<?> type) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class));
            return factory(lookup, type, constructor);
        } catch (NoSuchMethodException e) {
            problems.add(MappingMessages.noConstructor(type));
            return null;
        } catch (IllegalAccessException e) {
            problems.add(MappingMessages.noConstructor(type) + " (" + e.getMessage() + ")");
            return null;
        }
    }

    /**
     * The no-argument constructor as a {@code Supplier} spun by {@link java.lang.invoke.LambdaMetafactory}:
     * the JIT inlines it where the loader creates instances, which it cannot do through a method
     * handle held in a field. Falls back to the handle where the metafactory refuses.
     */
    @SuppressWarnings("unchecked")
    private static java.util.function.Supplier<Object> factory(MethodHandles.Lookup lookup, Class<?> type,
                                                               MethodHandle constructor) {
        try {
            java.lang.invoke.CallSite site = java.lang.invoke.LambdaMetafactory.metafactory(lookup, "get",
                    MethodType.methodType(java.util.function.Supplier.class), MethodType.methodType(Object.class),
                    constructor, MethodType.methodType(type));
            return (java.util.function.Supplier<Object>) site.getTarget().invoke();
        } catch (Throwable refused) {
            MethodHandle generic = constructor.asType(MethodType.methodType(Object.class));
            return () -> {
                try {
                    return generic.invokeExact();
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException(MappingMessages.constructorThrew(type), t);
                }
            };
        }
    }

    /** The enhanced fields, numbered as the enhancer numbered them: outermost enhanced superclass first. */
    private static List<Field> enhancedFields(Class<?> type) {
        Deque<Class<?>> chain = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c.isAnnotationPresent(EnhancedFields.class)
                && (c.isAnnotationPresent(Mapped.class) || c.isAnnotationPresent(Mixin.class)); c = c.getSuperclass()) {
            chain.push(c);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : chain) {
            for (String name : c.getAnnotation(EnhancedFields.class).value()) {
                try {
                    fields.add(c.getDeclaredField(name));
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(MappingMessages.undeclaredEnhancedField(c, name), e);
                }
            }
        }
        return fields;
    }

    private List<ColumnModel> columnList(Class<?> owner, int index, Field field) {
        ColumnModel column = column(owner, index, field);
        return column == null ? List.of() : List.of(column);
    }

    private ColumnModel column(Class<?> owner, int index, Field field) {
        Column spec = field.getAnnotation(Column.class);
        Id id = field.getAnnotation(Id.class);
        boolean isVersion = field.isAnnotationPresent(Version.class);
        Class<?> javaType = field.getType();
        String name = field.getName();
        ColumnCodec codec = codec(owner, field, spec);
        if (codec == null) {
            return null;
        }
        if (isVersion) {
            if (javaType != int.class && javaType != Integer.class && javaType != long.class && javaType != Long.class) {
                problems.add(MappingMessages.badVersionType(owner, name, field.getGenericType().getTypeName()));
            }
            if (id != null) {
                problems.add(MappingMessages.versionIsId(owner, name));
            }
        }
        ForeignKeyModel fk = null;
        ForeignKey foreignKey = field.getAnnotation(ForeignKey.class);
        if (foreignKey != null) {
            String value = foreignKey.value();
            int dot = value.lastIndexOf('.');
            if (dot <= 0 || dot == value.length() - 1) {
                problems.add(MappingMessages.badForeignKey(owner, name, value));
            } else {
                fk = new ForeignKeyModel(value.substring(0, dot), value.substring(dot + 1), foreignKey.onDelete());
            }
        }
        boolean integerKey = javaType == Long.class || javaType == Integer.class || javaType == long.class
                || javaType == int.class;
        boolean primitive = javaType.isPrimitive();
        String columnName = spec != null && !spec.name().isEmpty() ? spec.name() : Names.snakeCase(name);
        ColumnSpec columnSpec = spec == null ? new ColumnSpec(255, 19, 2)
                : new ColumnSpec(spec.length(), spec.precision(), spec.scale());
        boolean nullable = id == null && !primitive && (spec == null || spec.nullable())
                && !field.isAnnotationPresent(Discriminator.class);
        ColumnModel model = new ColumnModel(index, name, columnName, javaType, codec, columnSpec, id != null,
                id != null && id.autoincrement() && integerKey, isVersion, nullable,
                spec != null && spec.unique(), spec != null && spec.index(),
                spec == null || spec.serverDefault().isEmpty() ? null : spec.serverDefault(), fk);
        model.owner = owner;
        model.field = field;
        model.columnType = spec == null || spec.type() == void.class ? null : spec.type();
        return model;
    }

    private ColumnCodec codec(Class<?> owner, Field field, Column spec) {
        Class<?> declared = spec == null ? void.class : spec.type();
        String name = field.getName();
        if (declared == Json.class) {
            return Codecs.json(field.getGenericType());
        }
        if (declared == JsonText.class) {
            return Codecs.jsonText(field.getGenericType());
        }
        if (declared == Serialized.class) {
            return Codecs.serialized();
        }
        if (declared == SqlArray.class) {
            ColumnCodec array = List.class.isAssignableFrom(field.getType())
                    ? Codecs.array(elementType(field.getGenericType()), owner.getName() + "." + name) : null;
            if (array == null) {
                problems.add(MappingMessages.badArrayField(owner, name, field.getGenericType().getTypeName()));
            }
            return array;
        }
        if (declared != void.class) {
            if (!ColumnType.class.isAssignableFrom(declared)) {
                problems.add(MappingMessages.badColumnType(owner, name, declared));
                return null;
            }
            ColumnType<?> userType;
            try {
                userType = (ColumnType<?>) declared.getConstructor().newInstance();
            } catch (ReflectiveOperationException | RuntimeException e) {
                problems.add(MappingMessages.columnTypeNotInstantiable(owner, name, declared, e.toString()));
                return null;
            }
            if (!box(userType.javaType()).isAssignableFrom(box(field.getType()))) {
                problems.add(MappingMessages.columnTypeMismatch(owner, name, field.getGenericType().getTypeName(),
                        userType.javaType()));
                return null;
            }
            if (Codecs.forJavaType(userType.storedAs()) == null) {
                problems.add(MappingMessages.unsupportedColumnType(owner, name, declared, String.valueOf(userType.storedAs())));
                return null;
            }
            return Codecs.user(userType);
        }
        ColumnCodec codec = Codecs.forJavaType(field.getType());
        if (codec == null) {
            problems.add(MappingMessages.unsupportedType(owner, name, field.getGenericType().getTypeName()));
        }
        return codec;
    }

    /** The class of the first type argument of a parameterized type, or {@code Object}. */
    private static Class<?> elementType(java.lang.reflect.Type type) {
        if (type instanceof java.lang.reflect.ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "boolean" -> Boolean.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "byte" -> Byte.class;
            case "char" -> Character.class;
            default -> type;
        };
    }
}
