package io.athanor.ext.associationproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** List, set and map proxies: live views in memory, and the association rows they leave after flush. */
@AllDatabases
class CollectionProxiesTest {
    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        engine = ProxyModel.freshEngine(db);
        sessions = ProxyModel.keepLoaded(engine);
    }

    private static List<String> row(String... values) {
        return java.util.Arrays.asList(values);
    }

    private List<List<String>> userKeywordRows() {
        return ProxyModel.rows(engine, "SELECT u.name, k.word, uk.note FROM ap_user_keywords uk"
                + " JOIN ap_users u ON u.id = uk.user_id JOIN ap_keywords k ON k.id = uk.keyword_id ORDER BY uk.id");
    }

    @Test
    void listProxyCreatesAssociationObjectsThatCascadeAtFlush() {
        User ann = new User("ann");
        ann.words().add("java");
        ann.words().addAll(List.of("sql", "python"));
        assertEquals(List.of("java", "sql", "python"), ann.words());
        assertEquals(3, ann.userKeywords.size(), "one association object per value");
        UserKeyword first = ann.userKeywords.get(0);
        assertSame(ann, first.user, "appending back-populates the association object");
        assertEquals("java", first.keyword.word);

        try (Session s = sessions.open()) {
            s.add(ann);
            assertEquals(7, s.getNew().size(), "save-update cascades to association objects and keywords");
            s.commit();
        }
        assertEquals(List.of(row("ann", "java", null), row("ann", "sql", null), row("ann", "python", null)),
                userKeywordRows());
        assertEquals(3, ProxyModel.count(engine, "ap_keywords"));
    }

    @Test
    void viewsReadTheCollectionAtEveryAccessAndLoadItLazily() {
        sessions.transaction(s -> {
            User ann = new User("ann");
            ann.words().addAll(List.of("a", "b"));
            s.add(ann);
        });
        try (Session s = sessions.open()) {
            User ann = s.scalars(io.athanor.sql.Sql.select(User.class)).one();
            assertTrue(Athanor.inspect(ann).unloadedAttributes().contains("userKeywords"));
            List<String> words = ann.words();
            assertEquals(List.of("a", "b"), words, "reading the view loads the relationship");
            ann.userKeywords.add(new UserKeyword(new Keyword("c")));
            assertEquals(List.of("a", "b", "c"), words, "the same view sees a change made to the collection");
            ann.userKeywords = new java.util.ArrayList<>(List.of(new UserKeyword(new Keyword("z"))));
            assertEquals(List.of("z"), words, "and a replaced collection");
            assertTrue(words.contains("z"));
            assertEquals(1, words.size());
            s.rollback();
        }
    }

    @Test
    void removingThroughTheProxyDeletesTheOrphanedAssociationRow() {
        sessions.transaction(s -> {
            User ann = new User("ann");
            ann.words().addAll(List.of("java", "sql", "python"));
            s.add(ann);
        });
        try (Session s = sessions.open()) {
            User ann = s.scalars(io.athanor.sql.Sql.select(User.class)).one();
            UserKeyword sql = ann.userKeywords.get(1);
            assertSame(ann, sql.user);
            assertTrue(ann.words().remove("sql"));
            assertNull(sql.user, "removal back-populates");
            assertEquals(List.of("java", "python"), ann.words());
            assertEquals("java", ann.words().remove(0));
            assertEquals(List.of("python"), ann.words());
            s.commit();
        }
        assertEquals(List.of(row("ann", "python", null)), userKeywordRows());
        assertEquals(3, ProxyModel.count(engine, "ap_keywords"), "delete-orphan is on the association objects only");
    }

    @Test
    void addingToAPersistentOwnerCascadesAtOnceAndRemovingBeforeFlushLeavesNoRow() {
        sessions.transaction(s -> s.add(new User("ann")));
        try (Session s = sessions.open()) {
            User ann = s.scalars(io.athanor.sql.Sql.select(User.class)).one();
            ann.words().add("kept");
            ann.words().add("dropped");
            UserKeyword dropped = ann.userKeywords.get(1);
            assertTrue(s.getNew().contains(dropped), "save-update cascade when appended, before any flush");
            assertTrue(s.getNew().contains(dropped.keyword));
            ann.words().remove("dropped");
            assertFalse(s.contains(dropped), "a pending orphan leaves the session when removed, as in SQLAlchemy");
            assertTrue(s.contains(dropped.keyword), "its keyword stays: save-update cascaded it, expunge does not");
            s.commit();
        }
        assertEquals(List.of(row("ann", "kept", null)), userKeywordRows());
        assertEquals(1, ProxyModel.count(engine, "ap_user_keywords"), "no orphan row with a NULL user_id");
    }

    @Test
    void settingAnElementUpdatesTheExistingAssociationObjectAsSqlalchemyDoes() {
        sessions.transaction(s -> {
            User ann = new User("ann");
            ann.words().addAll(List.of("java", "sql"));
            s.add(ann);
        });
        try (Session s = sessions.open()) {
            User ann = s.scalars(io.athanor.sql.Sql.select(User.class)).one();
            UserKeyword second = ann.userKeywords.get(1);
            assertEquals("sql", ann.words().set(1, "postgres"));
            assertSame(second, ann.userKeywords.get(1), "the association object stays");
            assertEquals("postgres", second.keyword.word, "the proxied proxy writes to the keyword");
            s.commit();
        }
        assertEquals(List.of(row("ann", "java", null), row("ann", "postgres", null)), userKeywordRows());
    }

    @Test
    void objectEndpointProxiesKeywordObjects() {
        Keyword shared = new Keyword("shared");
        User ann = new User("ann");
        User bob = new User("bob");
        ann.keywords().add(shared);
        bob.keywords().add(shared);
        assertEquals(List.of(shared), ann.keywords());
        try (Session s = sessions.open()) {
            s.addAll(List.of(ann, bob));
            s.commit();
        }
        assertEquals(List.of(row("ann", "shared", null), row("bob", "shared", null)), userKeywordRows());
        assertEquals(1, ProxyModel.count(engine, "ap_keywords"));
        try (Session s = sessions.open()) {
            User loaded = s.get(User.class, bob.id);
            assertEquals(List.of("shared"), loaded.keywords().stream().map(k -> k.word).toList());
            loaded.keywords().clear();
            s.commit();
        }
        assertEquals(List.of(row("ann", "shared", null)), userKeywordRows());
    }

    @Test
    void setProxyAddsOncePerValueAndRemovesThroughTheSet() {
        User ann = new User("ann");
        Set<String> nicks = ann.nicks();
        assertTrue(nicks.add("annie"));
        assertFalse(nicks.add("annie"), "a value already present is not added again");
        assertTrue(nicks.add("a"));
        assertEquals(Set.of("annie", "a"), nicks);
        assertEquals(2, ann.nicknames.size());
        try (Session s = sessions.open()) {
            s.add(ann);
            s.commit();
        }
        assertEquals(List.of(List.of("a"), List.of("annie")),
                ProxyModel.rows(engine, "SELECT nick FROM ap_nicknames ORDER BY nick"));
        try (Session s = sessions.open()) {
            User loaded = s.get(User.class, ann.id);
            assertTrue(loaded.nicks().remove("a"));
            assertFalse(loaded.nicks().remove("nobody"));
            User.NICKS.assign(loaded, List.of("annie", "ace"));
            assertEquals(Set.of("annie", "ace"), loaded.nicks());
            s.commit();
        }
        assertEquals(List.of(List.of("ace"), List.of("annie")),
                ProxyModel.rows(engine, "SELECT nick FROM ap_nicknames ORDER BY nick"));
    }

    @Test
    void mapProxyIsKeyedByAnAttributeOfTheAssociationObject() {
        User ann = new User("ann");
        Map<String, String> byNote = ann.wordsByNote();
        assertNull(byNote.put("work", "java"));
        assertNull(byNote.put("home", "rust"));
        assertEquals(Map.of("work", "java", "home", "rust"), byNote);
        assertEquals("java", byNote.put("work", "kotlin"), "a present key updates its association object");
        assertEquals(2, ann.userKeywords.size());
        assertEquals("kotlin", byNote.get("work"));
        assertTrue(byNote.containsKey("home"));
        try (Session s = sessions.open()) {
            s.add(ann);
            s.commit();
        }
        assertEquals(List.of(row("ann", "kotlin", "work"), row("ann", "rust", "home")), userKeywordRows());
        try (Session s = sessions.open()) {
            User loaded = s.get(User.class, ann.id);
            assertEquals(Map.of("work", "kotlin", "home", "rust"), loaded.wordsByNote());
            assertEquals("rust", loaded.wordsByNote().remove("home"));
            assertNull(loaded.wordsByNote().remove("garden"));
            loaded.wordsByNote().put("travel", "go");
            s.commit();
        }
        assertEquals(List.of(row("ann", "kotlin", "work"), row("ann", "go", "travel")), userKeywordRows());
    }
}
