package io.athanor.internal.messages;

/**
 * The transaction messages ({@code ATHANOR-3xxx}): a session transaction's or savepoint's state refusing an
 * operation, COMMIT and ROLLBACK failures, and joining (or not joining) a JTA transaction.
 */
public final class TransactionMessages {
    private TransactionMessages() {
    }

    // ---- 300x states, COMMIT and ROLLBACK --------------------------------------------------------

    public static String flushFailedPendingRollback(boolean nested, Throwable cause) {
        return "ATHANOR-3001: this session's transaction was rolled back because a "
                + "flush failed; call session.rollback()" + (nested ? " (or roll back the savepoint)" : "")
                + " before using it again. The flush failed with: " + cause.getMessage();
    }

    public static String inactiveAfterRollback() {
        return "ATHANOR-3002: this session's transaction is inactive because it was "
                + "rolled back; no further SQL can run in it: call session.rollback()";
    }

    public static String transactionNoLongerUsable(Enum<?> state) {
        return "ATHANOR-3003: this transaction is " + state.name().toLowerCase() + " and can no longer be used";
    }

    public static String commitFailed(Object engine) {
        return "ATHANOR-3004: COMMIT failed on " + engine;
    }

    public static String rollbackFailed(Object engine) {
        return "ATHANOR-3005: ROLLBACK failed on " + engine;
    }

    public static String autobeginOff() {
        return "ATHANOR-3006: autobegin is off and no transaction is begun: call session.begin() first";
    }

    public static String alreadyEnded(Object transaction, Enum<?> state) {
        return "ATHANOR-3008: " + transaction + " is already " + state.name().toLowerCase();
    }

    public static String alreadyBegun() {
        return "ATHANOR-3009: a transaction is already begun on this session: use "
                + "beginNested() for a savepoint, or commit/roll back the current one first";
    }

    // ---- 301x JTA and lost connections -----------------------------------------------------------

    public static String outcomeBelongsToJta(String operation) {
        return "ATHANOR-3011: can't " + operation + " here: the session joined a JTA "
                + "transaction, whose outcome belongs to the transaction manager. End it through the "
                + "UserTransaction, @Transactional or the EJB container; savepoints (beginNested) still work";
    }

    public static String jtaRollbackOnly() {
        return "ATHANOR-3012: the JTA transaction is marked rollback-only, so the "
                + "session does not join it: no work can commit in it. Let it end, then begin a new one";
    }

    public static String savepointInRollbackOnlyJta() {
        return "ATHANOR-3013: can't begin a savepoint: the JTA transaction is "
                + "marked rollback-only, so nothing done in it can commit";
    }

    public static String localTransactionInJta() {
        return "ATHANOR-3014: a JTA transaction is active, but this session still has "
                + "a resource-local transaction with changes begun outside it: commit or roll back the session "
                + "before entering the JTA transaction";
    }

    public static String joinedJtaSuspended() {
        return "ATHANOR-3015: this session joined a JTA transaction that is now "
                + "suspended, and it is being used inside another one (REQUIRES_NEW or a nested UserTransaction): "
                + "its work would land in the suspended transaction. Use a separate session there, for example "
                + "sessionMaker.open() in the REQUIRES_NEW method";
    }

    public static String connectionLost(Object engine, String sql) {
        return "ATHANOR-3016: the connection to " + engine + " was lost during " + sql
                + ": the database rolled back the whole transaction with it, so the session's transaction is "
                + "inactive; call session.rollback() before using the session again";
    }

    public static String rolledBackWithConnection(Throwable lostWith) {
        return "ATHANOR-3017: this session's transaction ended with its connection, "
                + "and the database rolled all of it back; call session.rollback() before using the session again. "
                + "The connection was lost with: " + lostWith.getMessage();
    }
}
