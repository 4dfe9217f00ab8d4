package io.athanor.ext.associationproxy;

import io.athanor.Engine;
import io.athanor.SessionMaker;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The association proxy tests' schema, created once per database, emptied before each test. */
public final class ProxyModel {
    public static final Registry REGISTRY = Registry.of(User.class, UserKeyword.class, Keyword.class, Nickname.class,
            Article.class, Memo.class);
    private static final Map<TestDatabase, Engine> ENGINES = new EnumMap<>(TestDatabase.class);

    private ProxyModel() {
    }

    public static synchronized Engine freshEngine(DatabaseHandle db) {
        Engine engine = ENGINES.get(db.kind());
        if (engine == null) {
            engine = Engine.create(db.jdbcUrl(), db.properties());
            REGISTRY.dropAll(engine);
            REGISTRY.createAll(engine);
            ENGINES.put(db.kind(), engine);
        }
        engine.echo(true);
        io.athanor.testsupport.SqlCapture.silence();
        for (String t : List.of("ap_article_keywords", "ap_user_keywords", "ap_nicknames", "ap_articles", "ap_memos",
                "ap_keywords", "ap_users")) {
            update(engine, "DELETE FROM " + t);
        }
        return engine;
    }

    public static SessionMaker sessions(Engine engine) {
        return SessionMaker.builder(REGISTRY).bind(engine).build();
    }

    public static SessionMaker keepLoaded(Engine engine) {
        return SessionMaker.builder(REGISTRY).bind(engine).expireOnCommit(false).build();
    }

    static void update(Engine engine, String sql) {
        try (Connection c = engine.dataSource().getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Rows of a query as lists of strings, read outside any session. */
    public static List<List<String>> rows(Engine engine, String sql) {
        try (Connection c = engine.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<List<String>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static long count(Engine engine, String table) {
        return Long.parseLong(rows(engine, "SELECT COUNT(*) FROM " + table).get(0).get(0));
    }
}
