package io.athanor.internal.messages;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The session messages ({@code ATHANOR-2xxx}): an operation the session, an instance's state, the unit of work
 * or a session maker refuses, and the database errors of flushes and loads. {@code instance} parameters are an
 * instance's description ({@code StateImpl.describe()}).
 */
public final class SessionMessages {
    private SessionMessages() {
    }

    // ---- 200x instances and the session ----------------------------------------------------------

    public static String notMappedByRegistry(Class<?> type, Collection<Class<?>> mapped) {
        return "ATHANOR-2001: " + type.getName() + " is not mapped by this Registry "
                + "(mapped: " + mapped.stream().map(Class::getSimpleName).collect(Collectors.joining(", "))
                + "): add it to Registry.of(...)";
    }

    public static String usedByAnotherThread(Thread other, Thread caller) {
        return "ATHANOR-2002: this session is being used by thread '"
                + (other == null ? "?" : other.getName()) + "' while thread '" + caller.getName() + "' called it. "
                + "A Session is not thread-safe: open one session per thread (or per request)";
    }

    /** ATHANOR-2003 has two texts: {@link #addAttachedElsewhere} and {@link #deleteAttachedElsewhere}. */
    private static final String ATTACHED_ELSEWHERE = "ATHANOR-2003: ";

    public static String addAttachedElsewhere(String instance) {
        return ATTACHED_ELSEWHERE + instance + " is already attached to another "
                + "session: expunge it there first, or use merge() to copy it into this one";
    }

    public static String deleteAttachedElsewhere(String instance) {
        return ATTACHED_ELSEWHERE + instance + " is attached to another session";
    }

    public static String keyAlreadyInSession(String instance, Object key) {
        return "ATHANOR-2004: can't attach " + instance + " because another "
                + "instance with the key " + key + " is already in this session: use merge() instead";
    }

    public static String addDeleted(String instance) {
        return "ATHANOR-2005: " + instance + " was deleted in this "
                + "transaction; it cannot be added again until the transaction ends";
    }

    public static String deleteTransient(String instance) {
        return "ATHANOR-2006: " + instance + " is not persisted: there is nothing to delete";
    }

    public static String deletePending(String instance) {
        return "ATHANOR-2007: " + instance + " is pending, not persisted: use expunge() to take it out of the session";
    }

    public static String alreadyFlushing() {
        return "ATHANOR-2008: the session is already flushing";
    }

    public static String notInSession(String instance) {
        return "ATHANOR-2009: " + instance + " is not present in this session";
    }

    // ---- 201x attributes, loads and keys ---------------------------------------------------------

    public static String detachedAttribute(String instance, String attribute) {
        return "ATHANOR-2010: " + instance + " is not bound to a Session; attribute '"
                + attribute + "' is not loaded and cannot be loaded now. Read it while the session is "
                + "open, keep values after commit with SessionMaker.builder(...).expireOnCommit(false), or add the "
                + "instance to a session first";
    }

    public static String noMappedAttribute(Class<?> type, String attribute) {
        return "ATHANOR-2011: " + type.getName() + " has no mapped attribute '" + attribute + "'";
    }

    public static String notPersistentHere(String operation, String instance, Enum<?> status) {
        return "ATHANOR-2012: can't " + operation + " " + instance
                + ": it is not persistent within this session (it is " + status.name().toLowerCase() + ")";
    }

    public static String attributeOfDeleted(String instance, String attribute) {
        return "ATHANOR-2013: " + instance + " was deleted in this transaction; "
                + "its attribute '" + attribute + "' can no longer be loaded";
    }

    public static String rowGone(String instance) {
        return "ATHANOR-2014: the row of " + instance + " is gone: another "
                + "transaction deleted it, or it was never committed. Expunge the instance, or roll back";
    }

    public static String loadFailed(String instance) {
        return "ATHANOR-2015: loading " + instance + " failed";
    }

    public static String badBindArgument(Object mapperOrTable) {
        return "ATHANOR-2016: getBind takes a mapped class or a table name, got " + mapperOrTable;
    }

    public static String keyConflict(Class<?> type, Object key, String existing) {
        return "ATHANOR-2017: the new instance " + type.getSimpleName()
                + " with key " + key + " conflicts with the persistent instance " + existing
                + " already in this session: change the key, or use merge() to update the existing one";
    }

    public static String nullKeyAfterInsert(String instance) {
        return "ATHANOR-2018: " + instance + " has a NULL primary key after its "
                + "INSERT: assign the key, or map it with @Id on an Integer/Long column the database generates";
    }

    public static String notEnhancedInstance(Object instance) {
        return "ATHANOR-2019: " + (instance == null ? "null"
                : instance.getClass().getName() + " instance") + " is not an instance of a mapped class enhanced by "
                + "Athanor: annotate the class with @Mapped and add the enhancer to its build";
    }

    // ---- 202x flush statements -------------------------------------------------------------------

    public static String insertFailed(String table) {
        return "ATHANOR-2020: INSERT into " + table + " failed";
    }

    public static String updateFailed(String table) {
        return "ATHANOR-2021: UPDATE of " + table + " failed";
    }

    public static String staleRows(String verb, String table, long expected, long matched, boolean versioned) {
        return "ATHANOR-2022: " + verb + " statement on table '" + table
                + "' expected to " + verb.toLowerCase() + " " + expected + " row(s); " + matched + " were matched. "
                + "Another transaction changed or deleted the row" + (versioned
                        ? " (its version counter no longer matches)" : "")
                + ": roll back, load it again and retry";
    }

    public static String deleteFailed(String table) {
        return "ATHANOR-2023: DELETE from " + table + " failed";
    }

    public static String flagUnloaded(String attribute, String instance) {
        return "ATHANOR-2024: can't flag attribute '" + attribute + "' of " + instance
                + " modified: it is not loaded. Read it first";
    }

    // ---- 203x merge ------------------------------------------------------------------------------

    public static String mergeTransientWithoutLoad(String instance) {
        return "ATHANOR-2030: merge(load = false) takes only instances that were "
                + "persisted (detached ones): " + instance + " is transient";
    }

    public static String mergeDirtyWithoutLoad(String instance) {
        return "ATHANOR-2031: merge(load = false) does not take instances with unflushed "
                + "changes: " + instance + " has some; merge with load = true instead";
    }

    public static String mergeVersionMismatch(Object mine, String instance, Object theirs) {
        return "ATHANOR-2032: version " + mine + " of the merged " + instance
                + " does not match the version " + theirs + " in the session: it was changed since this copy was "
                + "loaded. Load it again, or leave the version unset to merge without a check";
    }

    // ---- 204x session makers, registries and column values ---------------------------------------

    public static String noDefaultEngine() {
        return "ATHANOR-2040: this SessionMaker has no default engine: call "
                + "builder.bind(engine), or use a mapped class so that binds(...) can choose one";
    }

    public static String noEngineBound(Class<?> type, String table) {
        return "ATHANOR-2041: no engine is bound for " + type.getName()
                + " (table '" + table + "'): add it, a @Mixin it extends, or its table to binds(...), or "
                + "set a default with bind(engine)";
    }

    public static String unknownBindsKey(Object key, int mappedClasses) {
        return "ATHANOR-2042: binds key " + (key instanceof Class<?> c ? c.getName()
                : "'" + key + "'") + " is neither a mapped class, a @Mixin of one, nor a mapped table of this "
                + "Registry (" + mappedClasses + " mapped classes)";
    }

    public static String noEngine() {
        return "ATHANOR-2043: a SessionMaker needs an engine: call bind(engine) or binds(...) before build()";
    }

    public static String foreignRegistry(Object registry) {
        return "ATHANOR-2044: " + registry + " was not built by Registry.of/scan";
    }

    public static String noRegistryYet(Class<?> type) {
        return "ATHANOR-2045: no Registry maps " + type.getName() + " yet: build one with "
                + "Registry.of(" + type.getSimpleName() + ".class, ...) before inspecting its instances";
    }

    public static String notSerializable(Object value, String why) {
        return "ATHANOR-2046: a " + value.getClass().getName() + " cannot be stored in a @Column(type = "
                + "Serialized.class) column: Java serialisation failed (" + why + "). Make the class (and what it "
                + "holds) Serializable";
    }

    public static String notDeserializable(String why) {
        return "ATHANOR-2047: a @Column(type = Serialized.class) value could not be read back (" + why + "): the "
                + "stored class must be on the class path in a compatible version";
    }

    // ---- 205x relationships ----------------------------------------------------------------------

    public static String detachedRelationship(String instance, String relationship) {
        return "ATHANOR-2051: " + instance + " is not bound to a Session; "
                + "relationship '" + relationship + "' is not loaded and cannot be loaded now. Load it while "
                + "the session is open (selectinload/joinedload in the query, or read it before close), "
                + "or keep loaded values after commit with expireOnCommit(false)";
    }

    public static String notForRelationship(Object instance, Class<?> type) {
        return "ATHANOR-2052: " + (instance == null ? "null" : instance.getClass().getName())
                + " can't be placed in a relationship to " + type.getName();
    }

    public static String associationRowsFailed() {
        return "ATHANOR-2053: writing association table rows failed";
    }

    public static String raiseLoad(Object relationship) {
        return "ATHANOR-2054: '" + relationship + "' is not available due to lazy = RAISE: load it "
                + "in the query with selectinload(...) or joinedload(...)";
    }

    public static String relationshipLoadFailed(Class<?> target) {
        return "ATHANOR-2055: loading a relationship of " + target.getSimpleName() + " failed";
    }

    public static String unknownIdentity(Object value, String table, Class<?> base, String known) {
        return "ATHANOR-2056: a row of table '" + table + "' has the discriminator value '" + value + "', which no "
                + "class of " + base.getName() + "'s hierarchy in this Registry has (known: " + known + "): map the "
                + "class of those rows, or correct the row";
    }

    // ---- 209x session hooks ----------------------------------------------------------------------

    public static String loadingGuardNeedsAthanorSession(Object session) {
        return "ATHANOR-2090: a LoadingGuard can only be installed on a session opened by "
                + "Athanor's SessionMaker, not on " + (session == null ? "null" : session.getClass().getName());
    }
}
