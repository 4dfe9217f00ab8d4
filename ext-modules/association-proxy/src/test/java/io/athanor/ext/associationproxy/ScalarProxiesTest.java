package io.athanor.ext.associationproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Scalar proxies over many-to-ones, declared on a class or on a @Mixin, with a missing target. */
@AllDatabases
class ScalarProxiesTest {
    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        engine = ProxyModel.freshEngine(db);
        sessions = ProxyModel.keepLoaded(engine);
    }

    @Test
    void scalarProxyReadsNullWithoutTargetAndCreatesItOnWrite() {
        UserKeyword uk = new UserKeyword((Keyword) null);
        assertNull(UserKeyword.WORD.get(uk), "no keyword: the proxy reads null");
        UserKeyword.WORD.set(uk, null);
        assertNull(uk.keyword, "assigning null without a target creates nothing");
        UserKeyword.WORD.set(uk, "fresh");
        assertNotNull(uk.keyword, "the creator made the keyword");
        assertEquals("fresh", uk.keyword.word);
        Keyword made = uk.keyword;
        UserKeyword.WORD.set(uk, "renamed");
        assertSame(made, uk.keyword, "a present target is updated in place");
        assertEquals("renamed", UserKeyword.WORD.get(uk));

        User ann = new User("ann");
        ann.userKeywords.add(uk);
        try (Session s = sessions.open()) {
            s.add(ann);
            s.commit();
        }
        assertEquals(List.of(List.of("renamed")), ProxyModel.rows(engine,
                "SELECT k.word FROM ap_user_keywords uk JOIN ap_keywords k ON k.id = uk.keyword_id"));
    }

    @Test
    void proxyOnAMixinWorksInEveryMappedSubclass() {
        Article article = new Article("a");
        Memo memo = new Memo("m");
        assertNull(article.label(), "many-to-one target null: null");
        article.label("news");
        memo.label("todo");
        assertEquals("news", article.label.word);
        assertEquals("todo", memo.label());
        try (Session s = sessions.open()) {
            s.addAll(List.of(article, memo));
            s.commit();
        }
        assertEquals(List.of(List.of("a", "news")), ProxyModel.rows(engine,
                "SELECT a.title, k.word FROM ap_articles a JOIN ap_keywords k ON k.id = a.label_id"));
        assertEquals(List.of(List.of("m", "todo")), ProxyModel.rows(engine,
                "SELECT m.body, k.word FROM ap_memos m JOIN ap_keywords k ON k.id = m.label_id"));
        try (Session s = sessions.open()) {
            Article loaded = s.get(Article.class, article.id);
            assertEquals("news", loaded.label(), "reading loads the many-to-one lazily");
            loaded.label("politics");
            s.commit();
        }
        assertEquals(List.of(List.of("politics"), List.of("todo")),
                ProxyModel.rows(engine, "SELECT word FROM ap_keywords ORDER BY word"));
    }

    @Test
    void createOnNoneAssignmentAndCascadeScalarDeletes() {
        AssociationProxy<UserKeyword, String> eager = UserKeyword.WORD.createOnNoneAssignment();
        UserKeyword uk = new UserKeyword((Keyword) null);
        eager.set(uk, null);
        assertNotNull(uk.keyword, "create_on_none_assignment: null creates the target too");
        assertNull(uk.keyword.word);

        AssociationProxy<UserKeyword, String> dropping = UserKeyword.WORD.cascadeScalarDeletes();
        UserKeyword other = new UserKeyword(new Keyword("x"));
        Keyword x = other.keyword;
        dropping.set(other, null);
        assertNull(x.word, "the value is set to null on the target");
        assertNull(other.keyword, "cascade_scalar_deletes: and the target is dropped");
    }

    @Test
    void scalarProxyWithoutCreatorCallsTheConstructorOrRaises() {
        AssociationProxy<UserKeyword, String> plain = AssociationProxy.of(UserKeyword.class, "keyword", "word",
                String.class);
        UserKeyword uk = new UserKeyword(new Keyword("a"));
        plain.set(uk, "b");
        assertEquals("b", uk.keyword.word);
        UserKeyword empty = new UserKeyword((Keyword) null);
        plain.set(empty, "c");
        assertEquals("c", empty.keyword.word, "the default creator: new Keyword(\"c\"), as SQLAlchemy calls the class");
        AssociationProxy<UserKeyword, Long> noConstructor = AssociationProxy.of(UserKeyword.class, "user", "id",
                Long.class);
        io.athanor.InvalidRequestException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.athanor.InvalidRequestException.class, () -> noConstructor.set(empty, 7L));
        assertEquals(Arrays.asList("ATHANOR-8002", "creator"), Arrays.asList(e.getMessage().substring(0, 12),
                e.getMessage().contains(".creator(") ? "creator" : e.getMessage()));
    }
}
