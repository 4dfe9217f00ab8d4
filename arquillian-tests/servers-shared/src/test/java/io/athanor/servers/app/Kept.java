package io.athanor.servers.app;

import jakarta.ejb.ApplicationException;

/** An application exception that does not roll the transaction back. */
@ApplicationException(rollback = false)
public class Kept extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Kept(String message) {
        super(message);
    }
}
