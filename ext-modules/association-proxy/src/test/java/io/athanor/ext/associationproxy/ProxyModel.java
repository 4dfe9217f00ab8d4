package io.athanor.ext.associationproxy;

import io.athanor.Engine;
import io.athanor.SessionMaker;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.Schemas;
import java.util.List;

/** The association proxy tests' schema, created once per database, emptied before each test. */
public final class ProxyModel {
    public static final Registry REGISTRY = Registry.of(User.class, UserKeyword.class, Keyword.class, Nickname.class,
            Article.class, Memo.class);
    private static final List<String> CLEANUP = List.of("DELETE FROM ap_article_keywords",
            "DELETE FROM ap_user_keywords", "DELETE FROM ap_nicknames", "DELETE FROM ap_articles", "DELETE FROM ap_memos",
            "DELETE FROM ap_keywords", "DELETE FROM ap_users");

    private ProxyModel() {
    }

    public static Engine freshEngine(DatabaseHandle db) {
        return Schemas.fresh(db, REGISTRY, CLEANUP);
    }

    public static SessionMaker sessions(Engine engine) {
        return SessionMaker.builder(REGISTRY).bind(engine).build();
    }

    public static SessionMaker keepLoaded(Engine engine) {
        return SessionMaker.builder(REGISTRY).bind(engine).expireOnCommit(false).build();
    }

    static void update(Engine engine, String sql) {
        Schemas.execute(engine, sql);
    }

    /** Rows of a query as lists of strings, read outside any session. */
    public static List<List<String>> rows(Engine engine, String sql) {
        return Schemas.rows(engine, sql);
    }

    public static long count(Engine engine, String table) {
        return Schemas.count(engine, table);
    }
}
