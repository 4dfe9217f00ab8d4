package io.athanor.testsupport;

import java.util.ArrayDeque;
import java.util.Deque;

/** Runs clean-up actions at JVM exit, the last registered first, from one shutdown hook. */
final class Cleanup {
    /** A clean-up action. */
    interface Action {
        void run() throws Exception;
    }

    private static final Deque<Action> ACTIONS = new ArrayDeque<>();
    private static boolean hooked;

    private Cleanup() {
    }

    static synchronized void atExit(Action action) {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::runAll, "athanor-test-cleanup"));
            hooked = true;
        }
        ACTIONS.push(action);
    }

    private static void runAll() {
        while (true) {
            Action action;
            synchronized (Cleanup.class) {
                action = ACTIONS.poll();
            }
            if (action == null) {
                return;
            }
            try {
                action.run();
            } catch (Exception e) {
                System.err.println("[athanor-test] clean-up failed: " + e);
            }
        }
    }
}
