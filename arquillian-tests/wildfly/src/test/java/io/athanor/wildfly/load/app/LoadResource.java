package io.athanor.wildfly.load.app;

import static io.athanor.sql.Sql.select;
import static io.athanor.sql.Sql.update;

import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The load test's endpoints: each request uses the request's injected {@link Session} inside a JTA transaction
 * ({@code @Transactional}), as an application would. Answers are plain text the client checks line by line.
 */
@Path("load")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class LoadResource {
    @Inject
    Session session;
    @Inject
    SessionMaker sessions;

    /** Creates the tables if missing, empties them and adds {@code counters} counters at 0; answers their ids. */
    @POST
    @Path("reset")
    @Transactional(TxType.NOT_SUPPORTED)
    public String reset(@QueryParam("counters") int counters) throws SQLException {
        try (Session own = sessions.open()) {
            Engine engine = own.getBind(Counter.class);
            sessions.registry().createAll(engine);
            try (Connection c = engine.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("delete from load_notes");
                st.execute("delete from load_counters");
            }
            List<Counter> made = new ArrayList<>();
            for (int i = 0; i < counters; i++) {
                made.add(Counter.fresh());
            }
            own.addAll(made);
            own.flush();
            String ids = made.stream().map(c -> String.valueOf(c.id())).collect(Collectors.joining(","));
            own.commit();
            return ids;
        }
    }

    /** A get by primary key: "id hits". */
    @GET
    @Path("counters/{id}")
    @Transactional
    public String counter(@PathParam("id") long id) {
        Counter c = session.get(Counter.class, id);
        if (c == null) {
            throw new NotFoundException("no counter " + id);
        }
        return c.id() + " " + c.hits();
    }

    /** One more hit, as an ORM-enabled UPDATE (hits = hits + 1), atomic in the database. */
    @POST
    @Path("counters/{id}/increment")
    @Transactional
    public String increment(@PathParam("id") long id) {
        int rows = session.execute(update(Counter.class).where(Counter_.id.eq(id))
                .set(Counter_.hits, Counter_.hits.plus(1))).rowCount();
        if (rows != 1) {
            throw new NotFoundException("no counter " + id);
        }
        return "incremented " + id;
    }

    /** A small query: "notes tag n", then the newest (at most five) notes of the tag, "id tag" a line. */
    @GET
    @Path("notes")
    @Transactional
    public String notes(@QueryParam("tag") String tag) {
        List<Note> found = session.scalars(select(Note.class).where(Note_.tag.eq(tag)).orderBy(Note_.id.desc()).limit(5))
                .all();
        StringBuilder out = new StringBuilder("notes " + tag + " " + found.size());
        for (Note n : found) {
            out.append('\n').append(n.id()).append(' ').append(n.tag());
        }
        return out.toString();
    }

    /** Adds a note through the unit of work; answers its generated id. */
    @POST
    @Path("notes")
    @Transactional
    public String addNote(@QueryParam("tag") String tag) {
        Note note = new Note(tag, "a note tagged " + tag);
        session.add(note);
        session.flush();
        return String.valueOf(note.id());
    }
}
