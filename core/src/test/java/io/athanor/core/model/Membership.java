package io.athanor.core.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** A composite primary key, assigned by the application. */
@Mapped
public class Membership {
    @Id
    @Column(name = "group_name", length = 40)
    public String group;
    @Id(autoincrement = false)
    public Long userId;
    public String role;

    Membership() {
    }

    public Membership(String group, Long userId, String role) {
        this.group = group;
        this.userId = userId;
        this.role = role;
    }
}
