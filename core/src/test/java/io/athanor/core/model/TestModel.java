package io.athanor.core.model;

import io.athanor.Engine;
import io.athanor.SessionMaker;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.Schemas;
import java.util.List;

/**
 * The core tests' schema: one registry of every test entity, one pooled engine per database, the
 * tables created once per JVM, and rows deleted before each test.
 */
public final class TestModel {
    public static final Registry REGISTRY = Registry.of(User.class, Address.class, Account.class, Document.class,
            Note.class, Membership.class, Everything.class, Item.class);

    private static final List<String> CLEANUP = List.of("DELETE FROM addresses", "DELETE FROM users",
            "DELETE FROM account", "DELETE FROM document", "DELETE FROM note", "DELETE FROM membership",
            "DELETE FROM everything", "DELETE FROM item");

    private TestModel() {
    }

    /** A pooled engine on the database, with the schema created (once) and every table emptied. */
    public static Engine freshEngine(DatabaseHandle db) {
        return Schemas.fresh(db, REGISTRY, CLEANUP);
    }

    /** A session factory with default settings. */
    public static SessionMaker sessions(Engine engine) {
        return SessionMaker.builder(REGISTRY).bind(engine).build();
    }

    /** A session factory that keeps values loaded after commit, for setting up rows whose keys a test reads. */
    public static SessionMaker keepLoaded(Engine engine) {
        return SessionMaker.builder(REGISTRY).bind(engine).expireOnCommit(false).build();
    }
}
