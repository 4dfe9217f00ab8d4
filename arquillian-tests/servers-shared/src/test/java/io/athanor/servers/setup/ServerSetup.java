package io.athanor.servers.setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.spi.event.container.AfterStart;
import org.jboss.arquillian.container.spi.event.container.AfterStop;
import org.jboss.arquillian.core.api.annotation.Observes;

/**
 * Configures the server once per suite, right after Arquillian has started it and before the first
 * deployment: creates the PostgreSQL (and MariaDB) databases of the suite and adds XA data sources to them
 * with the server's own administration tool. Drops the databases after the server has stopped.
 */
public abstract class ServerSetup {

    public void afterStart(@Observes AfterStart event) throws Exception {
        long start = System.nanoTime();
        configure(TestDatabases.postgresql(), TestDatabases.mariadb());
        System.out.printf("[athanor-servers] server set-up took %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    public void afterStop(@Observes AfterStop event) {
        TestDatabases.dropAll();
    }

    /** Adds the data sources of the available databases. */
    protected abstract void configure(TestDatabases.Database postgresql, TestDatabases.Database mariadb) throws Exception;

    /** Runs a command, failing with its output when it fails. */
    protected static String run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("athanor-setup", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("failed (" + p.exitValue() + "): " + command + "\n" + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    protected static Path script(String prefix, List<String> lines) throws IOException {
        Path file = Files.createTempFile(prefix, ".txt");
        file.toFile().deleteOnExit();
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    protected static String home(String property) {
        String home = System.getProperty(property);
        if (home == null) {
            throw new IllegalStateException("-D" + property + " is not set");
        }
        return home;
    }

    protected static String shell(String home, String tool) {
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
        String suffix = windows ? ".bat" : tool.equals("asadmin") ? "" : ".sh";
        return Path.of(home, "bin", tool + suffix).toString();
    }

    protected static List<String> command(String... parts) {
        return new ArrayList<>(List.of(parts));
    }
}
