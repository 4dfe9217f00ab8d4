package io.athanor.sql;

import java.util.List;
import org.jooq.SelectField;

/**
 * Static factories for statements; {@code import static io.athanor.sql.Sql.*;} reads like
 * SQLAlchemy 2.0.
 */
public final class Sql {
    private Sql() {
    }

    /** Selects instances of a mapped class. */
    public static <T> Select<T> select(Class<T> mappedClass) {
        return new Select<>(List.of(mappedClass));
    }

    /** Selects one column (for {@code session.scalars}). */
    public static <T> Select<T> select(SelectField<T> column) {
        return new Select<>(List.of(column));
    }

    /** Selects several mapped classes and columns; each row holds them in order. */
    public static Select<Object> select(Object first, Object... more) {
        Object[] all = new Object[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        for (Object o : all) {
            Select.checkSelectable(o);
        }
        return new Select<>(List.of(all));
    }

    /** A bulk UPDATE of a mapped class's table. */
    public static Update update(Class<?> mappedClass) {
        return new Update(mappedClass);
    }

    /** A bulk DELETE from a mapped class's table. */
    public static Delete delete(Class<?> mappedClass) {
        return new Delete(mappedClass);
    }

    /** A multi-row INSERT into a mapped class's table. */
    public static Insert insert(Class<?> mappedClass) {
        return new Insert(mappedClass);
    }

    /** Literal SQL with {@code :name} parameters. */
    public static TextClause text(String sql) {
        return new TextClause(sql);
    }
}
