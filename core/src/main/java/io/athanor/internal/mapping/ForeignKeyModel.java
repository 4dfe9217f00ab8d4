package io.athanor.internal.mapping;

/** A foreign key from a column to {@code table.column}, with its ON DELETE action (may be empty). */
public record ForeignKeyModel(String table, String column, String onDelete) {
}
