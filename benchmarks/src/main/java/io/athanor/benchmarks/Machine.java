package io.athanor.benchmarks;

import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.Databases;
import io.athanor.testsupport.TestDatabase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;

/** A description of the machine, the JDK and the database servers, for the results file. */
final class Machine {
    private Machine() {
    }

    /** The 1-, 5- and 15-minute load averages (Linux), or "unknown". */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String describe(List<String> dbs, String loadBefore) {
        StringBuilder s = new StringBuilder();
        s.append("- CPU: ").append(cpu()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores available to the JVM\n");
        s.append("- load average (1, 5, 15 min) at start: ").append(loadBefore).append(", at end: ")
                .append(loadAverage()).append(" (the machine is shared: other builds run at the same time)\n");
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            s.append("- memory: ").append(os.getTotalMemorySize() >> 30).append(" GiB\n");
        }
        s.append("- OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append('\n');
        s.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append('\n');
        for (String db : dbs) {
            DatabaseHandle handle = Databases.get(TestDatabase.of(db));
            s.append("- ").append(db).append(": ").append(version(handle)).append(" (").append(handle.description())
                    .append(")\n");
        }
        return s.toString();
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture is all we know
        }
        return System.getProperty("os.arch");
    }

    private static String version(DatabaseHandle handle) {
        try (Connection c = handle.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + ", driver "
                    + meta.getDriverName() + " " + meta.getDriverVersion();
        } catch (SQLException e) {
            return "version unknown (" + e.getMessage() + ")";
        }
    }
}
