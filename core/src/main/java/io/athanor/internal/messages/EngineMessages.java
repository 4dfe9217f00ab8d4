package io.athanor.internal.messages;

import java.util.List;

/**
 * The engine messages ({@code ATHANOR-5xxx}): creating an engine and its connection pool, getting connections,
 * running plain statements, and the DDL of createAll/dropAll.
 */
public final class EngineMessages {
    private EngineMessages() {
    }

    // ---- 500x engines and connections ------------------------------------------------------------

    public static String dialectDetectionFailed() {
        return "ATHANOR-5001: could not connect to detect the database dialect";
    }

    public static String nullDataSource() {
        return "ATHANOR-5002: Engine.of(null): pass a DataSource";
    }

    public static String unsupportedDatabase(String product) {
        return "ATHANOR-5003: database '" + product + "' is not supported: Athanor works with H2, PostgreSQL and MariaDB";
    }

    public static String foreignEngine(Object engine) {
        return "ATHANOR-5004: " + engine + " is not an engine made by Engine.of/create";
    }

    public static String noConnection(Object engine) {
        return "ATHANOR-5005: could not get a connection from " + engine;
    }

    public static String notAJdbcUrl(String jdbcUrl) {
        return "ATHANOR-5006: Engine.create needs a JDBC URL starting with 'jdbc:', got '" + jdbcUrl + "'";
    }

    /** ATHANOR-5007, a pool setting out of range, has one text per setting. */
    private static final String BAD_POOL_SETTING = "ATHANOR-5007: ";

    public static String badPoolSizes(String minKey, String maxKey, int min, int max) {
        return BAD_POOL_SETTING + "pool sizes must satisfy 0 <= " + minKey + " <= "
                + maxKey + " and " + maxKey + " >= 1; got min " + min + ", max " + max;
    }

    public static String negativePrePingIdle(String key, long millis) {
        return BAD_POOL_SETTING + key + " must be 0 (check every borrow) or more, got " + millis;
    }

    public static String negativeAcquireTimeout(String key, long millis) {
        return BAD_POOL_SETTING + key + " must be 0 (wait without limit) or more, got " + millis;
    }

    public static String poolFailed(String jdbcUrl) {
        return "ATHANOR-5008: could not create the connection pool for " + jdbcUrl;
    }

    public static String notWholeNumber(String key, String value) {
        return "ATHANOR-5009: " + key + " must be a whole number, got '" + value + "'";
    }

    // ---- 501x statements and settings ------------------------------------------------------------

    public static String statementFailed() {
        return "ATHANOR-5010: statement failed";
    }

    /** {@code known}: every setting's name, in the order the message lists them. */
    public static String unknownEngineSetting(String name, List<String> known) {
        String list = String.join(", ", known.subList(0, known.size() - 1)) + " and " + known.get(known.size() - 1);
        return "ATHANOR-5011: unknown engine setting '" + name + "': the settings are " + list;
    }

    public static String notBoolean(String key, String value) {
        return "ATHANOR-5012: " + key + " must be true or false, got '" + value + "'";
    }

    // ---- 502x DDL --------------------------------------------------------------------------------

    public static String createAllFailed() {
        return "ATHANOR-5020: createAll failed";
    }

    public static String dropAllFailed() {
        return "ATHANOR-5021: dropAll failed";
    }

    public static String unknownOnDelete(String action) {
        return "ATHANOR-5022: unknown ON DELETE action '" + action
                + "': use CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO ACTION";
    }

    public static String ddlFailed() {
        return "ATHANOR-5023: DDL statement failed";
    }
}
