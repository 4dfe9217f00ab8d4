package io.athanor.benchmarks.model;

/** A row of {@code item} as hand-written JDBC code holds it: a plain class, nothing tracked. */
public final class PlainItem {
    public long id;
    public String name;
    public String email;
    public int quantity;
    public long score;

    /** A row with its values; {@code id} is 0 until the database assigns one. */
    public PlainItem(long id, String name, String email, int quantity, long score) {
        this.id = id;
        this.name = name;
        this.email = email;
        this.quantity = quantity;
        this.score = score;
    }
}
