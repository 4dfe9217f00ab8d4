package io.athanor.ext.associationproxy;

import static io.athanor.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Engine;
import io.athanor.InvalidRequestException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.Parameter;

/**
 * The parts of SQLAlchemy's association proxy beyond the basics: the refused option pair, column
 * operators (ne, like), eq/has on map proxies, proxies to plain properties (getset_factory) and the
 * default creator.
 */
@AllDatabases
class ProxyFidelityTest {
    /** A plain property of Keyword (getShout/setShout), reached across the many-to-many. */
    static final AssociationProxy<Article, String> SHOUTS = AssociationProxy.of(Article.class, "keywords", "shout",
            String.class);
    /** A read-only plain property (isShort, no setter). */
    static final AssociationProxy<Labelled, Boolean> SHORT_LABEL = AssociationProxy.of(Labelled.class, "label",
            "short", Boolean.class);
    /** The note column read and written through accessors of our own; queries still use the column. */
    static final AssociationProxy<User, String> LOUD_NOTES = AssociationProxy.of(User.class, "userKeywords", "note",
            String.class).getset(UserKeyword.class, ProxyFidelityTest::loud, ProxyFidelityTest::quiet);

    private static String loud(UserKeyword uk) {
        return uk.note.toUpperCase(java.util.Locale.ROOT);
    }

    private static void quiet(UserKeyword uk, String v) {
        uk.note = v.toLowerCase(java.util.Locale.ROOT);
    }

    /** No creator: the default creator calls Nickname(String). */
    static final AssociationProxy<User, String> NICKS = AssociationProxy.of(User.class, "nicknames", "nick",
            String.class);
    /** No creator: the default creator calls UserKeyword(String note, Keyword keyword). */
    static final MapProxy<User, String, Keyword> KEYWORDS_BY_NOTE = AssociationProxy.of(User.class, "userKeywords",
            "keyword", Keyword.class).keyedBy("note", String.class);
    /** A map proxy whose values are a column (the note), keyed by the same column. */
    static final MapProxy<User, String, String> NOTES_BY_NOTE = AssociationProxy.of(User.class, "userKeywords",
            "note", String.class).keyedBy("note", String.class);

    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        engine = ProxyModel.freshEngine(db);
        sessions = ProxyModel.keepLoaded(engine);
    }

    private void seed() {
        User ann = new User("ann");
        ann.words().addAll(List.of("java", "sql"));
        ann.userKeywords.get(1).note = "work";
        ann.nicks().add("annie");
        User bob = new User("bob");
        bob.words().add("rust");
        bob.nicks().add("bobby");
        User cid = new User("cid");
        Article a = new Article("a");
        a.label("news");
        Article.TAGS.set(a).addAll(List.of("db", "sql"));
        Article b = new Article("b");
        b.label("sport");
        try (Session s = sessions.open()) {
            s.addAll(List.of(ann, bob, cid, a, b));
            s.commit();
        }
    }

    private List<String> users(Condition where) {
        try (Session s = sessions.open()) {
            return s.scalars(select(User.class).where(where).orderBy(User_.name)).all().stream().map(u -> u.name)
                    .toList();
        }
    }

    private List<String> articles(Condition where) {
        try (Session s = sessions.open()) {
            return s.scalars(select(Article.class).where(where).orderBy(Article_.title)).all().stream()
                    .map(x -> x.title).toList();
        }
    }

    @Test
    void createOnNoneAssignmentAndCascadeScalarDeletesAreMutuallyExclusive() {
        IllegalArgumentException first = assertThrows(IllegalArgumentException.class,
                () -> UserKeyword.WORD.createOnNoneAssignment().cascadeScalarDeletes());
        assertEquals("ATHANOR-8019: AssociationProxy(UserKeyword.keyword -> word): createOnNoneAssignment() and"
                + " cascadeScalarDeletes() are mutually exclusive (as in SQLAlchemy): assigning null cannot both"
                + " create the intermediate object and drop it", first.getMessage());
        IllegalArgumentException second = assertThrows(IllegalArgumentException.class,
                () -> UserKeyword.WORD.cascadeScalarDeletes().createOnNoneAssignment());
        assertTrue(second.getMessage().startsWith("ATHANOR-8019"), second.getMessage());
    }

    @Test
    void neAndLikeOnColumnProxiesApplyInsideTheExists() {
        seed();
        try (SqlCapture sql = SqlCapture.start()) {
            assertEquals(List.of("ann"), users(User.NICKS.like("an%")));
            String select = sql.statements().stream().filter(x -> x.contains("ap_users")).findFirst().orElseThrow();
            assertTrue(select.replaceAll("[`\"]", "")
                    .matches("(?is).*exists\\s*\\(\\s*select 1 .*from ap_nicknames where .*like .*"), select);
        }
        assertEquals(List.of("ann", "bob"), users(User.NICKS.ne("x")), "any nickname other than x");
        assertEquals(List.of("bob"), users(User.NICKS.ne("annie")), "ne is inside the EXISTS, as SQLAlchemy's !=");
        assertEquals(List.of("ann", "bob"), users(User.NICKS.ne(null)), "ne(null): a nickname IS NOT NULL");
        assertEquals(List.of("bob"), users(User.NICKS.notLike("an%")));
        assertEquals(List.of("ann"), users(User.WORDS.like("ja%")), "a proxy of a proxy to a column");
        assertEquals(List.of("ann", "bob"), users(User.WORDS.ne("sql")));
        assertEquals(List.of("ann"), users(User.NOTES.where(f -> f.in("work", "home"))), "any other operator");
        assertEquals(List.of("b"), articles(Labelled.LABEL.forClass(Article.class).ne("news")), "scalar: has(!=)");
        assertEquals(List.of("a"), articles(Labelled.LABEL.forClass(Article.class).like("n%")));
        assertEquals(List.of("a"), articles(Article.TAGS.like("d%")), "many-to-many");
        String objects = message(() -> User.KEYWORDS.ne(null));
        assertTrue(objects.startsWith("ATHANOR-8020") && objects.contains("ne()"), objects);
    }

    @Test
    void eqAndHasOnMapProxies() {
        seed();
        assertEquals(List.of("ann"), users(User.WORDS_BY_NOTE.eq("sql")), "== of a map proxy's values");
        assertEquals(List.of("ann"), users(NOTES_BY_NOTE.eq("work")));
        assertEquals(List.of("ann", "bob"), users(NOTES_BY_NOTE.any()));
        assertEquals(List.of("ann"), users(NOTES_BY_NOTE.like("w%")));
        assertEquals(List.of("ann", "bob"), users(User.WORDS_BY_NOTE.has()),
                "a proxy of a proxy is exempt from the collection rule, as in SQLAlchemy");
        String has = message(() -> NOTES_BY_NOTE.has());
        assertTrue(has.startsWith("ATHANOR-8007") && has.contains("use any()"), has);
        String objects = message(() -> KEYWORDS_BY_NOTE.eq(new Keyword("x")));
        assertTrue(objects.startsWith("ATHANOR-8016"), objects);
    }

    @Test
    void proxyToAPlainPropertyReadsAndWritesThroughItsAccessors() {
        seed();
        try (Session s = sessions.open()) {
            Article a = s.scalars(select(Article.class).where(Article_.title.eq("a"))).one();
            Set<String> shouts = SHOUTS.set(a);
            assertEquals(Set.of("DB", "SQL"), shouts);
            a.keywords.stream().filter(k -> k.word.equals("db")).findFirst().orElseThrow().setShout("DATA");
            assertEquals(Set.of("DATA", "SQL"), shouts, "a live view");
            Article b = s.scalars(select(Article.class).where(Article_.title.eq("b"))).one();
            assertEquals(false, SHORT_LABEL.get(b), "sport");
            assertEquals(true, SHORT_LABEL.get(a), "news");
            String readOnly = message(() -> SHORT_LABEL.set(b, true));
            assertEquals("ATHANOR-8021: the proxied property Keyword.short has no setter on "
                    + Keyword.class.getName() + ": add a public setter, or give one with getset(type, getter, setter)",
                    readOnly);
            s.commit();
        }
        assertEquals(List.of(List.of("data"), List.of("news"), List.of("sport"), List.of("sql")),
                ProxyModel.rows(engine, "SELECT word FROM ap_keywords WHERE id IN (SELECT keyword_id FROM"
                        + " ap_article_keywords) OR word IN ('news', 'sport') ORDER BY word"));
        String query = message(() -> SHOUTS.any(Keyword_.word.eq("x")));
        assertTrue(query.startsWith("ATHANOR-8022") && query.contains("Keyword.shout"), query);
    }

    @Test
    void getsetReplacesTheAccessorsButQueriesStillUseTheColumn() {
        User ann = new User("ann");
        ann.userKeywords.add(new UserKeyword("home", new Keyword("java")));
        assertEquals(List.of("HOME"), LOUD_NOTES.list(ann), "the getter reads it");
        LOUD_NOTES.list(ann).set(0, "WORK");
        assertEquals("work", ann.userKeywords.get(0).note, "the setter writes it");
        try (Session s = sessions.open()) {
            s.add(ann);
            s.commit();
        }
        assertEquals(List.of("ann"), users(LOUD_NOTES.contains("work")), "SQL compares the mapped column");
        AssociationProxy<User, String> wrong = AssociationProxy.of(User.class, "nicknames", "nick", String.class)
                .getset(UserKeyword.class, uk -> uk.note, (uk, v) -> uk.note = v);
        String m = message(() -> wrong.set(new User("x")));
        assertTrue(m.startsWith("ATHANOR-8023") && m.contains("Nickname"), m);
    }

    @Test
    void withoutACreatorTheIntermediateClassIsCalledWithTheValue() {
        User ann = new User("ann");
        NICKS.set(ann).add("annie");
        assertEquals("annie", ann.nicknames.iterator().next().nick, "new Nickname(\"annie\")");
        Keyword java = new Keyword("java");
        KEYWORDS_BY_NOTE.map(ann).put("fav", java);
        assertEquals("fav", ann.userKeywords.get(0).note, "new UserKeyword(\"fav\", java)");
        AssociationProxy<Labelled, String> label = AssociationProxy.of(Labelled.class, "label", "word", String.class);
        Article a = new Article("a");
        label.set(a, "news");
        assertEquals("news", a.label.word, "scalar: new Keyword(\"news\")");
        try (Session s = sessions.open()) {
            s.addAll(List.of(ann, a));
            s.commit();
        }
        assertEquals(List.of(List.of("annie")), ProxyModel.rows(engine, "SELECT nick FROM ap_nicknames"));
        assertEquals(List.of(List.of("fav", "java")), ProxyModel.rows(engine,
                "SELECT uk.note, k.word FROM ap_user_keywords uk JOIN ap_keywords k ON k.id = uk.keyword_id"));
        assertEquals(Map.of("fav", "java"), Map.of(ann.userKeywords.get(0).note, java.word));
        AssociationProxy<UserKeyword, Long> userIds = AssociationProxy.of(UserKeyword.class, "user", "id", Long.class);
        String none = message(() -> userIds.set(new UserKeyword((Keyword) null), 1L));
        assertTrue(none.startsWith("ATHANOR-8002") && none.contains("no constructor User(Long)")
                && none.contains(".creator("), none);
    }

    private static String message(Executable call) {
        return assertThrows(InvalidRequestException.class, call).getMessage();
    }
}
