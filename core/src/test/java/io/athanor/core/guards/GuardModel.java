package io.athanor.core.guards;

import io.athanor.Engine;
import io.athanor.SessionMaker;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.Schemas;
import io.athanor.testsupport.SqlCapture;
import java.util.List;

/** The guard tests' schema (a guild and three kinds of children), created once per database, emptied before each test. */
final class GuardModel {
    static final Registry REGISTRY = Registry.of(Guild.class, Member.class, Guest.class, Memo.class);
    private static final List<String> CLEANUP = List.of("DELETE FROM grd_memos", "DELETE FROM grd_guests",
            "DELETE FROM grd_members", "DELETE FROM grd_guilds");

    private GuardModel() {
    }

    static Engine freshEngine(DatabaseHandle db) {
        return Schemas.fresh(db, REGISTRY, CLEANUP);
    }

    /** Expires on commit, as SQLAlchemy's default. */
    static SessionMaker sessions(Engine engine) {
        return SessionMaker.builder(REGISTRY).bind(engine).build();
    }

    /** Keeps values on commit, so set-up objects can be read after their transaction. */
    static SessionMaker keepLoaded(Engine engine) {
        return SessionMaker.builder(REGISTRY).bind(engine).expireOnCommit(false).build();
    }

    /** Committed rows of a query as strings, read outside any session. */
    static List<List<String>> rows(Engine engine, String sql) {
        return Schemas.rows(engine, sql);
    }

    /** The captured statements with identifier quotes removed, so one assertion fits every dialect. */
    static List<String> statements(SqlCapture sql) {
        return sql.statements().stream().map(GuardModel::unquoted).toList();
    }

    /** The captured statements (unquoted) that start with {@code verb} and name {@code table}. */
    static List<String> statements(SqlCapture sql, String verb, String table) {
        return statements(sql).stream().filter(s -> s.regionMatches(true, 0, verb, 0, verb.length())
                && s.matches("(?s).*\\b" + table + "\\b.*")).toList();
    }

    static String unquoted(String sql) {
        return sql.replace("\"", "").replace("`", "");
    }

    /** The index of the first captured statement (unquoted) starting with {@code verb} and naming {@code table}; -1 if none. */
    static int indexOf(SqlCapture sql, String verb, String table) {
        List<String> all = statements(sql);
        for (int i = 0; i < all.size(); i++) {
            String s = all.get(i);
            if (s.regionMatches(true, 0, verb, 0, verb.length()) && s.matches("(?s).*\\b" + table + "\\b.*")) {
                return i;
            }
        }
        return -1;
    }
}
