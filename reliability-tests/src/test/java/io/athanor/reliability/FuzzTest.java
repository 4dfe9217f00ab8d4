package io.athanor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.InvalidRequestException;
import io.athanor.Session;
import io.athanor.internal.sql.TextParameters;
import io.athanor.reliability.model.Hostile;
import io.athanor.reliability.model.Schema;
import io.athanor.testsupport.SqlCapture;
import io.athanor.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzers. The {@code text()} parameter parser gets random text (it must return or raise
 * {@link InvalidRequestException} with an id, nothing else) and random SQL built from known pieces
 * (it must produce exactly the statement and parameter list those pieces imply: never a wrong
 * statement). The JSON column mapping gets random documents, which must round-trip on each database.
 */
class FuzzTest {
    @BeforeContainer
    static void quiet() {
        SqlCapture.silence();
    }

    // ---- text(): random input -------------------------------------------------------------------------

    @Provide
    Arbitrary<String> sqlish() {
        return Arbitraries.strings().withChars("'\"`-/*\\:?$ \nab1_(),=").ofMaxLength(40)
                .injectDuplicates(0.1);
    }

    @Property
    void theParserReturnsOrRaisesAClearException(@ForAll("sqlish") String text) {
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

    @Property
    void unicodeInputNeverBreaksTheParser(@ForAll String text) {
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

    @Provide
    Arbitrary<List<Piece>> standardStatements() {
        return statements(false);
    }

    @Provide
    Arbitrary<List<Piece>> mariadbStatements() {
        return statements(true);
    }

    /** SQL pieces; strings hold backslashes written as the dialect reads them (escapes only for MariaDB and E'...'). */
    Arbitrary<List<Piece>> statements(boolean backslashEscapes) {
        Arbitrary<String> withBackslash = Arbitraries.strings().withChars("ab :?'\\").ofMaxLength(8);
        Arbitrary<Piece> dialectString = backslashEscapes
                ? withBackslash.map(s -> "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "' ")
                        .map(s -> new Piece(s, s, null))
                : withBackslash.map(s -> "'" + s.replace("'", "''") + "' ").map(s -> new Piece(s, s, null));
        Arbitrary<Piece> escapeString = withBackslash
                .map(s -> " E'" + s.replace("\\", "\\\\").replace("'", "\\'") + "' ")
                .map(s -> new Piece(s, s, null));
        Arbitrary<String> inside = Arbitraries.strings().withChars("ab :?-/*\"`$\n").ofMaxLength(8);
        Arbitrary<String> name = Arbitraries.strings().withChars("abcxyz_").ofMinLength(1).ofMaxLength(5)
                .map(n -> "p" + n);
        Arbitrary<Piece> word = Arbitraries.strings().withChars("ab1 ,()=+<>").ofMinLength(1).ofMaxLength(6)
                .map(w -> new Piece(w, w, null));
        Arbitrary<Piece> parameter = name.map(n -> new Piece(":" + n + " ", "? ", n));
        Arbitrary<Piece> string = inside.map(s -> "'" + s.replace("'", "''") + "'").map(s -> new Piece(s, s, null));
        Arbitrary<Piece> quotedName = inside.map(s -> "\"" + s.replace("\"", "\"\"") + "\"")
                .map(s -> new Piece(s, s, null));
        Arbitrary<Piece> lineComment = inside.map(s -> "--" + s.replace("\n", " ") + "\n").map(s -> new Piece(s, s, null));
        Arbitrary<Piece> blockComment = inside.filter(s -> !s.contains("*/") && !s.endsWith("*"))
                .map(s -> "/*" + s + "*/").map(s -> new Piece(s, s, null));
        Arbitrary<Piece> cast = Arbitraries.of("::int ", "::text ", "::jsonb ").map(s -> new Piece(s, s, null));
        Arbitrary<Piece> literalColon = Arbitraries.of("\\:a ", "\\:x1 ").map(s -> new Piece(s, s.substring(1), null));
        Arbitrary<Piece> jdbcEscape = Arbitraries.just(new Piece("?? ", "?? ", null));
        Arbitrary<Piece> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, word), net.jqwik.api.Tuple.of(4, parameter), net.jqwik.api.Tuple.of(3, string),
                net.jqwik.api.Tuple.of(2, quotedName), net.jqwik.api.Tuple.of(2, lineComment),
                net.jqwik.api.Tuple.of(2, blockComment), net.jqwik.api.Tuple.of(1, cast),
                net.jqwik.api.Tuple.of(1, literalColon), net.jqwik.api.Tuple.of(1, jdbcEscape),
                net.jqwik.api.Tuple.of(3, dialectString), net.jqwik.api.Tuple.of(backslashEscapes ? 0 : 1, escapeString));
        return piece.list().ofMaxSize(12);
    }

    @Property
    void standardSqlParsesToExactlyTheStatementThePiecesImply(@ForAll("standardStatements") List<Piece> pieces) {
        assertParsesAsBuilt(pieces, false);
    }

    @Property
    void mariadbSqlParsesToExactlyTheStatementThePiecesImply(@ForAll("mariadbStatements") List<Piece> pieces) {
        assertParsesAsBuilt(pieces, true);
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

    @Provide
    Arbitrary<Map<String, Object>> documents() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(12)
                .filter(s -> s.chars().noneMatch(c -> c == 0 || Character.isSurrogate((char) c)));
        Arbitrary<Object> scalar = Arbitraries.oneOf(text.map(s -> (Object) s), Arbitraries.of(true, false).map(b -> (Object) b));
        Arbitrary<Object> list = scalar.list().ofMaxSize(3).map(l -> (Object) l);
        Arbitrary<Object> nested = Arbitraries.maps(text, scalar).ofMaxSize(3).map(m -> (Object) new LinkedHashMap<>(m));
        Arbitrary<Object> value = Arbitraries.oneOf(scalar, list, nested);
        return Arbitraries.maps(text, value).ofMaxSize(5).map(LinkedHashMap::new);
    }

    @Property(tries = 300)
    @OnDatabase(TestDatabase.H2)
    void jsonRoundTripsOnH2(@ForAll("documents") Map<String, Object> doc, @ForAll("documents") Map<String, Object> other) {
        jsonRoundTrip(TestDatabase.H2, doc, other);
    }

    @Property(tries = 300)
    @OnDatabase(TestDatabase.POSTGRESQL)
    void jsonRoundTripsOnPostgresql(@ForAll("documents") Map<String, Object> doc,
                                    @ForAll("documents") Map<String, Object> other) {
        jsonRoundTrip(TestDatabase.POSTGRESQL, doc, other);
    }

    @Property(tries = 300)
    @OnDatabase(TestDatabase.MARIADB)
    void jsonRoundTripsOnMariadb(@ForAll("documents") Map<String, Object> doc,
                                 @ForAll("documents") Map<String, Object> other) {
        jsonRoundTrip(TestDatabase.MARIADB, doc, other);
    }

    private void jsonRoundTrip(TestDatabase kind, Map<String, Object> doc, Map<String, Object> other) {
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
