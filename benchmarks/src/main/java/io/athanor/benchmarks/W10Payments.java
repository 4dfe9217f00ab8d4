package io.athanor.benchmarks;

import io.athanor.SessionMaker;
import io.athanor.benchmarks.model.PlainPayment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * W10's data and checks, shared by {@link W10SingleTable} and {@link W10Joined}. Row {@code i} is a
 * card payment when {@code i % 3 == 0}, a transfer when 1, cash when 2, so the three classes are
 * spread evenly; every row has three base columns (plus key and discriminator) and two columns of
 * its subclass.
 */
final class W10Payments {
    /** Rows inserted per transaction while filling (not measured). */
    private static final int FILL_CHUNK = 10_000;

    private W10Payments() {
    }

    static long amount(int i) {
        return 100L + i;
    }

    static String currency(int i) {
        return i % 2 == 0 ? "EUR" : "USD";
    }

    static String reference(int i) {
        return "ref" + i;
    }

    static String cardBrand(int i) {
        return i % 2 == 0 ? "visa" : "mastercard";
    }

    static String cardLast4(int i) {
        return String.format(Locale.ROOT, "%04d", i % 10_000);
    }

    static String iban(int i) {
        return "DE" + (100_000_000L + i);
    }

    static String bankCode(int i) {
        return "BANK" + i % 100;
    }

    static int till(int i) {
        return i % 10;
    }

    static String receivedBy(int i) {
        return "clerk" + i % 7;
    }

    /** Inserts rows {@code 0..rows-1}, built by {@code row}, through Athanor (never measured). */
    static void fill(SessionMaker sessions, int rows, IntFunction<Object> row) {
        for (int from = 0; from < rows; from += FILL_CHUNK) {
            int to = Math.min(rows, from + FILL_CHUNK);
            List<Object> chunk = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                chunk.add(row.apply(i));
            }
            sessions.transaction(s -> s.addAll(chunk));
        }
    }

    /**
     * The JDBC floor's row of every column, in the order id, kind, amount, currency, reference,
     * card_brand, card_last4, iban, bank_code, till, received_by; only the row's own class's columns
     * are read.
     */
    static PlainPayment readFull(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        String kind = rs.getString(2);
        long amount = rs.getLong(3);
        String currency = rs.getString(4);
        String reference = rs.getString(5);
        return switch (kind) {
            case "card" -> new PlainPayment.Card(id, amount, currency, reference, rs.getString(6), rs.getString(7));
            case "transfer" -> new PlainPayment.Transfer(id, amount, currency, reference, rs.getString(8),
                    rs.getString(9));
            case "cash" -> {
                int till = rs.getInt(10);
                yield new PlainPayment.Cash(id, amount, currency, reference, rs.wasNull() ? null : till,
                        rs.getString(11));
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        };
    }

    /** Counts the JDBC floor's rows; {@code full}: their subclass values too. */
    static void tallyPlain(Tally tally, List<PlainPayment> result, boolean full) {
        tally.reset(full);
        for (PlainPayment p : result) {
            tally.base(p.reference);
            if (p instanceof PlainPayment.Card card) {
                tally.card++;
                tally.sub(card.cardBrand, card.cardLast4);
            } else if (p instanceof PlainPayment.Transfer transfer) {
                tally.transfer++;
                tally.sub(transfer.iban, transfer.bankCode);
            } else if (p instanceof PlainPayment.Cash cash) {
                tally.cash++;
                tally.sub(cash.till, cash.receivedBy);
            } else {
                tally.other++;
            }
        }
    }

    /** Rows of class {@code kind} (0 card, 1 transfer, 2 cash) among rows {@code 0..rows-1}. */
    static int expected(int rows, int kind) {
        return (rows + 2 - kind) / 3;
    }

    /**
     * What one load saw, counted inside the measured operation by every side alike: instances per
     * class, base values read, subclass values read (two per row when the variant reads them).
     */
    static final class Tally {
        int card;
        int transfer;
        int cash;
        int other;
        int baseValues;
        int subclassValues;
        boolean full;
        int loads;

        void reset(boolean readsSubclassColumns) {
            card = 0;
            transfer = 0;
            cash = 0;
            other = 0;
            baseValues = 0;
            subclassValues = 0;
            full = readsSubclassColumns;
            loads++;
        }

        void base(String reference) {
            if (reference != null && reference.startsWith("ref")) {
                baseValues++;
            }
        }

        void sub(Object a, Object b) {
            subclassValues += (a == null ? 0 : 1) + (b == null ? 0 : 1);
        }

        /** Fails unless the last load returned every row, as an instance of its class, with its values. */
        void check(int rows) {
            Check.that(loads > 0, "nothing was loaded");
            int total = card + transfer + cash + other;
            String seen = total + " rows: " + card + " card, " + transfer + " transfer, " + cash + " cash, "
                    + other + " of another class";
            Check.that(total == rows, "loaded " + seen + ", expected " + rows);
            Check.that(other == 0 && card == expected(rows, 0) && transfer == expected(rows, 1)
                    && cash == expected(rows, 2), "loaded " + seen + ", expected " + expected(rows, 0) + " / "
                    + expected(rows, 1) + " / " + expected(rows, 2));
            Check.that(baseValues == rows, baseValues + " of " + rows + " instances have their base values");
            if (full) {
                Check.that(subclassValues == 2 * rows, subclassValues + " subclass values read, expected " + 2 * rows);
            }
        }
    }
}
