package io.athanor.core.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.athanor.Engine;
import io.athanor.InvalidRequestException;
import io.athanor.Session;
import io.athanor.core.spi.LoadingGuard;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** The LoadingGuard SPI: consulted before a load on attribute access, able to refuse it before any SQL. */
@AllDatabases
class LoadingGuardTest {
    @Parameter
    DatabaseHandle db;

    Engine engine;
    Long annId;

    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @BeforeEach
    void setUp() {
        engine = RelationModel.freshEngine(db);
        Author ann = new Author("ann");
        ann.books.add(new Book("b1"));
        RelationModel.keepLoaded(engine).transaction(s -> s.add(ann));
        annId = ann.id;
    }

    @Test
    void consultedWithTheInstanceAndAttributeBeforeColumnAndRelationshipLoads() {
        List<String> seen = new ArrayList<>();
        try (Session s = RelationModel.sessions(engine).open()) {
            Author ann = s.get(Author.class, annId);
            LoadingGuard.install(s, (instance, attribute) -> {
                assertSame(ann, instance);
                seen.add(attribute);
            });
            assertEquals(1, ann.books.size());
            s.expire(ann, "name");
            assertEquals("ann", ann.name);
            assertEquals(List.of("books", "name"), seen);
            ann.name = "ann2";
            assertEquals(List.of("books", "name"), seen, "writes and loaded reads do not consult it");
        }
    }

    @Test
    void aThrowingGuardRefusesTheLoadBeforeAnySqlAndLeavesItUnloaded() {
        try (Session s = RelationModel.sessions(engine).open(); SqlCapture sql = SqlCapture.start()) {
            Author ann = s.get(Author.class, annId);
            s.expire(ann);
            LoadingGuard.install(s, (instance, attribute) -> {
                throw new Refused();
            });
            sql.clear();
            assertThrows(Refused.class, () -> ann.books.size());
            assertThrows(Refused.class, () -> ann.name.length());
            assertEquals(0, sql.count(), sql.lines().toString());
            LoadingGuard.install(s, null);
            assertEquals("ann", ann.name, "removed: loads again");
            assertEquals(1, ann.books.size());
        }
    }

    @Test
    void operationsThatLoadAsPartOfTheirWorkDoNotConsultIt() {
        try (Session s = RelationModel.sessions(engine).open()) {
            Author ann = s.get(Author.class, annId);
            s.expire(ann, "name");
            LoadingGuard.install(s, (instance, attribute) -> {
                throw new Refused();
            });
            s.refresh(ann, "name");
            assertEquals("ann", ann.name);
            s.delete(ann);
            assertEquals(2, s.getDeleted().size(), "the delete cascade loaded the books");
            s.flush();
        }
    }

    @Test
    void onlySessionsOfTheCoreAcceptAGuard() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> LoadingGuard.install(null, null));
        assertEquals("ATHANOR-2090: a LoadingGuard can only be installed on a session opened by Athanor's "
                + "SessionMaker, not on null", e.getMessage());
    }
}
