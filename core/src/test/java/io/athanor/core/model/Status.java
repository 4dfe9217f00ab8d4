package io.athanor.core.model;

public enum Status {
    ACTIVE, SUSPENDED, CLOSED
}
