package io.athanor.reliability.xa;

import com.arjuna.ats.arjuna.common.recoveryPropertyManager;
import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import com.arjuna.ats.jta.common.jtaPropertyManager;
import io.agroal.api.AgroalDataSource;
import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.jta.JtaIntegration;
import io.athanor.jta.NarayanaSe;
import io.athanor.mapping.Registry;
import io.athanor.reliability.xa.model.XaItem;
import io.athanor.reliability.xa.model.XaLedger;
import jakarta.transaction.UserTransaction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.xa.PGXADataSource;

/**
 * The JVM a crash trial forks, configured by system properties ({@code xa.*}, see {@link Args}).
 *
 * <ul>
 *   <li>{@code transfer}: bootstraps Narayana on the trial's object store and node identifier, binds a
 *       session to PostgreSQL (default bind, {@link XaItem}) and MariaDB ({@link XaLedger}) through
 *       Agroal XA pools, and commits one row on each in one JTA transaction. {@link CrashHook} stops it at
 *       {@code xa.point} and prints {@value CrashHook#READY} for the parent to SIGKILL it; without a
 *       crash point it prints {@value #COMMITTED}. PostgreSQL's connection is enlisted first, MariaDB's with
 *       {@code xa.mariadb-first=true}.</li>
 *   <li>{@code recover}: the restarted application. Starts Narayana's recovery manager on the same
 *       object store and node identifier, registers both XA pools for recovery, and runs recovery scans
 *       until nothing of this node is in doubt ({@link InDoubt}), bounded by {@code xa.recover.seconds}
 *       ({@code xa.orphan-safety-ms} sets Narayana's orphan safety interval, default 20 s);
 *       prints {@value #RECOVERED} with the number of scans and exits 0, or exits 2.</li>
 * </ul>
 */
public final class XaCrashMain {
    static final String COMMITTED = "ATHANOR-XA-COMMITTED";
    static final String RECOVERED = "ATHANOR-XA-RECOVERED";

    private XaCrashMain() {
    }

    /** The child's configuration, passed as system properties by the parent. */
    record Args(String mode, Path store, String node, String name, CrashPoint point, boolean mariadbFirst,
                String pgUrl, Properties pg, String mariaUrl, Properties maria, int recoverSeconds,
                int orphanSafetyMillis) {

        static Args fromSystemProperties() {
            return new Args(required("xa.mode"), Path.of(required("xa.store")), required("xa.node"),
                    System.getProperty("xa.name", ""), CrashPoint.valueOf(System.getProperty("xa.point", "NONE")),
                    Boolean.getBoolean("xa.mariadb-first"),
                    required("xa.pg.url"), credentials("xa.pg"), required("xa.maria.url"), credentials("xa.maria"),
                    Integer.getInteger("xa.recover.seconds", 60), Integer.getInteger("xa.orphan-safety-ms", 20_000));
        }

        /** The system properties that recreate these arguments in a child JVM. */
        List<String> toJvmOptions() {
            return List.of("-Dxa.mode=" + mode, "-Dxa.store=" + store, "-Dxa.node=" + node, "-Dxa.name=" + name,
                    "-Dxa.point=" + point, "-Dxa.mariadb-first=" + mariadbFirst, "-Dxa.pg.url=" + pgUrl,
                    "-Dxa.pg.user=" + pg.getProperty("user"),
                    "-Dxa.pg.password=" + pg.getProperty("password", ""), "-Dxa.maria.url=" + mariaUrl,
                    "-Dxa.maria.user=" + maria.getProperty("user"),
                    "-Dxa.maria.password=" + maria.getProperty("password", ""),
                    "-Dxa.recover.seconds=" + recoverSeconds, "-Dxa.orphan-safety-ms=" + orphanSafetyMillis);
        }

        Args withMode(String newMode) {
            return new Args(newMode, store, node, name, point, mariadbFirst, pgUrl, pg, mariaUrl, maria,
                    recoverSeconds, orphanSafetyMillis);
        }

        private static String required(String key) {
            String value = System.getProperty(key);
            if (value == null) {
                throw new IllegalArgumentException("missing -D" + key);
            }
            return value;
        }

        private static Properties credentials(String prefix) {
            Properties p = new Properties();
            p.setProperty("user", required(prefix + ".user"));
            p.setProperty("password", System.getProperty(prefix + ".password", ""));
            return p;
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.fromSystemProperties();
        switch (args.mode()) {
            case "transfer" -> transfer(args);
            case "recover" -> System.exit(recover(args) ? 0 : 2);
            default -> throw new IllegalArgumentException("xa.mode must be transfer or recover: " + args.mode());
        }
    }

    private static void transfer(Args args) throws Exception {
        CrashHook.arm(args.point());
        NarayanaSe.configure(args.store(), args.node(), false);
        AgroalDataSource pg = NarayanaSe.xaDataSource(HookedPgXADataSource.class, args.pgUrl(), args.pg(), 2);
        AgroalDataSource maria = NarayanaSe.xaDataSource(HookedMariaDbXADataSource.class, args.mariaUrl(),
                args.maria(), 2);
        SessionMaker sessions = sessions(pg, maria);
        UserTransaction tx = NarayanaSe.userTransaction();
        tx.begin();
        try (Session session = sessions.open()) {
            if (args.mariadbFirst()) {
                // A read on MariaDB enlists its connection first; Narayana prepares and commits in enlistment order.
                session.get(XaLedger.class, 0L);
            }
            session.add(new XaItem(args.name()));
            session.add(new XaLedger(args.name()));
            tx.commit(); // the session flushes both rows in beforeCompletion, then two-phase commit
        }
        System.out.println(COMMITTED + " " + CrashHook.events());
        System.out.flush();
        pg.close();
        maria.close();
        System.exit(0);
    }

    /** One session factory over both databases, binding {@link XaLedger} to MariaDB, as an application would. */
    static SessionMaker sessions(AgroalDataSource pg, AgroalDataSource maria) {
        return SessionMaker.builder(Registry.of(XaItem.class, XaLedger.class))
                .bind(Engine.of(pg))
                .binds(Map.of(XaLedger.class, Engine.of(maria)))
                .transactionIntegration(JtaIntegration.of(NarayanaSe.synchronizationRegistry()))
                .build();
    }

    private static boolean recover(Args args) throws Exception {
        long start = System.nanoTime();
        // Recovery is driven by scan() below: a short back-off between its two passes, no periodic scans.
        recoveryPropertyManager.getRecoveryEnvironmentBean().setRecoveryBackoffPeriod(1);
        recoveryPropertyManager.getRecoveryEnvironmentBean().setPeriodicRecoveryPeriod(3600);
        // How long a prepared branch with no transaction log must have been seen before it is rolled back
        // as an orphan (default 20 s, against a live transaction manager of the node that is between
        // prepare and writing its log). This node's only other JVM has been killed and reaped by the test.
        jtaPropertyManager.getJTAEnvironmentBean().setOrphanSafetyInterval(args.orphanSafetyMillis());
        NarayanaSe.configure(args.store(), args.node(), true);
        AgroalDataSource pg = NarayanaSe.xaDataSource(PGXADataSource.class, args.pgUrl(), args.pg(), 2);
        AgroalDataSource maria = NarayanaSe.xaDataSource(MariaDbDataSource.class, args.mariaUrl(), args.maria(), 2);
        long deadline = start + args.recoverSeconds() * 1_000_000_000L;
        int scans = 0;
        String left;
        do {
            RecoveryManager.manager().scan();
            scans++;
            left = inDoubt(args);
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!left.isEmpty()) {
            System.out.println("still in doubt after " + scans + " scans, " + millis + " ms: " + left);
            return false;
        }
        System.out.println(RECOVERED + " scans=" + scans + " millis=" + millis);
        System.out.flush();
        RecoveryManager.manager().terminate();
        pg.close();
        maria.close();
        return true;
    }

    /** A description of what is still in doubt for the node, empty when nothing is. */
    static String inDoubt(Args args) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection(args.pgUrl(), args.pg())) {
            List<String> gids = InDoubt.postgresql(c, args.node());
            if (!gids.isEmpty()) {
                sb.append("postgresql prepared ").append(gids).append("; ");
            }
        }
        try (Connection c = DriverManager.getConnection(args.mariaUrl(), args.maria())) {
            List<String> xids = InDoubt.mariadb(c, args.node());
            if (!xids.isEmpty()) {
                sb.append("mariadb prepared ").append(xids).append("; ");
            }
        }
        List<Path> logs = InDoubt.coordinatorLogs(args.store());
        if (!logs.isEmpty()) {
            sb.append("transaction logs ").append(logs);
        }
        return sb.toString();
    }
}
