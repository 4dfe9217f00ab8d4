package io.athanor.core.relations;

import io.athanor.Engine;
import io.athanor.SessionMaker;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.Schemas;
import java.util.List;

/** The relationship tests' schema, created once per database, emptied before each test. */
public final class RelationModel {
    public static final Registry REGISTRY = Registry.of(Author.class, Book.class, Tag.class, Profile.class, Node.class,
            Department.class, Employee.class, Series.class, Volume.class);
    private static final List<String> CLEANUP = List.of("DELETE FROM rel_book_tags", "DELETE FROM rel_profiles",
            "DELETE FROM rel_books", "DELETE FROM rel_tags", "DELETE FROM rel_authors", "DELETE FROM rel_employees",
            "DELETE FROM rel_departments", "DELETE FROM rel_volumes", "DELETE FROM rel_series",
            "UPDATE rel_nodes SET parent_id = NULL", "DELETE FROM rel_nodes");

    private RelationModel() {
    }

    public static Engine freshEngine(DatabaseHandle db) {
        return Schemas.fresh(db, REGISTRY, CLEANUP);
    }

    public static SessionMaker sessions(Engine engine) {
        return SessionMaker.builder(REGISTRY).bind(engine).build();
    }

    public static SessionMaker keepLoaded(Engine engine) {
        return SessionMaker.builder(REGISTRY).bind(engine).expireOnCommit(false).build();
    }

    /** Runs a statement outside any session. */
    static void update(Engine engine, String sql) {
        Schemas.execute(engine, sql);
    }

    /** Rows of a query as lists of strings, read outside any session. */
    public static List<List<String>> rows(Engine engine, String sql) {
        return Schemas.rows(engine, sql);
    }

    public static long count(Engine engine, String table) {
        return Schemas.count(engine, table);
    }
}
