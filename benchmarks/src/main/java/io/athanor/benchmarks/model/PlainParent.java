package io.athanor.benchmarks.model;

import java.util.ArrayList;
import java.util.List;

/** A row of {@code w5_parent} with its children as hand-written JDBC code holds it. */
public final class PlainParent {
    public final long id;
    public final String name;
    public final List<PlainChild> children = new ArrayList<>();

    public PlainParent(long id, String name) {
        this.id = id;
        this.name = name;
    }
}
