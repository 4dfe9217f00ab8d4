package io.athanor.servers.app;

/** A checked exception: an EJB application exception that does not roll the transaction back. */
public class StepFailed extends Exception {
    private static final long serialVersionUID = 1L;

    public StepFailed(String message) {
        super(message);
    }
}
