package io.athanor.servers.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** A ledger entry, bound to the second database (MariaDB) in the two-database XA scenario. */
@Mapped(table = "srv_entries")
public class Entry {
    @Id
    Long id;
    @Column(nullable = false, unique = true, length = 60)
    String entry;

    Entry() {
    }

    public Entry(String entry) {
        this.entry = entry;
    }
}
