package io.athanor.core.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

@Mapped(table = "addresses")
public class Address {
    @Id
    public Long id;
    @ForeignKey(value = "users.id", onDelete = "CASCADE")
    @Column(nullable = false, index = true)
    public Long userId;
    public String street;

    Address() {
    }

    public Address(Long userId, String street) {
        this.userId = userId;
        this.street = street;
    }
}
