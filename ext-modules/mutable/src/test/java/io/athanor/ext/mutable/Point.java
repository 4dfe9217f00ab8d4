package io.athanor.ext.mutable;

/** A mutable composite value: setters report changes. */
public class Point extends MutableComposite {
    private static final long serialVersionUID = 1L;

    private int x;
    private int y;

    public Point() {
    }

    public Point(int x, int y) {
        this.x = x;
        this.y = y;
    }

    public int x() {
        return x;
    }

    public int y() {
        return y;
    }

    public void setX(int x) {
        this.x = x;
        changed();
    }

    public void setY(int y) {
        this.y = y;
        changed();
    }
}
