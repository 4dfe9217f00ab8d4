package io.athanor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Names of the metamodel members that expose association proxy constants. */
class ProxyMembersTest {
    @Test
    void constantNamesBecomeAttributeNames() {
        assertEquals("keywords", ProxyMembers.camelCase("KEYWORDS"));
        assertEquals("wordsByNote", ProxyMembers.camelCase("WORDS_BY_NOTE"));
        assertEquals("alreadyCamel", ProxyMembers.camelCase("alreadyCamel"));
    }
}
