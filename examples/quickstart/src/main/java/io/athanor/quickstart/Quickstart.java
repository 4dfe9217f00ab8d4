package io.athanor.quickstart;

import static io.athanor.sql.Sql.select;
import static io.athanor.sql.Sql.text;

import io.athanor.Athanor;
import io.athanor.Engine;
import io.athanor.IntegrityException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.SessionTransaction;
import io.athanor.mapping.Registry;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The quickstart: maps a class, creates its table on embedded H2, and walks through the unit of
 * work: add and commit, identity map, change tracking, queries, savepoints and a failed flush.
 */
public final class Quickstart {
    private Quickstart() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    /** Runs the demo, printing what happens to {@code out}. */
    public static void run(PrintStream out) {
        try (Engine engine = Engine.create("jdbc:h2:mem:quickstart;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE",
                new Properties())) {
            Registry registry = Registry.scan("io.athanor.quickstart");
            registry.createAll(engine);
            SessionMaker sessions = SessionMaker.builder(registry).bind(engine).build();
            out.println("mapped: " + registry.mappedClasses().stream().map(Class::getSimpleName).sorted().toList()
                    + " on " + engine.dialect());

            Long adaId = sessions.transactionResult(s -> {
                Author ada = new Author("Ada Lovelace", 1);
                s.addAll(List.of(ada, new Author("Grace Hopper", 3), new Author("Alan Turing", 2)));
                s.flush();
                out.println("pending -> persistent: ada has key " + ada.id + ", state persistent="
                        + Athanor.inspect(ada).isPersistent());
                return ada.id;
            });

            try (Session s = sessions.open()) {
                Author ada = s.get(Author.class, adaId);
                out.println("identity map: same instance on second get = " + (ada == s.get(Author.class, adaId)));
                ada.books = 2;
                out.println("dirty: " + s.getDirty().size() + " instance, history of books = "
                        + Athanor.inspect(ada).attr("books").history());
                List<String> prolific = s.scalars(select(Author.class).where(Author_.books.ge(2))
                        .orderBy(Author_.name)).all().stream().map(a -> a.name).toList();
                out.println("autoflushed query, books >= 2: " + prolific);

                try (SessionTransaction savepoint = s.beginNested()) {
                    s.add(new Author("Grace Hopper", 9));
                    savepoint.commit();
                } catch (IntegrityException duplicate) {
                    out.println("savepoint rolled back after " + duplicate.getClass().getSimpleName()
                            + " (SQL state " + duplicate.sqlState() + "); the outer transaction goes on");
                }
                s.commit();
                out.println("after commit, expired attributes: " + Athanor.inspect(ada).expiredAttributes().size()
                        + "; reading reloads: books=" + ada.books + ", version=" + ada.version);
            }

            try (Session s = sessions.open()) {
                Object count = s.execute(text("SELECT COUNT(*) FROM authors WHERE books >= :min"), Map.of("min", 2))
                        .scalar();
                out.println("text() with a bound parameter: " + count + " authors with two books or more");
            }
            registry.dropAll(engine);
            out.println("done");
        }
    }
}
