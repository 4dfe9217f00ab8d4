package io.athanor.internal.mapping;

import java.util.Locale;

/**
 * SQLAlchemy's cascade options of one relationship, parsed from a string such as
 * {@code "save-update, merge"} or {@code "all, delete-orphan"}.
 */
public record Cascade(boolean saveUpdate, boolean merge, boolean expunge, boolean delete, boolean deleteOrphan,
                      boolean refreshExpire) {

    /** Parses a cascade string; {@code null} for an unknown word (reported by the caller). */
    static Cascade parse(String text, java.util.List<String> unknown) {
        boolean saveUpdate = false;
        boolean merge = false;
        boolean expunge = false;
        boolean delete = false;
        boolean deleteOrphan = false;
        boolean refreshExpire = false;
        for (String raw : text.split(",")) {
            String word = raw.strip().toLowerCase(Locale.ROOT);
            switch (word) {
                case "" -> {
                }
                case "save-update" -> saveUpdate = true;
                case "merge" -> merge = true;
                case "expunge" -> expunge = true;
                case "delete" -> delete = true;
                case "delete-orphan" -> deleteOrphan = true;
                case "refresh-expire" -> refreshExpire = true;
                case "all" -> {
                    saveUpdate = true;
                    merge = true;
                    expunge = true;
                    delete = true;
                    refreshExpire = true;
                }
                case "none" -> {
                }
                default -> unknown.add(word);
            }
        }
        return new Cascade(saveUpdate, merge, expunge, delete, deleteOrphan, refreshExpire);
    }
}
