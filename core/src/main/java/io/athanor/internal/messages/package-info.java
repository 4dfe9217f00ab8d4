/**
 * Every message core raises, one class per id range, each message written once and raised through its method:
 * {@link MappingMessages} 1xxx (mapping), {@link SessionMessages} 2xxx (session, instances, flush),
 * {@link TransactionMessages} 3xxx (transactions, JTA), {@link StatementMessages} 4xxx (statements, results,
 * loading) and {@link EngineMessages} 5xxx (engine, connections, DDL). The api module's messages use 0xxx and,
 * for building statements, 4xxx; the other modules have ranges of their own (CDI 60xx, JTA 65xx, hybrid 70xx
 * and 71xx, association proxy 80xx, asyncio 85xx, mutable 9xxx), each in its module's Messages class.
 *
 * <p>An id has one meaning and is never reused, not even after its message is retired.
 */
package io.athanor.internal.messages;
