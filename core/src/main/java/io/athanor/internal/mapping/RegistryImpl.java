package io.athanor.internal.mapping;

import io.athanor.Engine;
import io.athanor.InvalidRequestException;
import io.athanor.MappingException;
import io.athanor.internal.ddl.DdlGenerator;
import io.athanor.internal.engine.EngineImpl;
import io.athanor.internal.messages.MappingMessages;
import io.athanor.internal.messages.SessionMessages;
import io.athanor.internal.types.Codecs;
import io.athanor.internal.types.ColumnCodec;
import io.athanor.mapping.Registry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The engine's {@link Registry}: every mapper, validated together, in foreign-key order. */
public final class RegistryImpl implements Registry {
    private final Map<Class<?>, Mapper> byClass;
    private final Map<String, Mapper> byTable;
    private final List<Mapper> ordered;
    private final Map<Class<?>, ColumnCodec> userCodecs;

    /** The mapper most recently built for each class, so instances can be inspected before they meet a session. */
    private static final Map<Class<?>, Mapper> LATEST = new java.util.concurrent.ConcurrentHashMap<>();

    private final List<SecondaryTable> secondaries;

    private RegistryImpl(Map<Class<?>, Mapper> byClass, Map<String, Mapper> byTable, List<Mapper> ordered,
                         List<SecondaryTable> secondaries) {
        this.secondaries = secondaries;
        this.byClass = byClass;
        this.byTable = byTable;
        this.ordered = ordered;
        Map<Class<?>, ColumnCodec> codecs = new HashMap<>();
        for (Mapper m : ordered) {
            LATEST.put(m.type(), m);
            for (ColumnModel c : m.columns()) {
                if (c.composite() == null && Codecs.forJavaType(c.javaType()) == null) {
                    codecs.putIfAbsent(MapperFactory.box(c.javaType()), c.codec());
                }
            }
        }
        this.userCodecs = Map.copyOf(codecs);
    }

    /** The mapper last built for a class by any registry; {@link InvalidRequestException} if none was. */
    public static Mapper lastMapperOf(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Mapper m = LATEST.get(c);
            if (m != null) {
                return m;
            }
        }
        throw new InvalidRequestException(SessionMessages.noRegistryYet(type));
    }

    /** The mapper last built for a class, or {@code null}: the fast path for newly constructed instances. */
    public static Mapper latestMapperOrNull(Class<?> type) {
        Mapper m = LATEST.get(type);
        if (m != null || LATEST.isEmpty()) {
            return m;
        }
        for (Class<?> c = type.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            m = LATEST.get(c);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /** The codec of a user or JSON column whose Java type is {@code type}, for binding query values; or {@code null}. */
    public ColumnCodec userCodec(Class<?> type) {
        if (userCodecs.isEmpty()) {
            return null;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            ColumnCodec codec = userCodecs.get(c);
            if (codec != null) {
                return codec;
            }
        }
        return null;
    }

    /** Builds and validates the mappers of the given classes; {@link MappingException#problems()} lists every problem. */
    public static RegistryImpl build(Collection<Class<?>> classes) {
        if (classes.isEmpty()) {
            throw new MappingException(MappingMessages.emptyRegistry());
        }
        List<String> problems = new ArrayList<>();
        MapperFactory factory = new MapperFactory(problems);
        Map<Class<?>, Mapper> byClass = new LinkedHashMap<>();
        Map<String, Mapper> byTable = new LinkedHashMap<>();
        for (Class<?> type : new LinkedHashSet<>(classes)) {
            Mapper mapper = factory.build(type);
            if (mapper == null) {
                continue;
            }
            Mapper other = byTable.putIfAbsent(mapper.table(), mapper);
            if (other != null && !sameHierarchy(other.type(), type)) {
                problems.add(MappingMessages.duplicateTable(mapper.table(), other.type(), type));
                continue;
            }
            if (other != null && type.isAssignableFrom(other.type())) {
                byTable.put(mapper.table(), mapper); // a table of a single-table hierarchy stands for its base
            }
            byClass.put(type, mapper);
        }
        new Hierarchies(byClass, problems).link();
        checkForeignKeys(byClass.values(), byTable, problems);
        RelationshipResolver relationships = new RelationshipResolver(byClass, byTable, problems);
        if (problems.isEmpty()) {
            relationships.resolveAll();
        }
        if (!problems.isEmpty()) {
            String list = problems.stream().map(p -> "  - " + p.replace("\n", "\n    ")).collect(Collectors.joining("\n"));
            throw new MappingException(problems.size() == 1 ? problems.get(0)
                    : MappingMessages.mappingProblems(problems.size(), list), problems);
        }
        List<Mapper> ordered = rank(byClass.values(), byTable);
        List<io.athanor.spi.AttributeListener> listeners = io.athanor.spi.AttributeListeners.all();
        if (!listeners.isEmpty()) {
            for (Mapper m : ordered) {
                for (ColumnModel c : m.columns()) {
                    if (c.attributeColumn()) {
                        c.listeners = listeners.stream().filter(l -> l.appliesTo(c))
                                .toArray(io.athanor.spi.AttributeListener[]::new);
                        m.listened |= c.listeners.length > 0;
                    }
                }
            }
        }
        return new RegistryImpl(Collections.unmodifiableMap(byClass), Collections.unmodifiableMap(byTable), ordered,
                List.copyOf(relationships.secondaries.values()));
    }

    private static boolean sameHierarchy(Class<?> a, Class<?> b) {
        return MapperFactory.root(a) == MapperFactory.root(b);
    }

    private static void checkForeignKeys(Collection<Mapper> mappers, Map<String, Mapper> byTable, List<String> problems) {
        for (Mapper mapper : mappers) {
            for (ColumnModel column : mapper.columns()) {
                ForeignKeyModel fk = column.foreignKey();
                if (fk == null) {
                    continue;
                }
                Mapper target = byTable.get(fk.table());
                if (target == null) {
                    problems.add(MappingMessages.unknownForeignTable(mapper.type(), column.fieldName(), fk.table(),
                            String.join(", ", byTable.keySet())));
                } else if (target.columns().length > 0 && java.util.Arrays.stream(target.columns())
                        .noneMatch(c -> c.columnName().equals(fk.column()))) {
                    problems.add(MappingMessages.unknownForeignColumn(mapper.type(), column.fieldName(), fk.table(), fk.column(),
                            java.util.Arrays.stream(target.columns()).map(ColumnModel::columnName)
                                    .collect(Collectors.joining(", "))));
                }
            }
        }
    }

    /** Orders mappers so that referenced tables come first; a cycle is broken at the mapper met first. */
    private static List<Mapper> rank(Collection<Mapper> mappers, Map<String, Mapper> byTable) {
        List<Mapper> ordered = new ArrayList<>();
        Map<Mapper, Integer> marks = new HashMap<>();
        for (Mapper m : mappers) {
            visit(m, byTable, marks, ordered);
        }
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).rank = i;
        }
        return List.copyOf(ordered);
    }

    private static void visit(Mapper m, Map<String, Mapper> byTable, Map<Mapper, Integer> marks, List<Mapper> out) {
        if (marks.containsKey(m)) {
            return;
        }
        marks.put(m, 1);
        if (m.parent != null) {
            visit(m.parent, byTable, marks, out); // a subclass's table references its parent's
        }
        for (ColumnModel c : m.columns()) {
            if (c.foreignKey() != null) {
                Mapper target = byTable.get(c.foreignKey().table());
                if (target != null && target != m) {
                    visit(target, byTable, marks, out);
                }
            }
        }
        marks.put(m, 2);
        out.add(m);
    }

    /** The mapper of a mapped class (or of the mapped class an instance's class extends). */
    public Mapper mapper(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Mapper m = byClass.get(c);
            if (m != null) {
                return m;
            }
        }
        throw new InvalidRequestException(SessionMessages.notMappedByRegistry(type, byClass.keySet()));
    }

    /** The mapper of a mapped class, or {@code null}. */
    public Mapper mapperOrNull(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Mapper m = byClass.get(c);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /** The mapper of a table, or {@code null}. */
    public Mapper mapperForTable(String table) {
        return byTable.get(table);
    }

    /** Association tables no mapped class declares, which createAll creates. */
    public List<SecondaryTable> secondaries() {
        return secondaries;
    }

    /** Mappers in foreign-key order: referenced tables first. */
    public List<Mapper> ordered() {
        return ordered;
    }

    @Override
    public Set<Class<?>> mappedClasses() {
        return byClass.keySet();
    }

    @Override
    public String tableOf(Class<?> mappedClass) {
        return mapper(mappedClass).table();
    }

    @Override
    public void createAll(Engine engine) {
        new DdlGenerator(this, EngineImpl.unwrap(engine)).createAll();
    }

    @Override
    public void dropAll(Engine engine) {
        new DdlGenerator(this, EngineImpl.unwrap(engine)).dropAll();
    }

    @Override
    public List<String> createDdl(Engine engine) {
        return new DdlGenerator(this, EngineImpl.unwrap(engine)).createStatements();
    }

    @Override
    public String toString() {
        return "Registry" + byClass.keySet().stream().map(Class::getSimpleName).toList();
    }
}
