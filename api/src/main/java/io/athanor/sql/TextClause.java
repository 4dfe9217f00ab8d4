package io.athanor.sql;

import io.athanor.api.internal.Messages;

/**
 * Literal SQL with named parameters ({@code :name}), SQLAlchemy's {@code text()}. Parameters are
 * always bound, never spliced; {@code \:} writes a literal colon. Textual statements never autoflush.
 */
public final class TextClause implements Statement {
    private final String sql;

    TextClause(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException(Messages.emptyText());
        }
        this.sql = sql;
    }

    /** The SQL as written. */
    public String sql() {
        return sql;
    }

    @Override
    public String toString() {
        return sql;
    }
}
