package io.athanor;

/** A block during which the session does not autoflush; closing it restores the previous setting. */
public interface NoAutoflush extends AutoCloseable {
    @Override
    void close();
}
