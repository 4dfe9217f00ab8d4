package io.athanor.ext.associationproxy;

import static io.athanor.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.util.List;
import org.jooq.Condition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** any(), has(), contains() and eq() as correlated EXISTS subqueries through the proxied relationships. */
@AllDatabases
class ProxyQueriesTest {
    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;
    Keyword java;

    @BeforeEach
    void setUp() {
        engine = ProxyModel.freshEngine(db);
        sessions = ProxyModel.keepLoaded(engine);
        User ann = new User("ann");
        ann.words().addAll(List.of("java", "sql"));
        java = ann.userKeywords.get(0).keyword;
        ann.userKeywords.get(1).note = "work";
        User bob = new User("bob");
        bob.keywords().add(java);
        bob.words().add("rust");
        User cid = new User("cid");
        Article a = new Article("a");
        a.label("news");
        Article.TAGS.set(a).addAll(List.of("db", "sql"));
        Article b = new Article("b");
        Memo m = new Memo("m");
        m.label("news");
        try (Session s = sessions.open()) {
            s.addAll(List.of(ann, bob, cid, a, b, m));
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
    void anyThroughBothRelationships() {
        try (SqlCapture sql = SqlCapture.start()) {
            assertEquals(List.of("ann", "bob"), users(User.KEYWORDS.any(Keyword_.word.eq("java"))));
            String select = sql.statements().stream().filter(x -> x.contains("ap_users")).findFirst().orElseThrow();
            assertEquals(2, select.split("(?i)exists").length - 1, "two nested EXISTS: " + select);
        }
        assertEquals(List.of("ann", "bob"), users(User_.words.any(Keyword_.word.eq("java"))),
                "proxy of a proxy, through the metamodel");
        assertSame(User.WORDS, User_.words, "the metamodel exposes the proxy constant");
        assertEquals(List.of("ann", "bob"), users(User.WORDS.any(Keyword_.word.in("sql", "rust"))));
        assertEquals(List.of("ann", "bob"), users(User.WORDS.any()), "any() without criterion: has association rows");
        assertEquals(List.of("cid"), users(User.WORDS.any().not()));
        assertEquals(List.of("ann"), users(User.NOTES.any(UserKeyword_.note.eq("work"))), "column endpoint");
        assertEquals(List.of("a"), articles(Article.TAGS.any(Keyword_.word.eq("db"))), "many-to-many");
    }

    @Test
    void containsComparesValuesOrObjects() {
        assertEquals(List.of("ann", "bob"), users(User.WORDS.contains("java")));
        assertEquals(List.of("bob"), users(User.WORDS.contains("rust")));
        assertEquals(List.of("ann", "bob"), users(User.KEYWORDS.contains(java)), "object endpoint: by key");
        assertEquals(List.of("ann"), users(User.NOTES.contains("work")));
        assertEquals(List.of("ann"), users(User.NOTES.eq("work")), "eq on a column collection is membership");
        assertEquals(List.of("a"), articles(Article.TAGS.contains("sql")));
        assertEquals(List.of("ann"), users(User.WORDS_BY_NOTE.contains("sql")), "a map proxy's values");
    }

    @Test
    void hasAndEqOnScalarProxies() {
        try (Session s = sessions.open()) {
            List<String> words = s.scalars(select(UserKeyword.class).where(UserKeyword.WORD.eq("java"))).all()
                    .stream().map(uk -> uk.keyword.word).toList();
            assertEquals(List.of("java", "java"), words);
            assertEquals(4, s.scalars(select(UserKeyword.class).where(UserKeyword.WORD.has())).all().size());
        }
        assertEquals(List.of("a"), articles(Labelled.LABEL.forClass(Article.class).eq("news")), "mixin, for a class");
        assertEquals(List.of("b"), articles(Labelled.LABEL.forClass(Article.class).eq(null)), "null: no label");
        try (Session s = sessions.open()) {
            assertEquals(1, s.scalars(select(Memo.class).where(Labelled.LABEL.forClass(Memo.class).has())).all()
                    .size());
        }
    }

    @Test
    void sqlalchemysRulesForAnyAndHas() {
        String any = message(() -> UserKeyword.WORD.any(Keyword_.word.eq("x")));
        assertTrue(any.startsWith("ATHANOR-8006") && any.contains("use has()"), any);
        String has = message(() -> User.KEYWORDS.has(Keyword_.word.eq("x")));
        assertTrue(has.startsWith("ATHANOR-8007") && has.contains("use any()"), has);
        String column = message(() -> UserKeyword.WORD.has(Keyword_.word.eq("x")));
        assertTrue(column.startsWith("ATHANOR-8008"), column);
        String mixin = message(() -> Labelled.LABEL.eq("x"));
        assertTrue(mixin.startsWith("ATHANOR-8010") && mixin.contains("forClass"), mixin);
        String objects = message(() -> User.KEYWORDS.eq(java));
        assertTrue(objects.startsWith("ATHANOR-8016") && objects.contains("contains"), objects);
        String transientKeyword = message(() -> User.KEYWORDS.contains(new Keyword("new")));
        assertTrue(transientKeyword.startsWith("ATHANOR-8012"), transientKeyword);
    }

    private static String message(org.junit.jupiter.api.function.Executable call) {
        return org.junit.jupiter.api.Assertions.assertThrows(io.athanor.InvalidRequestException.class, call)
                .getMessage();
    }
}
