package io.athanor.reliability;

import static io.athanor.sql.Sql.select;
import static io.athanor.sql.Sql.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Engine;
import io.athanor.InvalidRequestException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.reliability.model.Hostile;
import io.athanor.reliability.model.Hostile_;
import io.athanor.reliability.model.Rec;
import io.athanor.reliability.model.Schema;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import io.athanor.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Hostile input is bound, never spliced: a corpus of injection strings round-trips verbatim through
 * an entity column, {@code text()} parameters, bound LIKE patterns and the keys and values of a
 * JSON column, on each database; the tables survive. Bad configuration fails naming the key.
 */
@AllDatabases
class HostileInputTest {
    /** Strings that break SQL, JSON or parameter parsing when spliced; NUL is added where the database allows it. */
    static final List<String> CORPUS = List.of(
            "'", "''", "\"", "`", "\\", "\\'", "\\\\'", "'; DROP TABLE rel_hostile; --", "' OR '1'='1",
            "\" OR \"1\"=\"1", "1; DELETE FROM rel_hostile", "-- comment", "#", "/* open", "*/", "/*! 50000 x */",
            ":name", ":v", "::text", ":1", "\\:escaped", "?", "??", "?::int", "$1", "$$ dollar $$", "%", "_",
            "!%", "\\%", "\\_", "100%_sure", "a\nb\r\nc\td", "\b\f", "ä ö ü ß é", "e\u0301", "\uD83D\uDE00 emoji",
            "\uD835\uDD18\uD835\uDD2B", "\u202Eevil", "\uFEFFbom", "\u2028line sep", "NULL", "null", "{\"a\": 1}",
            "[1, 2]", "\"}, \"x\": {\"", "' || pg_sleep(5) || '", "' AND SLEEP(5) AND '", "0x27", "<script>alert(1)</script>",
            "]]>", "${jndi:ldap://x}", "%s%n", " leading and trailing ", "", "'".repeat(300),
            "\\".repeat(101));

    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        SqlCapture.silence();
        engine = Schema.engine(db);
        Schema.clean(engine, "rel_hostile");
        sessions = Schema.sessions(engine);
    }

    List<String> corpus() {
        List<String> all = new ArrayList<>(CORPUS);
        if (db.kind() != TestDatabase.POSTGRESQL) { // PostgreSQL text and jsonb refuse NUL
            all.add("\u0000");
            all.add("a\u0000b");
        }
        return all;
    }

    static String likeEscaped(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    @Test
    void injectionStringsRoundTripVerbatim() {
        List<String> corpus = corpus();
        Map<String, Long> ids = new LinkedHashMap<>();
        try (Session s = sessions.open()) {
            List<Hostile> rows = new ArrayList<>();
            for (String h : corpus) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put(h, h);
                doc.put("nested", Map.of("k" + h, List.of(h, "x")));
                rows.add(new Hostile(h, doc));
            }
            s.addAll(rows);
            s.flush();
            for (int i = 0; i < corpus.size(); i++) {
                ids.put(corpus.get(i), rows.get(i).id);
            }
            s.commit();
        }
        try (Session s = sessions.open()) {
            for (String h : corpus) {
                String what = "'" + printable(h) + "' on " + db;
                long id = ids.get(h);
                Hostile row = s.get(Hostile.class, id);
                assertEquals(h, row.text, "entity column " + what);
                assertEquals(h, row.doc.get(h), "JSON key and value " + what);
                assertEquals(Map.of("k" + h, List.of(h, "x")), row.doc.get("nested"), "nested JSON " + what);
                assertEquals(h, s.execute(text("SELECT text FROM rel_hostile WHERE id = :id AND text = :v"),
                        Map.of("id", id, "v", h)).scalar(), "text() parameter " + what);
                assertEquals(h, s.execute(text("SELECT :v AS echoed"), Map.of("v", h)).scalar(),
                        "text() parameter echoed " + what);
                List<Hostile> liked = s.scalars(select(Hostile.class)
                        .where(Hostile_.id.eq(id), Hostile_.text.like(likeEscaped(h), '!'))).all();
                assertEquals(1, liked.size(), "bound LIKE pattern matches itself " + what);
                List<Hostile> contains = s.scalars(select(Hostile.class)
                        .where(Hostile_.id.eq(id), Hostile_.text.contains(h))).all();
                assertEquals(1, contains.size(), "bound contains() " + what);
            }
        }
        try (Session s = sessions.open()) {
            assertEquals((long) corpus.size(), ((Number) s.execute(text("SELECT COUNT(*) FROM rel_hostile")).scalar())
                    .longValue(), "every row is there: nothing was dropped or deleted");
        }
    }

    @Test
    void aQuestionMarkOutsideQuotesIsRefusedWithAnId() {
        try (Session s = sessions.open()) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> s.execute(text("SELECT text FROM rel_hostile WHERE text = ?")));
            assertTrue(e.getMessage().startsWith("ATHANOR-4020"), e.getMessage());
            InvalidRequestException missing = assertThrows(InvalidRequestException.class,
                    () -> s.execute(text("SELECT :a, ':b', :c"), Map.of("a", 1)));
            assertTrue(missing.getMessage().startsWith("ATHANOR-4022") && missing.getMessage().contains(":c"),
                    missing.getMessage());
        }
    }

    @Test
    void backslashesInSqlLiteralsFollowTheDialect() {
        // standard SQL (PostgreSQL, H2): a backslash is an ordinary character; MariaDB: an escape
        String literal = db.kind() == TestDatabase.MARIADB ? "'C:\\\\'" : "'C:\\'";
        try (Session s = sessions.open()) {
            var row = s.execute(text("SELECT " + literal + " AS path, :x AS x, ':y' AS y"), Map.of("x", "bound")).one();
            assertEquals("C:\\", row.get(0), "the literal");
            assertEquals("bound", row.get(1), "the parameter after it");
            assertEquals(":y", row.get(2), "a quoted :name is text");
        }
    }

    @Test
    void badConfigurationFailsNamingTheKey() {
        assertConfigRefused("athanor.pool.max-size", "-1");
        assertConfigRefused("athanor.pool.max-size", "0");
        assertConfigRefused("athanor.pool.min-size", "-3");
        assertConfigRefused("athanor.pool.max-size", "ten");
        assertConfigRefused("athanor.pool.acquisition-timeout-ms", "-5");
        assertConfigRefused("athanor.pool.pre-ping", "yes");
        assertConfigRefused("athanor.pool.pre-ping-idle-ms", "-1");
        assertConfigRefused("athanor.pool.max-sise", "5"); // a misspelt key is not silently ignored
        InvalidRequestException unknownClass = assertThrows(InvalidRequestException.class,
                () -> SessionMaker.builder(Schema.REGISTRY).binds(Map.of(String.class, engine)));
        assertTrue(unknownClass.getMessage().startsWith("ATHANOR-2042")
                && unknownClass.getMessage().contains("java.lang.String"), unknownClass.getMessage());
        InvalidRequestException unknownTable = assertThrows(InvalidRequestException.class,
                () -> SessionMaker.builder(Schema.REGISTRY).binds(Map.of("no_such_table", engine)));
        assertTrue(unknownTable.getMessage().startsWith("ATHANOR-2042")
                && unknownTable.getMessage().contains("'no_such_table'"), unknownTable.getMessage());
        SessionMaker.builder(Schema.REGISTRY).binds(Map.of(Rec.class, engine, "rel_hostile", engine)).build();
    }

    void assertConfigRefused(String key, String value) {
        Properties props = db.properties();
        props.setProperty(key, value);
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> {
            try (Engine ignored = Engine.create(db.jdbcUrl(), props)) {
                // not reached
            }
        }, key + "=" + value);
        assertTrue(e.getMessage().startsWith("ATHANOR-") && e.getMessage().contains(key),
                key + "=" + value + " names the key: " + e.getMessage());
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.length() > 60 ? b.substring(0, 60) + "..." : b.toString();
    }

}
