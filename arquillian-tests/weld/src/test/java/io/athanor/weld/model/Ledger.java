package io.athanor.weld.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** An entry bound to the second database in the two-database tests. */
@Mapped(table = "weld_ledger")
public class Ledger {
    @Id
    Long id;
    @Column(nullable = false, unique = true, length = 60)
    String entry;

    Ledger() {
    }

    public Ledger(String entry) {
        this.entry = entry;
    }

    public String entry() {
        return entry;
    }
}
