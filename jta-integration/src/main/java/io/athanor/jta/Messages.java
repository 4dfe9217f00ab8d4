package io.athanor.jta;

/**
 * Every message of this module, in one place. Ids are {@code ATHANOR-65nn} (the CDI extension
 * uses {@code ATHANOR-60nn}); they are never reused.
 */
final class Messages {
    private Messages() {
    }

    static String noRegistry(String jndiName, String cause) {
        return "ATHANOR-6501: no TransactionSynchronizationRegistry at " + jndiName + " (" + cause + ") and no "
                + "Narayana on the class path: pass one to JtaIntegration.of(registry), or start Narayana in Java SE "
                + "with NarayanaSe";
    }

    static String notInnermost(String which) {
        return "ATHANOR-6502: " + which + " is not the innermost sub-transaction: release or roll back the ones "
                + "begun inside it first";
    }

    static String ended(String which, String state) {
        return "ATHANOR-6503: " + which + " is already " + state;
    }

    static String reconfigured(String what, String was, String now) {
        return "ATHANOR-6504: Narayana is already configured in this JVM with " + what + " " + was + "; it can't "
                + "change to " + now + ": use one NarayanaSe configuration per JVM";
    }

    static String callbackFailed(String which) {
        return "ATHANOR-6505: a callback registered on " + which + " failed";
    }
}
