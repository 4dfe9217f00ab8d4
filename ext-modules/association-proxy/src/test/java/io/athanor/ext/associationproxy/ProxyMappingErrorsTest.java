package io.athanor.ext.associationproxy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Names are checked against the mapping on first use, with messages that say what to fix. No database. */
class ProxyMappingErrorsTest {

    @BeforeAll
    static void mapped() {
        assertTrue(ProxyModel.REGISTRY.mappedClasses().contains(User.class));
    }

    private static String message(Executable call) {
        return assertThrows(InvalidRequestException.class, call).getMessage();
    }

    @Test
    void unknownRelationshipListsTheMappedAttributes() {
        AssociationProxy<User, String> p = AssociationProxy.of(User.class, "keywordz", "word", String.class);
        String m = message(() -> p.list(new User("x")));
        assertTrue(m.startsWith("ATHANOR-8001") && m.contains("'keywordz'") && m.contains("userKeywords"), m);
    }

    @Test
    void unknownValueAttribute() {
        AssociationProxy<User, String> p = AssociationProxy.of(User.class, "userKeywords", "wrd", String.class);
        String m = message(() -> p.list(new User("x")));
        assertTrue(m.startsWith("ATHANOR-8003") && m.contains("UserKeyword") && m.contains("note"), m);
    }

    @Test
    void valueTypeMustMatchTheAttribute() {
        AssociationProxy<User, Integer> p = AssociationProxy.of(User.class, "userKeywords", "note", Integer.class);
        String m = message(() -> p.list(new User("x")));
        assertTrue(m.startsWith("ATHANOR-8004") && m.contains("String.class"), m);
    }

    @Test
    void viewMustFitTheRelationship() {
        String set = message(() -> User.WORDS.set(new User("x")));
        assertTrue(set.startsWith("ATHANOR-8005") && set.contains("a List"), set);
        String list = message(() -> User.NICKS.list(new User("x")));
        assertTrue(list.startsWith("ATHANOR-8005") && list.contains("a Set"), list);
        String scalar = message(() -> User.WORDS.get(new User("x")));
        assertTrue(scalar.startsWith("ATHANOR-8005"), scalar);
        String collection = message(() -> UserKeyword.WORD.collection(new UserKeyword((Keyword) null)));
        assertTrue(collection.startsWith("ATHANOR-8005") && collection.contains("scalar"), collection);
    }

    @Test
    void writesThatNeedANewObjectNeedACreator() {
        User ann = new User("ann");
        String add = message(() -> User.NOTES.list(ann).add("n"));
        assertTrue(add.startsWith("ATHANOR-8002") && add.contains("new UserKeyword") && add.contains(".creator("), add);
        ann.userKeywords.add(new UserKeyword("old", null));
        User.NOTES.list(ann).set(0, "new");
        assertTrue(ann.userKeywords.get(0).note.equals("new"), "updating an existing object needs no creator");
        MapProxy<User, String, String> noCreator = AssociationProxy.of(User.class, "userKeywords", "note",
                String.class).keyedBy("note", String.class);
        String put = message(() -> noCreator.map(ann).put("k", "v"));
        assertTrue(put.startsWith("ATHANOR-8002") && put.contains("(key, value)"), put);
        assertTrue(List.of("new").equals(User.NOTES.list(ann)));
    }

    @Test
    void listProxiesAreNotSortedInPlace() {
        User ann = new User("ann");
        ann.words().addAll(List.of("b", "a"));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> ann.words().sort(null));
        assertTrue(e.getMessage().startsWith("ATHANOR-8018"), e.getMessage());
        assertTrue(List.of("b", "a").equals(ann.words()), "nothing was written");
    }

    @Test
    void innerProxyMustBeDeclaredOnTheIntermediateClass() {
        AssociationProxy<User, String> wrong = AssociationProxy.of(User.class, "nicknames", UserKeyword.WORD);
        String m = message(() -> wrong.collection(new User("x")));
        assertTrue(m.startsWith("ATHANOR-8011"), m);
    }
}
