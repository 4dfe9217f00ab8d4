package io.athanor.benchmarks;

import static io.athanor.sql.Sql.select;

import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.benchmarks.W10Payments.Tally;
import io.athanor.benchmarks.hibernate.HJoinedCardPayment;
import io.athanor.benchmarks.hibernate.HJoinedCashPayment;
import io.athanor.benchmarks.hibernate.HJoinedPayment;
import io.athanor.benchmarks.hibernate.HJoinedTransferPayment;
import io.athanor.benchmarks.model.JoinedCardPayment;
import io.athanor.benchmarks.model.JoinedCashPayment;
import io.athanor.benchmarks.model.JoinedPayment;
import io.athanor.benchmarks.model.JoinedTransferPayment;
import io.athanor.benchmarks.model.PlainPayment;
import io.athanor.mapping.Registry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hibernate.Transaction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W10, joined-table (issue 17): load {@code rows} payments of three subclasses spread evenly, stored
 * in {@code w10j_payment} (key, discriminator, base columns) and one table per subclass
 * ({@code w10j_card}, {@code w10j_transfer}, {@code w10j_cash}, keyed by a copy of the key),
 * polymorphically, in a fresh session (or connection) each time.
 *
 * <ul>
 *   <li>{@code athanorBase}: {@code select(JoinedPayment.class)}, Athanor's default polymorphic load:
 *       the base table alone, an instance of each row's subclass; subclass columns are not read (each
 *       instance would load them on access with one SELECT of its tables by key). {@code jdbcBase}:
 *       the same columns of the base table in one query, an instance of each row's class.</li>
 *   <li>{@code athanorFull}: every column of every row, through the three subclass queries
 *       ({@code select(JoinedCardPayment.class)} ..., each the base table joined to the subclass's),
 *       every subclass column read. {@code jdbcFull}: one query, the base table {@code LEFT JOIN} each
 *       subclass table. {@code hibernate}: Hibernate's polymorphic query {@code from HJoinedPayment}
 *       ({@code JOINED}: one query, the base table left outer joined to every subclass table), every
 *       subclass column read through the accessors.</li>
 * </ul>
 *
 * All three end the read transaction with a rollback, as in {@link W2Load}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class W10Joined {
    /** Athanor's registry of the joined-table hierarchy. */
    static final Registry REGISTRY = Registry.of(JoinedPayment.class, JoinedCardPayment.class, JoinedTransferPayment.class,
            JoinedCashPayment.class);
    private static final String BASE_COLUMNS = "w10j_payment.id, w10j_payment.kind, w10j_payment.amount, "
            + "w10j_payment.currency, w10j_payment.reference";

    @Param({"h2", "postgresql", "mariadb"})
    public String db;
    @Param({"100000"})
    public int rows;

    private Stack stack;
    private SessionMaker sessions;
    private final Tally tally = new Tally();

    @Setup(Level.Trial)
    public void fill() {
        stack = Stack.of(db);
        REGISTRY.dropAll(stack.engine());
        REGISTRY.createAll(stack.engine());
        sessions = SessionMaker.builder(REGISTRY).bind(stack.engine()).build();
        W10Payments.fill(sessions, rows, W10Joined::row);
        long count = stack.table().queryLong("SELECT COUNT(*) FROM w10j_payment JOIN w10j_transfer"
                + " ON w10j_payment.id = w10j_transfer.id WHERE w10j_payment.kind = 'transfer'");
        Check.that(count == W10Payments.expected(rows, 1), "w10j_transfer holds " + count + " transfers");
    }

    static JoinedPayment row(int i) {
        long amount = W10Payments.amount(i);
        String currency = W10Payments.currency(i);
        String reference = W10Payments.reference(i);
        return switch (i % 3) {
            case 0 -> new JoinedCardPayment(amount, currency, reference, W10Payments.cardBrand(i), W10Payments.cardLast4(i));
            case 1 -> new JoinedTransferPayment(amount, currency, reference, W10Payments.iban(i), W10Payments.bankCode(i));
            default -> new JoinedCashPayment(amount, currency, reference, W10Payments.till(i), W10Payments.receivedBy(i));
        };
    }

    /** The last load returned every row as an instance of its class, with its values. */
    @TearDown(Level.Iteration)
    public void check() {
        tally.check(rows);
    }

    // ---- plain JDBC ---------------------------------------------------------------------------

    @Benchmark
    public List<PlainPayment> jdbcBase() throws SQLException {
        try (Connection c = stack.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + BASE_COLUMNS + " FROM w10j_payment");
             ResultSet rs = ps.executeQuery()) {
            List<PlainPayment> result = new ArrayList<>();
            while (rs.next()) {
                long id = rs.getLong(1);
                String kind = rs.getString(2);
                long amount = rs.getLong(3);
                String currency = rs.getString(4);
                String reference = rs.getString(5);
                result.add(switch (kind) {
                    case "card" -> new PlainPayment.Card(id, amount, currency, reference, null, null);
                    case "transfer" -> new PlainPayment.Transfer(id, amount, currency, reference, null, null);
                    case "cash" -> new PlainPayment.Cash(id, amount, currency, reference, null, null);
                    default -> throw new IllegalStateException("unknown kind " + kind);
                });
            }
            c.rollback();
            return plainChecked(result, false);
        }
    }

    @Benchmark
    public List<PlainPayment> jdbcFull() throws SQLException {
        try (Connection c = stack.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + BASE_COLUMNS + ", w10j_card.card_brand, "
                     + "w10j_card.card_last4, w10j_transfer.iban, w10j_transfer.bank_code, w10j_cash.till, "
                     + "w10j_cash.received_by FROM w10j_payment"
                     + " LEFT OUTER JOIN w10j_card ON w10j_payment.id = w10j_card.id"
                     + " LEFT OUTER JOIN w10j_transfer ON w10j_payment.id = w10j_transfer.id"
                     + " LEFT OUTER JOIN w10j_cash ON w10j_payment.id = w10j_cash.id");
             ResultSet rs = ps.executeQuery()) {
            List<PlainPayment> result = new ArrayList<>();
            while (rs.next()) {
                result.add(W10Payments.readFull(rs));
            }
            c.rollback();
            return plainChecked(result, true);
        }
    }

    private List<PlainPayment> plainChecked(List<PlainPayment> result, boolean full) {
        W10Payments.tallyPlain(tally, result, full);
        return result;
    }

    // ---- Athanor ------------------------------------------------------------------------------

    @Benchmark
    public List<JoinedPayment> athanorBase() {
        try (Session s = sessions.open()) {
            List<JoinedPayment> result = s.scalars(select(JoinedPayment.class)).all();
            tally.reset(false);
            for (JoinedPayment p : result) {
                count(p);
                tally.base(p.reference);
            }
            return result;
        }
    }

    @Benchmark
    public List<JoinedPayment> athanorFull() {
        try (Session s = sessions.open()) {
            tally.reset(true);
            List<JoinedPayment> result = new ArrayList<>();
            for (JoinedCardPayment p : s.scalars(select(JoinedCardPayment.class)).all()) {
                count(p);
                tally.base(p.reference);
                tally.sub(p.cardBrand, p.cardLast4);
                result.add(p);
            }
            for (JoinedTransferPayment p : s.scalars(select(JoinedTransferPayment.class)).all()) {
                count(p);
                tally.base(p.reference);
                tally.sub(p.iban, p.bankCode);
                result.add(p);
            }
            for (JoinedCashPayment p : s.scalars(select(JoinedCashPayment.class)).all()) {
                count(p);
                tally.base(p.reference);
                tally.sub(p.till, p.receivedBy);
                result.add(p);
            }
            return result;
        }
    }

    private void count(JoinedPayment p) {
        if (p instanceof JoinedCardPayment) {
            tally.card++;
        } else if (p instanceof JoinedTransferPayment) {
            tally.transfer++;
        } else if (p instanceof JoinedCashPayment) {
            tally.cash++;
        } else {
            tally.other++;
        }
    }

    // ---- Hibernate ----------------------------------------------------------------------------

    /** The polymorphic query: JOINED selects every column, the base table outer joined to each subclass table. */
    @Benchmark
    public List<HJoinedPayment> hibernate() {
        try (org.hibernate.Session s = stack.hibernate().openSession()) {
            Transaction tx = s.beginTransaction();
            List<HJoinedPayment> result = s.createSelectionQuery("from HJoinedPayment", HJoinedPayment.class).getResultList();
            tally.reset(true);
            for (HJoinedPayment p : result) {
                tally.base(p.getReference());
                if (p instanceof HJoinedCardPayment card) {
                    tally.card++;
                    tally.sub(card.getCardBrand(), card.getCardLast4());
                } else if (p instanceof HJoinedTransferPayment transfer) {
                    tally.transfer++;
                    tally.sub(transfer.getIban(), transfer.getBankCode());
                } else if (p instanceof HJoinedCashPayment cash) {
                    tally.cash++;
                    tally.sub(cash.getTill(), cash.getReceivedBy());
                } else {
                    tally.other++;
                }
            }
            tx.rollback();
            return result;
        }
    }
}
