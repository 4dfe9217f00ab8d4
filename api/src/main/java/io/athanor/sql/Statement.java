package io.athanor.sql;

/** Anything {@code Session.execute} runs: a select, insert, update, delete or textual statement. */
public interface Statement {
}
