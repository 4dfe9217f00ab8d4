/**
 * Joining JTA transactions: {@link io.athanor.jta.JtaIntegration} lets sessions join the active JTA
 * transaction through the {@code TransactionSynchronizationRegistry};
 * {@link io.athanor.jta.SubTransactions} runs work in savepoints of it, with callbacks; and
 * {@link io.athanor.jta.NarayanaSe} bootstraps Narayana and Agroal XA data sources in Java SE.
 */
package io.athanor.jta;
