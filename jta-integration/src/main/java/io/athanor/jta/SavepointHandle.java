package io.athanor.jta;

import io.athanor.SessionTransaction;
import java.util.ArrayList;
import java.util.List;

/** One sub-transaction: the session's savepoint, its callbacks and its place in the stack. */
final class SavepointHandle implements SubTransaction {
    private enum State { ACTIVE, RELEASED, ROLLED_BACK }

    private final SubTransactions owner;
    private final SavepointHandle parent;
    private final SessionTransaction savepoint;
    private final int number;
    private final List<Runnable> onRelease = new ArrayList<>();
    private final List<Runnable> onRollback = new ArrayList<>();
    private State state = State.ACTIVE;
    private boolean rollbackOnly;

    SavepointHandle(SubTransactions owner, SavepointHandle parent, SessionTransaction savepoint, int number) {
        this.owner = owner;
        this.parent = parent;
        this.savepoint = savepoint;
        this.number = number;
    }

    @Override
    public SessionTransaction savepoint() {
        return savepoint;
    }

    @Override
    public SubTransaction parent() {
        return parent;
    }

    @Override
    public void onRelease(Runnable callback) {
        checkActive();
        onRelease.add(callback);
    }

    @Override
    public void onRollback(Runnable callback) {
        checkActive();
        onRollback.add(callback);
    }

    @Override
    public void setRollbackOnly() {
        checkActive();
        rollbackOnly = true;
    }

    @Override
    public boolean isRollbackOnly() {
        return rollbackOnly;
    }

    @Override
    public boolean isActive() {
        return state == State.ACTIVE;
    }

    @Override
    public void release() {
        checkActive();
        if (owner.stack.peekLast() != this) {
            throw new IllegalStateException(Messages.notInnermost(toString()));
        }
        savepoint.commit();
        owner.stack.removeLast();
        state = State.RELEASED;
        if (parent != null) {
            parent.onRollback.addAll(onRollback);
        }
        run(onRelease);
    }

    @Override
    public void rollback() {
        checkActive();
        while (owner.stack.peekLast() != this) {
            owner.stack.peekLast().endRolledBack();
        }
        RuntimeException failure = null;
        try {
            // rolls back an active savepoint; closes one a failed flush already rolled back
            savepoint.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            endRolledBack();
        } catch (RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void endRolledBack() {
        owner.stack.removeLast();
        state = State.ROLLED_BACK;
        run(onRollback);
    }

    private void checkActive() {
        if (state != State.ACTIVE) {
            throw new IllegalStateException(Messages.ended(toString(), state.name().toLowerCase().replace('_', ' ')));
        }
    }

    private void run(List<Runnable> callbacks) {
        RuntimeException failure = null;
        for (Runnable r : callbacks) {
            try {
                r.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = new IllegalStateException(Messages.callbackFailed(toString()), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return owner.describe(number);
    }
}
