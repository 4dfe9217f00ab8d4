package io.athanor.ext.asyncio;

import io.athanor.Athanor;
import java.sql.SQLException;

/** Every message of the async session extension, each with its id (ATHANOR-85nn). Ids are never reused. */
final class Messages {
    private Messages() {
    }

    static String lazyLoad(Object instance, String attribute) {
        Object identity = Athanor.inspect(instance).identity();
        return "ATHANOR-8501: attribute '" + attribute + "' of " + instance.getClass().getSimpleName()
                + (identity == null ? "" : " " + identity) + " is not loaded, and an AsyncSession cannot load it on"
                + " thread '" + Thread.currentThread().getName() + "', outside its lane: that would run SQL on the"
                + " caller's thread (SQLAlchemy's MissingGreenlet). Load it in the query with selectinload/joinedload,"
                + " or on the lane with asyncSession.refresh(obj, \"" + attribute + "\") or asyncSession.awaitAttr(obj, \""
                + attribute + "\"); to read values after commit, build the AsyncSessionMaker with expireOnCommit(false)";
    }

    static String noSuchAttribute(Class<?> type, String attribute) {
        return "ATHANOR-8502: " + type.getName() + " has no persistent attribute '" + attribute + "' to await: name a"
                + " mapped column or relationship field";
    }

    static String notEnhanced(Object instance) {
        return "ATHANOR-8503: awaitAttr needs an instance of a mapped (enhanced) class, got "
                + (instance == null ? "null" : instance.getClass().getName());
    }

    static String belowOne(String setting, int value) {
        return "ATHANOR-8504: AsyncSessionMaker." + setting + " must be at least 1, got " + value;
    }

    static String rejected(Throwable cause) {
        return "ATHANOR-8505: the async session's executor refused its operation (" + cause + "): the"
                + " AsyncSessionMaker was closed, or a user-supplied executor is shut down or saturated";
    }

    static String badDemand(long n) {
        return "ATHANOR-8506: Subscription.request(" + n + "): demand must be positive (Reactive Streams rule 3.9)";
    }

    static String nullElement(int index) {
        return "ATHANOR-8507: value " + index + " of the stream is null, which a Flow.Publisher cannot emit: use"
                + " stream(statement) and read the Row, or exclude NULL in the query";
    }

    static String insideJta(String operation) {
        return "ATHANOR-8508: AsyncSession." + operation + "() was called on thread '" + Thread.currentThread().getName()
                + "' inside an active JTA transaction. An AsyncSession runs its work on other threads, in database"
                + " transactions of its own: it can't join this JTA transaction, and its work would commit or roll back"
                + " independently of it. Use the injected Session for work that belongs to the JTA transaction, and call"
                + " the AsyncSession outside one (a method without @Transactional, or"
                + " @Transactional(TxType.NOT_SUPPORTED))";
    }

    static String busy(String accessor) {
        return "ATHANOR-8509: AsyncSession." + accessor + "() was called on thread '" + Thread.currentThread().getName()
                + "' while an operation of the session is queued or running, so the answer would not reflect it: wait"
                + " for the operation's stage first (or ask on the lane with runSync)";
    }

    static String connectionWorkFailed(SQLException cause) {
        return "ATHANOR-8510: the work given to AsyncSession.connection() failed: " + cause.getMessage();
    }

    static String badPartitionSize(int size) {
        return "ATHANOR-8511: partitions(" + size + "): a partition holds at least 1 value";
    }
}
