package io.athanor.internal.mapping;

/**
 * The association table of a many-to-many relationship: its name, the columns that reference the
 * owner's key and those that reference the target's key (in key order), and whether Athanor
 * creates it (no mapped class declares it).
 */
public record SecondaryTable(String table, String[] ownerColumns, ColumnModel[] ownerKey, String[] targetColumns,
                             ColumnModel[] targetKey, boolean synthesized) {
}
