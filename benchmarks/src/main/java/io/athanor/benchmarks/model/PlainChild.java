package io.athanor.benchmarks.model;

/** A row of {@code w5_child} as hand-written JDBC code holds it. */
public final class PlainChild {
    public final long id;
    public final long parentId;
    public final String name;
    public final int position;

    public PlainChild(long id, long parentId, String name, int position) {
        this.id = id;
        this.parentId = parentId;
        this.name = name;
        this.position = position;
    }
}
