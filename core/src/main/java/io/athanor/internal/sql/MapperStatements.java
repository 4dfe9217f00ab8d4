package io.athanor.internal.sql;

import io.athanor.Dialect;
import io.athanor.internal.engine.Renderer;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Param;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The statements the unit of work repeats for one mapper and dialect, rendered with jOOQ on first
 * use and cached: INSERT (one or many rows, with or without RETURNING the generated key), UPDATE of
 * a set of changed columns by key (and version), DELETE by key, SELECT by key of all or some columns.
 */
public final class MapperStatements {
    /** Most rows in one multi-row INSERT; fewer when the columns would exceed the bind-parameter limit. */
    static final int MAX_ROWS = 1000;
    private static final int MAX_PARAMETERS = 30_000;

    private final Mapper mapper;
    private final DSLContext ctx;
    private final Table<?> table;
    private final Map<InsertShape, String> inserts = new ConcurrentHashMap<>();
    private final Map<BitSet, String> updates = new ConcurrentHashMap<>();
    private final Map<BitSet, String> selects = new ConcurrentHashMap<>();
    private final String delete;
    /** Relationship loads (IN queries) by shape; {@code ""} marks a shape whose SQL can't be reused. */
    private final Map<Object, String> loads = new ConcurrentHashMap<>();
    private static final int MAX_LOAD_SHAPES = 1_000;

    public MapperStatements(Mapper mapper, Dialect dialect) {
        this.mapper = mapper;
        this.ctx = Renderer.context(dialect);
        this.table = DSL.table(DSL.name(mapper.table()));
        this.delete = ctx.render(ctx.deleteFrom(table).where(keyCondition()));
    }

    private record InsertShape(BitSet columns, int rows, boolean returning) {
    }

    /**
     * The SQL remembered for a relationship load of this shape (an IN query selecting this mapper's
     * rows: relationship, nested joined loads, number of keys), {@code ""} if it can't be reused, or
     * {@code null} if not seen yet.
     */
    public String load(Object shape) {
        return loads.get(shape);
    }

    /** Remembers the SQL of a load shape ({@code ""}: render it every time); at most 1,000 shapes are kept. */
    public void rememberLoad(Object shape, String sql) {
        if (loads.size() < MAX_LOAD_SHAPES) {
            loads.putIfAbsent(shape, sql);
        }
    }

    /** How many rows of this shape go into one INSERT. */
    public int rowsPerInsert(int columnCount) {
        return Math.max(1, Math.min(MAX_ROWS, MAX_PARAMETERS / Math.max(1, columnCount)));
    }

    /** INSERT of {@code rows} rows of the given column positions, RETURNING the generated key when asked. */
    public String insert(BitSet columns, int rows, boolean returning) {
        InsertShape shape = new InsertShape(columns, rows, returning);
        String cached = inserts.get(shape);
        if (cached != null) {
            return cached;
        }
        List<Field<Object>> fields = new ArrayList<>();
        for (int i = columns.nextSetBit(0); i >= 0; i = columns.nextSetBit(i + 1)) {
            fields.add(unqualified(mapper.columns()[i]));
        }
        InsertValuesStepN<?> insert = ctx.insertInto(table).columns(fields);
        for (int r = 0; r < rows; r++) {
            List<Param<Object>> params = new ArrayList<>(fields.size());
            for (int f = 0; f < fields.size(); f++) {
                params.add(bind());
            }
            insert = insert.values(params);
        }
        String sql = returning
                ? ctx.render(insert.returning(unqualified(mapper.generatedKey())))
                : ctx.render(insert);
        if (rows == 1 || rows == rowsPerInsert(fields.size())) {
            inserts.put(shape, sql);
        }
        return sql;
    }

    /** UPDATE of the columns at the given positions, by key (and version, where the mapper has one). */
    public String update(BitSet columns) {
        return updates.computeIfAbsent((BitSet) columns.clone(), cols -> {
            Map<Field<?>, Object> values = new java.util.LinkedHashMap<>();
            for (int i = cols.nextSetBit(0); i >= 0; i = cols.nextSetBit(i + 1)) {
                values.put(unqualified(mapper.columns()[i]), bind());
            }
            if (values.isEmpty()) {
                throw new IllegalArgumentException("an UPDATE needs at least one column");
            }
            var update = ctx.update(table).set(values);
            return ctx.render(update.where(keyCondition()));
        });
    }

    /** DELETE by key (and version). */
    public String delete() {
        return delete;
    }

    /** SELECT of the columns at the given positions (all when {@code null}) by key. */
    public String selectByKey(BitSet columns) {
        BitSet key = columns == null ? allColumns() : columns;
        return selects.computeIfAbsent((BitSet) key.clone(), cols -> {
            List<Field<Object>> fields = new ArrayList<>();
            for (int i = cols.nextSetBit(0); i >= 0; i = cols.nextSetBit(i + 1)) {
                fields.add(qualified(mapper.columns()[i]));
            }
            Condition where = DSL.noCondition();
            for (ColumnModel k : mapper.primaryKey()) {
                where = where.and(qualified(k).eq(bind()));
            }
            Condition identity = mapper.identityCriterion(mapper.table());
            if (identity != null) {
                where = where.and(identity);
            }
            return ctx.render(ctx.select(fields).from(mapper.fromTable()).where(where));
        });
    }

    /** Positions of every column. */
    public BitSet allColumns() {
        BitSet all = new BitSet();
        all.set(0, mapper.columns().length);
        return all;
    }

    private Condition keyCondition() {
        Condition where = DSL.noCondition();
        for (ColumnModel k : mapper.primaryKey()) {
            where = where.and(unqualified(k).eq(bind()));
        }
        if (mapper.version() != null) {
            where = where.and(unqualified(mapper.version()).eq(bind()));
        }
        return where;
    }

    private static Param<Object> bind() {
        return DSL.val(null, SQLDataType.OTHER);
    }

    static Field<Object> unqualified(ColumnModel column) {
        return DSL.field(DSL.name(column.columnName()), SQLDataType.OTHER);
    }

    private Field<Object> qualified(ColumnModel column) {
        String in = column.table() != null ? column.table() : mapper.table();
        return DSL.field(DSL.name(in, column.columnName()), SQLDataType.OTHER);
    }
}
