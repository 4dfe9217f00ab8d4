package io.athanor.servers.app;

import jakarta.ejb.ApplicationException;

/** An application exception that rolls the transaction back. */
@ApplicationException(rollback = true)
public class Undone extends Exception {
    private static final long serialVersionUID = 1L;

    public Undone(String message) {
        super(message);
    }
}
