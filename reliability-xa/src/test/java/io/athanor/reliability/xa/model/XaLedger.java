package io.athanor.reliability.xa.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** The row a crash trial writes to MariaDB (bound per class). */
@Mapped(table = "xa_ledger")
public class XaLedger {
    @Id
    Long id;
    @Column(nullable = false, unique = true, length = 60)
    String entry;

    XaLedger() {
    }

    public XaLedger(String entry) {
        this.entry = entry;
    }
}
