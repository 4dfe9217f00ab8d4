package io.athanor.benchmarks;

import static io.athanor.sql.Sql.select;

import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.benchmarks.W10Payments.Tally;
import io.athanor.benchmarks.hibernate.HCardPayment;
import io.athanor.benchmarks.hibernate.HCashPayment;
import io.athanor.benchmarks.hibernate.HPayment;
import io.athanor.benchmarks.hibernate.HTransferPayment;
import io.athanor.benchmarks.model.CardPayment;
import io.athanor.benchmarks.model.CashPayment;
import io.athanor.benchmarks.model.Payment;
import io.athanor.benchmarks.model.PlainPayment;
import io.athanor.benchmarks.model.TransferPayment;
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
 * W10, single-table (issue 17): load {@code rows} payments of three subclasses spread evenly, all in
 * table {@code w10_payment}, polymorphically, in a fresh session (or connection) each time.
 *
 * <ul>
 *   <li>{@code athanorBase}: {@code select(Payment.class)}, Athanor's default polymorphic load: the
 *       base's columns, an instance of each row's subclass; subclass columns are not read (each
 *       instance would load them on access with a SELECT by key). {@code jdbcBase}: the same columns
 *       in one query, an instance of each row's class.</li>
 *   <li>{@code athanorFull}: every column of every row, through the three subclass queries
 *       ({@code select(CardPayment.class)} ..., each {@code WHERE kind = ...}, one table scan each),
 *       every subclass column read. {@code jdbcFull}: one query of every column. {@code hibernate}:
 *       Hibernate's polymorphic query {@code from HPayment} ({@code SINGLE_TABLE}: one query of every
 *       column), every subclass column read through the accessors.</li>
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
public class W10SingleTable {
    /** Athanor's registry of the single-table hierarchy. */
    static final Registry REGISTRY = Registry.of(Payment.class, CardPayment.class, TransferPayment.class,
            CashPayment.class);
    private static final String BASE_COLUMNS = "w10_payment.id, w10_payment.kind, w10_payment.amount, "
            + "w10_payment.currency, w10_payment.reference";

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
        W10Payments.fill(sessions, rows, W10SingleTable::row);
        long count = stack.table().queryLong("SELECT COUNT(*) FROM w10_payment WHERE kind = 'transfer'");
        Check.that(count == W10Payments.expected(rows, 1), "w10_payment holds " + count + " transfers");
    }

    static Payment row(int i) {
        long amount = W10Payments.amount(i);
        String currency = W10Payments.currency(i);
        String reference = W10Payments.reference(i);
        return switch (i % 3) {
            case 0 -> new CardPayment(amount, currency, reference, W10Payments.cardBrand(i), W10Payments.cardLast4(i));
            case 1 -> new TransferPayment(amount, currency, reference, W10Payments.iban(i), W10Payments.bankCode(i));
            default -> new CashPayment(amount, currency, reference, W10Payments.till(i), W10Payments.receivedBy(i));
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
             PreparedStatement ps = c.prepareStatement("SELECT " + BASE_COLUMNS + " FROM w10_payment");
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
             PreparedStatement ps = c.prepareStatement("SELECT " + BASE_COLUMNS + ", w10_payment.card_brand, "
                     + "w10_payment.card_last4, w10_payment.iban, w10_payment.bank_code, w10_payment.till, "
                     + "w10_payment.received_by FROM w10_payment");
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
    public List<Payment> athanorBase() {
        try (Session s = sessions.open()) {
            List<Payment> result = s.scalars(select(Payment.class)).all();
            tally.reset(false);
            for (Payment p : result) {
                count(p);
                tally.base(p.reference);
            }
            return result;
        }
    }

    @Benchmark
    public List<Payment> athanorFull() {
        try (Session s = sessions.open()) {
            tally.reset(true);
            List<Payment> result = new ArrayList<>();
            for (CardPayment p : s.scalars(select(CardPayment.class)).all()) {
                count(p);
                tally.base(p.reference);
                tally.sub(p.cardBrand, p.cardLast4);
                result.add(p);
            }
            for (TransferPayment p : s.scalars(select(TransferPayment.class)).all()) {
                count(p);
                tally.base(p.reference);
                tally.sub(p.iban, p.bankCode);
                result.add(p);
            }
            for (CashPayment p : s.scalars(select(CashPayment.class)).all()) {
                count(p);
                tally.base(p.reference);
                tally.sub(p.till, p.receivedBy);
                result.add(p);
            }
            return result;
        }
    }

    private void count(Payment p) {
        if (p instanceof CardPayment) {
            tally.card++;
        } else if (p instanceof TransferPayment) {
            tally.transfer++;
        } else if (p instanceof CashPayment) {
            tally.cash++;
        } else {
            tally.other++;
        }
    }

    // ---- Hibernate ----------------------------------------------------------------------------

    /** The polymorphic query: SINGLE_TABLE selects every column of the table in one statement. */
    @Benchmark
    public List<HPayment> hibernate() {
        try (org.hibernate.Session s = stack.hibernate().openSession()) {
            Transaction tx = s.beginTransaction();
            List<HPayment> result = s.createSelectionQuery("from HPayment", HPayment.class).getResultList();
            tally.reset(true);
            for (HPayment p : result) {
                tally.base(p.getReference());
                if (p instanceof HCardPayment card) {
                    tally.card++;
                    tally.sub(card.getCardBrand(), card.getCardLast4());
                } else if (p instanceof HTransferPayment transfer) {
                    tally.transfer++;
                    tally.sub(transfer.getIban(), transfer.getBankCode());
                } else if (p instanceof HCashPayment cash) {
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
