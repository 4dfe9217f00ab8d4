package io.athanor.core.relations;

import static io.athanor.sql.Load.joinedload;
import static io.athanor.sql.Load.selectinload;
import static io.athanor.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.InvalidRequestException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.StreamedResult;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Eager loading of streamed instances: selectin once per partition; a joined collection refused. */
@AllDatabases
class StreamedEagerLoadingTest {
    @Parameter
    DatabaseHandle db;

    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        sessions = RelationModel.sessions(RelationModel.freshEngine(db));
        sessions.transaction(s -> {
            for (int i = 0; i < 7; i++) {
                Author a = new Author("a" + i);
                a.books.add(new Book("b" + i));
                s.add(a);
            }
        });
    }

    @Test
    void selectinLoadsRunOncePerPartition() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start();
             StreamedResult<Author> authors = s.streamScalars(select(Author.class).orderBy(Author_.name)
                     .options(selectinload(Author_.books)), 3)) {
            List<Author> first = authors.nextPartition();
            assertEquals(2, sql.count(), "the query, then one IN query for the first partition: " + sql.statements());
            assertTrue(first.stream().noneMatch(a -> Athanor.inspect(a).unloadedAttributes().contains("books")));
            assertEquals("b0", first.get(0).books.get(0).title);
            int partitions = 1;
            while (!authors.nextPartition().isEmpty()) {
                partitions++;
            }
            assertEquals(3, partitions, "7 authors by 3");
            assertEquals(4, sql.count(), "one IN query per partition: " + sql.statements());
        }
    }

    @Test
    void aJoinedCollectionCanNotBeStreamed() {
        try (Session s = sessions.open()) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> s.streamScalars(select(Author.class).options(joinedload(Author_.books)), 10));
            assertTrue(e.getMessage().startsWith("ATHANOR-4053: "), e.getMessage());
            assertTrue(e.getMessage().endsWith("Use selectinload(...) for the collection, which runs once per "
                    + "partition"), e.getMessage());
        }
    }
}
