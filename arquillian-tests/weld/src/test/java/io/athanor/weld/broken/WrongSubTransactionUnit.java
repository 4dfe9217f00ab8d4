package io.athanor.weld.broken;

import io.athanor.cdi.SubTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/** Names an unknown unit in @SubTransaction. */
@ApplicationScoped
public class WrongSubTransactionUnit {
    @SubTransaction(unit = "archive")
    public void work() {
    }
}
