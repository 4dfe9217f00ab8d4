package io.athanor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.InvalidRequestException;
import io.athanor.Session;
import io.athanor.internal.sql.TextParameters;
import io.athanor.reliability.model.Hostile;
import io.athanor.reliability.model.Schema;
import io.athanor.reliability.prop.Gen;
import io.athanor.reliability.prop.PropertyRunner;
import io.athanor.reliability.prop.Shrink;
import io.athanor.testsupport.SqlCapture;
import io.athanor.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzers. The {@code text()} parameter parser gets random text (it must return or raise
 * {@link InvalidRequestException} with an id, nothing else) and random SQL built from known pieces
 * (it must produce exactly the statement and parameter list those pieces imply: never a wrong
 * statement). The JSON column mapping gets random documents, which must round-trip on each database.
 * Each runs on {@link PropertyRunner}: {@code reliability.model.tries} inputs for the parser (the
 * pom's), {@value #JSON_TRIES} pairs of documents per database; a failure shrinks and names its seed.
 */
class FuzzTest {
    static final int JSON_TRIES = 300;

    @BeforeAll
    static void quiet() {
        SqlCapture.silence();
    }

    static int tries() {
        return Integer.getInteger("reliability.model.tries", 2000);
    }

    // ---- text(): random input -------------------------------------------------------------------------

    static Gen<String> sqlish() {
        return Gen.strings("'\"`-/*\\:?$ \nab1_(),=", 0, 40);
    }

    @Test
    void theParserReturnsOrRaisesAClearException() {
        PropertyRunner.check(PropertyRunner.Settings.of("text() on SQL-ish text", tries()), sqlish(), Shrink.string(),
                FuzzTest::returnsOrRaisesAClearException);
    }

    static void returnsOrRaisesAClearException(String text) {
        try {
            TextParameters p = TextParameters.parse(text);
            long placeholders = p.sql().chars().filter(c -> c == '?').count();
            assertTrue(placeholders >= p.names().size(), "each name has a placeholder: " + p);
            for (String name : p.names()) {
                assertTrue(!name.isEmpty() && Character.isJavaIdentifierStart(name.charAt(0)), "a name: " + name);
            }
        } catch (InvalidRequestException e) {
            assertTrue(e.getMessage().matches("(?s)ATHANOR-\\d{4}: .*"), "an id: " + e.getMessage());
        }
    }

    @Test
    void unicodeInputNeverBreaksTheParser() {
        PropertyRunner.check(PropertyRunner.Settings.of("text() on any UTF-16 text", tries()),
                Gen.strings(Gen.anyChar(), 0, 60), Shrink.string(), FuzzTest::neverBreaks);
    }

    static void neverBreaks(String text) {
        try {
            TextParameters.parse(text);
        } catch (InvalidRequestException e) {
            assertTrue(e.getMessage().startsWith("ATHANOR-"), e.getMessage());
        }
    }

    // ---- text(): SQL from known pieces ----------------------------------------------------------------

    /** A piece of SQL: how it is written, what the parser must make of it, and the parameter it names. */
    record Piece(String written, String parsed, String parameter) {
        @Override
        public String toString() {
            return written;
        }
    }

    /** SQL pieces; strings hold backslashes written as the dialect reads them (escapes only for MariaDB and E'...'). */
    static Gen<List<Piece>> statements(boolean backslashEscapes) {
        Gen<String> withBackslash = Gen.strings("ab :?'\\", 0, 8);
        Gen<Piece> dialectString = backslashEscapes
                ? withBackslash.map(s -> "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "' ")
                        .map(s -> new Piece(s, s, null))
                : withBackslash.map(s -> "'" + s.replace("'", "''") + "' ").map(s -> new Piece(s, s, null));
        Gen<Piece> escapeString = withBackslash
                .map(s -> " E'" + s.replace("\\", "\\\\").replace("'", "\\'") + "' ")
                .map(s -> new Piece(s, s, null));
        Gen<String> inside = Gen.strings("ab :?-/*\"`$\n", 0, 8);
        Gen<String> name = Gen.strings("abcxyz_", 1, 5).map(n -> "p" + n);
        Gen<Piece> word = Gen.strings("ab1 ,()=+<>", 1, 6).map(w -> new Piece(w, w, null));
        Gen<Piece> parameter = name.map(n -> new Piece(":" + n + " ", "? ", n));
        Gen<Piece> string = inside.map(s -> "'" + s.replace("'", "''") + "'").map(s -> new Piece(s, s, null));
        Gen<Piece> quotedName = inside.map(s -> "\"" + s.replace("\"", "\"\"") + "\"")
                .map(s -> new Piece(s, s, null));
        Gen<Piece> lineComment = inside.map(s -> "--" + s.replace("\n", " ") + "\n").map(s -> new Piece(s, s, null));
        Gen<Piece> blockComment = inside.filter(s -> !s.contains("*/") && !s.endsWith("*"))
                .map(s -> "/*" + s + "*/").map(s -> new Piece(s, s, null));
        Gen<Piece> cast = Gen.of("::int ", "::text ", "::jsonb ").map(s -> new Piece(s, s, null));
        Gen<Piece> literalColon = Gen.of("\\:a ", "\\:x1 ").map(s -> new Piece(s, s.substring(1), null));
        Gen<Piece> jdbcEscape = Gen.constant(new Piece("?? ", "?? ", null));
        Gen<Piece> piece = Gen.<Piece>frequency()
                .add(4, word).add(4, parameter).add(3, string)
                .add(2, quotedName).add(2, lineComment)
                .add(2, blockComment).add(1, cast)
                .add(1, literalColon).add(1, jdbcEscape)
                .add(3, dialectString).add(backslashEscapes ? 0 : 1, escapeString);
        return piece.list(0, 12);
    }

    @Test
    void standardSqlParsesToExactlyTheStatementThePiecesImply() {
        PropertyRunner.check(PropertyRunner.Settings.of("text() on standard SQL pieces", tries()), statements(false),
                Shrink.list(0, Shrink.none()), pieces -> assertParsesAsBuilt(pieces, false));
    }

    @Test
    void mariadbSqlParsesToExactlyTheStatementThePiecesImply() {
        PropertyRunner.check(PropertyRunner.Settings.of("text() on MariaDB SQL pieces", tries()), statements(true),
                Shrink.list(0, Shrink.none()), pieces -> assertParsesAsBuilt(pieces, true));
    }

    private static void assertParsesAsBuilt(List<Piece> pieces, boolean backslashEscapes) {
        StringBuilder written = new StringBuilder();
        StringBuilder parsed = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (Piece p : pieces) {
            written.append(p.written());
            parsed.append(p.parsed());
            if (p.parameter() != null) {
                names.add(p.parameter());
            }
        }
        TextParameters result = TextParameters.parse(written.toString(), backslashEscapes);
        assertEquals(parsed.toString(), result.sql(), "the statement of " + written);
        assertEquals(names, result.names(), "the parameters of " + written);
    }

    // ---- the JSON column mapping ----------------------------------------------------------------------

    /** Two documents: the one inserted and the one replacing it. */
    record Documents(Map<String, Object> doc, Map<String, Object> other) {
    }

    static Gen<Map<String, Object>> documents() {
        Gen<String> text = Gen.strings(Gen.anyChar(), 0, 12)
                .filter(s -> s.chars().noneMatch(c -> c == 0 || Character.isSurrogate((char) c)));
        Gen<Object> scalar = Gen.oneOf(text.map(s -> (Object) s), Gen.booleans().map(b -> (Object) b));
        Gen<Object> list = scalar.list(0, 3).map(l -> (Object) l);
        Gen<Object> nested = Gen.maps(text, scalar, 3).map(m -> (Object) m);
        Gen<Object> value = Gen.oneOf(scalar, list, nested);
        return Gen.maps(text, value, 5);
    }

    /** Entries removed, then values simplified: strings shortened, lists and nested maps emptied or shortened. */
    static Shrink<Map<String, Object>> shrinkDocument() {
        return Shrink.map(FuzzTest::simplerValue);
    }

    @SuppressWarnings("unchecked")
    static List<Object> simplerValue(Object v) {
        List<Object> out = new ArrayList<>();
        if (v instanceof String s) {
            out.addAll(Shrink.string().candidates(s));
        } else if (v instanceof Boolean b && b) {
            out.add(false);
        } else if (v instanceof List<?> l) {
            out.addAll(Shrink.list(0, FuzzTest::simplerValue).candidates((List<Object>) l));
        } else if (v instanceof Map<?, ?> m) {
            out.addAll(Shrink.<String, Object>map(FuzzTest::simplerValue).candidates((Map<String, Object>) m));
        }
        return out;
    }

    static void jsonProperty(TestDatabase kind) {
        Gen<Documents> pairs = r -> new Documents(documents().next(r), documents().next(r));
        Shrink<Documents> shrink = Shrink.pair(Documents::doc, Documents::other, Documents::new, shrinkDocument(),
                shrinkDocument());
        PropertyRunner.check(PropertyRunner.Settings.of("JSON round trips on " + kind.id(), JSON_TRIES), pairs, shrink,
                d -> jsonRoundTrip(kind, d.doc(), d.other()));
    }

    @Test
    @OnDatabase(TestDatabase.H2)
    void jsonRoundTripsOnH2() {
        jsonProperty(TestDatabase.H2);
    }

    @Test
    @OnDatabase(TestDatabase.POSTGRESQL)
    void jsonRoundTripsOnPostgresql() {
        jsonProperty(TestDatabase.POSTGRESQL);
    }

    @Test
    @OnDatabase(TestDatabase.MARIADB)
    void jsonRoundTripsOnMariadb() {
        jsonProperty(TestDatabase.MARIADB);
    }

    private static void jsonRoundTrip(TestDatabase kind, Map<String, Object> doc, Map<String, Object> other) {
        var engine = Schema.engine(Schema.handle(kind));
        long id;
        try (Session s = Schema.sessions(engine).open()) {
            Hostile h = new Hostile("fuzz", doc);
            s.add(h);
            s.flush();
            id = h.id;
            s.commit();
        }
        try (Session s = Schema.sessions(engine).open()) {
            Hostile h = s.get(Hostile.class, id);
            assertEquals(doc, h.doc, "the document read back on " + kind.id());
            h.doc = other; // a replaced document is written
            s.commit();
        }
        try (Session s = Schema.sessions(engine).open()) {
            Hostile h = s.get(Hostile.class, id);
            assertEquals(other, h.doc, "the replaced document on " + kind.id());
            s.delete(h);
            s.commit();
        }
    }
}
