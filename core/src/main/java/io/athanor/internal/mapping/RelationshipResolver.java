package io.athanor.internal.mapping;

import io.athanor.api.internal.Names;
import io.athanor.internal.mapping.RelationshipModel.Direction;
import io.athanor.internal.mapping.RelationshipModel.OrderColumn;
import io.athanor.internal.messages.MappingMessages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Resolves every relationship once all mappers exist: its target, direction and join columns from
 * the foreign keys (or {@code foreignKeys}), the association table, cascades, ordering and the
 * back-populating partner. Every problem is reported, not only the first.
 */
final class RelationshipResolver {
    private final Map<Class<?>, Mapper> byClass;
    private final Map<String, Mapper> byTable;
    private final List<String> problems;
    final Map<String, SecondaryTable> secondaries = new LinkedHashMap<>();

    RelationshipResolver(Map<Class<?>, Mapper> byClass, Map<String, Mapper> byTable, List<String> problems) {
        this.byClass = byClass;
        this.byTable = byTable;
        this.problems = problems;
    }

    void resolveAll() {
        for (Mapper m : byClass.values()) {
            for (RelationshipModel r : m.relationships()) {
                resolve(r);
            }
        }
        for (Mapper m : byClass.values()) {
            for (RelationshipModel r : m.relationships()) {
                if (r.target != null && r.direction != null) {
                    linkBack(r);
                }
            }
        }
    }

    private Class<?> ownerType(RelationshipModel r) {
        return r.owner.type();
    }

    private void resolve(RelationshipModel r) {
        Mapper target = byClass.get(r.targetType);
        if (target == null) {
            problems.add(MappingMessages.unmappedTarget(ownerType(r), r.name, r.targetType));
            return;
        }
        r.target = target;
        List<String> unknown = new ArrayList<>();
        r.cascade = Cascade.parse(r.annotation.cascade(), unknown);
        if (!unknown.isEmpty()) {
            problems.add(MappingMessages.unknownCascade(ownerType(r), r.name, unknown.toString()));
        }
        if (!r.annotation.secondary().isEmpty()) {
            r.direction = Direction.MANY_TO_MANY;
            r.secondary = secondary(r);
        } else {
            joinByForeignKey(r);
        }
        if (r.direction != null && r.direction != Direction.ONE_TO_MANY && r.cascade != null && r.cascade.deleteOrphan()) {
            problems.add(MappingMessages.orphanOnManyToOne(ownerType(r), r.name));
        }
        if (!r.annotation.orderBy().isBlank()) {
            r.orderBy = orderBy(r);
        }
    }

    /** Candidate joins: groups of foreign-key columns of {@code from} that reference {@code to}'s key. */
    private List<ColumnModel[]> candidates(Mapper from, Mapper to) {
        List<ColumnModel[]> out = new ArrayList<>();
        List<ColumnModel> refs = new ArrayList<>();
        for (ColumnModel c : from.columns()) {
            if (c.foreignKey() != null && c.foreignKey().table().equals(to.table())) {
                refs.add(c);
            }
        }
        if (to.primaryKey().length == 1) {
            for (ColumnModel c : refs) {
                out.add(new ColumnModel[] {c});
            }
        } else if (!refs.isEmpty()) {
            out.add(refs.toArray(new ColumnModel[0]));
        }
        return out;
    }

    private ColumnModel[] referenced(Mapper to, ColumnModel[] fkColumns) {
        ColumnModel[] remote = new ColumnModel[fkColumns.length];
        for (int i = 0; i < fkColumns.length; i++) {
            String col = fkColumns[i].foreignKey().column();
            remote[i] = Arrays.stream(to.columns()).filter(c -> c.columnName().equals(col)).findFirst().orElse(null);
        }
        return remote;
    }

    private void joinByForeignKey(RelationshipModel r) {
        Mapper owner = r.owner;
        Mapper target = r.target;
        List<ColumnModel[]> manyToOne = candidates(owner, target);
        List<ColumnModel[]> oneToMany = candidates(target, owner);
        String[] chosen = r.annotation.foreignKeys();
        if (chosen.length > 0) {
            manyToOne = matching(manyToOne, chosen);
            oneToMany = matching(oneToMany, chosen);
            if (manyToOne.isEmpty() && oneToMany.isEmpty()) {
                problems.add(MappingMessages.unknownForeignKeyColumn(ownerType(r), r.name, String.join(", ", chosen)));
                return;
            }
        }
        boolean m2o;
        if (owner == target) {
            m2o = !r.collection && r.annotation.uselist();
        } else if (r.collection) {
            m2o = false;
        } else {
            m2o = !manyToOne.isEmpty();
        }
        List<ColumnModel[]> pool = m2o ? manyToOne : oneToMany;
        if (pool.isEmpty()) {
            problems.add(MappingMessages.noJoin(ownerType(r), r.name, owner.table(), target.table()));
            return;
        }
        if (pool.size() > 1) {
            problems.add(MappingMessages.ambiguousJoin(ownerType(r), r.name, pool.stream()
                    .map(cols -> Arrays.stream(cols).map(c -> (m2o ? owner : target).table() + "." + c.columnName())
                            .collect(Collectors.joining("+")))
                    .collect(Collectors.joining(" and "))));
            return;
        }
        ColumnModel[] fk = pool.get(0);
        if (m2o) {
            r.direction = Direction.MANY_TO_ONE;
            r.localColumns = fk;
            r.remoteColumns = referenced(target, fk);
        } else {
            r.direction = Direction.ONE_TO_MANY;
            r.remoteColumns = fk;
            r.localColumns = referenced(owner, fk);
        }
    }

    private static List<ColumnModel[]> matching(List<ColumnModel[]> candidates, String[] names) {
        List<ColumnModel[]> out = new ArrayList<>();
        for (ColumnModel[] cols : candidates) {
            boolean all = Arrays.stream(cols).allMatch(c -> Arrays.stream(names)
                    .anyMatch(n -> n.equals(c.columnName()) || n.equals(c.fieldName())));
            if (all) {
                out.add(cols);
            }
        }
        return out;
    }

    private SecondaryTable secondary(RelationshipModel r) {
        String table = r.annotation.secondary();
        Mapper owner = r.owner;
        Mapper target = r.target;
        Mapper mapped = byTable.get(table);
        if (mapped != null) {
            List<ColumnModel[]> toOwner = candidates(mapped, owner);
            List<ColumnModel[]> toTarget = candidates(mapped, target);
            if (toOwner.isEmpty() || toTarget.isEmpty()) {
                problems.add(MappingMessages.badSecondary(ownerType(r), r.name, table, "the mapped class "
                        + mapped.type().getName() + " needs foreign keys to both '" + owner.table() + "' and '"
                        + target.table() + "'"));
                return null;
            }
            ColumnModel[] ownerCols = toOwner.get(0);
            ColumnModel[] targetCols = owner == target && toTarget.size() > 1 ? toTarget.get(1) : toTarget.get(0);
            return new SecondaryTable(table, names(ownerCols), referenced(owner, ownerCols), names(targetCols),
                    referenced(target, targetCols), false);
        }
        SecondaryTable known = secondaries.get(table);
        if (known != null) {
            if (known.ownerKey()[0].owner == target.type() && known.targetKey()[0].owner == owner.type()
                    && owner != target) {
                return new SecondaryTable(table, known.targetColumns(), known.targetKey(), known.ownerColumns(),
                        known.ownerKey(), true);
            }
            return known;
        }
        String ownerPrefix = Names.snakeCase(owner.type().getSimpleName()) + "_";
        String targetPrefix = Names.snakeCase(target.type().getSimpleName()) + "_";
        if (ownerPrefix.equals(targetPrefix)) {
            targetPrefix = "related_" + targetPrefix;
        }
        SecondaryTable made = new SecondaryTable(table, prefixed(ownerPrefix, owner.primaryKey()), owner.primaryKey(),
                prefixed(targetPrefix, target.primaryKey()), target.primaryKey(), true);
        secondaries.put(table, made);
        return made;
    }

    private static String[] names(ColumnModel[] cols) {
        return Arrays.stream(cols).map(ColumnModel::columnName).toArray(String[]::new);
    }

    private static String[] prefixed(String prefix, ColumnModel[] key) {
        return Arrays.stream(key).map(c -> prefix + c.columnName()).toArray(String[]::new);
    }

    private List<OrderColumn> orderBy(RelationshipModel r) {
        List<OrderColumn> out = new ArrayList<>();
        for (String part : r.annotation.orderBy().split(",")) {
            String[] words = part.strip().split("\\s+");
            String name = words[0];
            boolean desc = words.length > 1 && words[1].equalsIgnoreCase("desc");
            ColumnModel c = Arrays.stream(r.target.columns())
                    .filter(x -> x.columnName().equals(name) || x.fieldName().equals(name)).findFirst().orElse(null);
            if (c == null) {
                problems.add(MappingMessages.unknownOrderBy(ownerType(r), r.name, name, r.target.type().getName()));
            } else {
                out.add(new OrderColumn(c, desc));
            }
        }
        return List.copyOf(out);
    }

    private void linkBack(RelationshipModel r) {
        String back = r.annotation.backPopulates();
        if (back.isEmpty()) {
            return;
        }
        RelationshipModel partner = r.target.relationship(back);
        // a relationship inherited by a subclass pairs with the one pointing at its hierarchy's class
        if (partner == null || partner.target == null || !partner.target.type().isAssignableFrom(r.owner.type())) {
            problems.add(MappingMessages.unknownBackPopulates(ownerType(r), r.name, r.target.type(), back));
            return;
        }
        r.back = partner;
    }
}
