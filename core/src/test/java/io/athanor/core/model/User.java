package io.athanor.core.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

@Mapped(table = "users")
public class User {
    @Id
    public Long id;
    @Column(nullable = false, length = 50)
    public String name;
    public String fullname;
    @Column(unique = true)
    public String email;
    public int logins;

    protected User() {
    }

    public User(String name) {
        this.name = name;
    }

    public User(String name, String fullname) {
        this.name = name;
        this.fullname = fullname;
    }

    @Override
    public String toString() {
        return "User(" + id + ", " + name + ")";
    }
}
