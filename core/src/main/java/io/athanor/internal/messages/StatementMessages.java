package io.athanor.internal.messages;

import java.util.Collection;
import java.util.List;

/**
 * The statement and result messages ({@code ATHANOR-4xxx}): keys given to get(), results and rows, text()
 * statements, executing, bulk statements, streaming, relationship queries and loader options. The api module's
 * messages use this range too ({@code io.athanor.api.internal.Messages}): an id is never in both.
 */
public final class StatementMessages {
    private StatementMessages() {
    }

    // ---- 400x keys and selects -------------------------------------------------------------------

    public static String noRowWithKey(Class<?> type, Object key) {
        return "ATHANOR-4001: no " + type.getSimpleName() + " with primary key " + key;
    }

    public static String nullKey(Class<?> type) {
        return "ATHANOR-4002: get(" + type.getSimpleName() + ", null): pass a primary key value";
    }

    public static String compositeKeyNeeded(Class<?> type, int columns) {
        return "ATHANOR-4003: " + type.getSimpleName() + " has a composite key of "
                + columns + " columns: pass Key.of(...) with one value per key column, in declaration order";
    }

    public static String keySizeMismatch(Class<?> type, int columns, int given) {
        return "ATHANOR-4004: " + type.getSimpleName() + " has "
                + columns + " key column(s) but the key given has " + given + " value(s)";
    }

    public static String keyTypeMismatch(Class<?> type, String field, Class<?> columnType, Object value) {
        return "ATHANOR-4005: the key column " + type.getSimpleName() + "."
                + field + " is a " + columnType.getSimpleName() + ", but the key given is a "
                + value.getClass().getSimpleName() + " (" + value + ")";
    }

    public static String joinedCollectionWithLimit() {
        return "ATHANOR-4006: joinedload of a collection together with limit/offset "
                + "is supported when one mapped class is selected; use selectinload(...) here instead";
    }

    public static String selfReferentialJoin(Object relationship, String table, Object attribute) {
        return "ATHANOR-4007: can't join along the self-referential relationship '"
                + relationship + "': both sides are table " + table + ", and aliased entities are not supported; "
                + "use " + attribute + ".any(...) or selectinload(" + attribute + ")";
    }

    public static String tableJoinedTwice(Object relationship, String table) {
        return "ATHANOR-4009: can't join " + relationship + ": table " + table + " is already joined in this select";
    }

    // ---- 401x results and rows -------------------------------------------------------------------

    public static String oneFoundNoRow() {
        return "ATHANOR-4010: one() found no row; use oneOrNull() or first() when none is fine";
    }

    public static String oneFoundRows(int rows) {
        return "ATHANOR-4011: one() found " + rows + " rows where at most one was "
                + "expected; narrow the WHERE clause or use first()";
    }

    public static String columnIndexOutOfRange(int columns, int index) {
        return "ATHANOR-4012: row has " + columns + " column(s); index " + index + " is out of range";
    }

    public static String noColumnLabelled(String label, List<String> labels) {
        return "ATHANOR-4013: row has no column labelled '" + label + "' (labels: " + labels + ")";
    }

    public static String valueNotOfType(Object value, Class<?> type) {
        return "ATHANOR-4014: value " + value + " is a " + value.getClass().getName() + ", not a " + type.getName();
    }

    // ---- 402x text() -----------------------------------------------------------------------------

    public static String questionMarkPlaceholder(int offset) {
        return "ATHANOR-4020: text() takes named parameters (:name), not '?' "
                + "placeholders; found '?' at offset " + offset;
    }

    public static String unterminatedQuote(char quote, int offset) {
        return "ATHANOR-4021: text() SQL has an unterminated " + quote + " quote starting at offset " + offset;
    }

    public static String missingParameter(String name, Collection<String> given) {
        return "ATHANOR-4022: text() parameter ':" + name + "' has no value: pass it "
                + "in the parameter map (given: " + given + ")";
    }

    // ---- 403x executing statements ---------------------------------------------------------------

    public static String getFailed(Class<?> type, Object key) {
        return "ATHANOR-4030: loading " + type.getSimpleName() + " " + key + " failed";
    }

    public static String notExecutable(Object statement) {
        return "ATHANOR-4031: can't execute " + statement + ": pass a select(), insert(), "
                + "update(), delete() or text() statement";
    }

    public static String queryFailed() {
        return "ATHANOR-4032: query failed";
    }

    public static String textStatementFailed() {
        return "ATHANOR-4033: text() statement failed";
    }

    public static String statementFailed() {
        return "ATHANOR-4034: statement failed";
    }

    public static String updateSetsNothing(Class<?> type) {
        return "ATHANOR-4035: update(" + type.getSimpleName() + ") sets no column: add .set(column, value)";
    }

    public static String deleteSelectFailed() {
        return "ATHANOR-4036: selecting the rows to delete failed";
    }

    public static String insertUnknownAttribute(Class<?> type, String attribute) {
        return "ATHANOR-4037: insert(" + type.getSimpleName() + ") has a value "
                + "for '" + attribute + "', which is not a mapped attribute";
    }

    public static String bulkInsertFailed(String table) {
        return "ATHANOR-4038: bulk INSERT into " + table + " failed";
    }

    public static String notEvaluable(String why) {
        return "ATHANOR-4040: synchronize(EVALUATE) can't evaluate the criteria "
                + "in Java (" + why + "): use Sync.FETCH, AUTO or NONE";
    }

    // ---- 405x streaming --------------------------------------------------------------------------

    public static String badYieldPer(int yieldPer) {
        return "ATHANOR-4050: yieldPer is " + yieldPer + ": a streamed result reads at "
                + "least one row per partition; pass 1 or more (100 to 1,000 is typical)";
    }

    public static String notStreamable(Object statement) {
        return "ATHANOR-4051: can't stream " + statement + ": stream() reads the rows of a "
                + "select() or text() query; run other statements with execute()";
    }

    public static String streamClosed(String closedBy) {
        return "ATHANOR-4052: this streamed result was closed by " + closedBy
                + ": a cursor lives in the transaction that opened it. Read it to the end (or close it) before "
                + "ending the transaction, or run the query again";
    }

    public static String joinedCollectionStreamed() {
        return "ATHANOR-4053: this select loads a collection with joinedload, whose "
                + "rows repeat each parent: it can't be streamed a partition at a time (SQLAlchemy refuses "
                + "yield_per there too). Use selectinload(...) for the collection, which runs once per partition";
    }

    public static String streamReadFailed() {
        return "ATHANOR-4054: reading the next rows of a streamed result failed";
    }

    // ---- 406x relationship queries and loader options --------------------------------------------
    // These used to share 4002-4005, 4010 and 4011 with the key and result messages above (see package-info);
    // 4060, chaining loader options, is raised by the api module.

    public static String noRelationship(Class<?> owner, String name) {
        return "ATHANOR-4061: " + owner.getSimpleName() + " has no relationship '" + name + "'";
    }

    public static String anyOnOneObject(Object relationship) {
        return "ATHANOR-4062: any() is for collections; '" + relationship + "' refers to one object: use has()";
    }

    public static String hasOnCollection(Object relationship) {
        return "ATHANOR-4063: has() is for many-to-one and one-to-one relationships; '"
                + relationship + "' is a collection: use any()";
    }

    public static String optionAppliesToNothing(Object option, Class<?> start) {
        return "ATHANOR-4064: loader option " + option + " does not apply to any "
                + "class selected by this query: its path starts at " + start.getSimpleName();
    }

    public static String selectinFailed(Object relationship) {
        return "ATHANOR-4065: loading " + relationship + " with selectinload failed";
    }

    public static String notALoaderOption(Object option) {
        return "ATHANOR-4066: " + (option == null ? "null" : option.getClass().getName())
                + " is not a loader option: pass selectinload(...), joinedload(...), raiseload(...), "
                + "lazyload(...), noload(...) or defaultload(...) from io.athanor.sql.Load";
    }

    public static String joinedLoadOfJoinedTable(String relationship) {
        return "ATHANOR-4055: can't joinedload " + relationship + ": its target is mapped with joined-table "
                + "inheritance (its rows span several tables), which joined eager loading does not support yet; use "
                + "selectinload(...) instead";
    }

    public static String bulkOfJoinedTable(Class<?> type) {
        return "ATHANOR-4056: bulk UPDATE and DELETE of " + type.getName() + " are not supported: its rows span the "
                + "tables of a joined-table hierarchy. Load the instances and change or delete them in the session, "
                + "or run text() statements on each table";
    }
}
