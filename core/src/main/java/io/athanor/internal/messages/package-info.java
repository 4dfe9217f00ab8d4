/**
 * Every message core raises, one class per id range, each message written once and raised through its method:
 * {@link MappingMessages} 1xxx (mapping), {@link SessionMessages} 2xxx (session, instances, flush),
 * {@link TransactionMessages} 3xxx (transactions, JTA), {@link StatementMessages} 4xxx (statements, results,
 * loading) and {@link EngineMessages} 5xxx (engine, connections, DDL). The api module's messages
 * ({@code io.athanor.api.internal.Messages}) use 0xxx and, for building statements, 4xxx; the other modules
 * have ranges of their own (CDI 60xx, JTA 65xx, hybrid 70xx and 71xx, association proxy 80xx, asyncio 85xx,
 * mutable 9xxx), each in its module's Messages class.
 *
 * <p>An id has one meaning and is never reused, not even after its message is retired. {@code MessageIdsTest}
 * (core's tests) fails the build when an id is written twice in the main sources of the modules, or outside a
 * Messages class. Ids that once carried two meanings were split, the newer meaning taking a new id: 4001 "can't
 * chain" became 4060, 4002 "no relationship" 4061, 4003 "any() is for collections" 4062, 4004 "has() is for
 * many-to-one" 4063, 4005 "loader option does not apply" 4064, 4010 "selectinload failed" 4065 and 4011 "not a
 * loader option" 4066.
 */
package io.athanor.internal.messages;
