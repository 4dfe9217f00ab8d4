package io.athanor.reliability.xa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A forked {@link XaCrashMain} on this JVM's class path. Its stdout is copied to {@code <mode>.out}
 * in the trial directory and queued line by line for {@link #awaitLine}; stderr goes to
 * {@code <mode>.err}.
 */
final class ChildJvm implements AutoCloseable {
    private static final String EOF = "\u0000EOF";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final long startNanos = System.nanoTime();

    private ChildJvm(Process process, Path out) {
        this.process = process;
        Thread reader = new Thread(() -> copy(out), "xa-child-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(XaCrashMain.Args args, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A short-lived JVM: C1 only and the serial collector start fastest.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Xmx256m");
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null) {
            command.add("-Djava.util.logging.config.file=" + logging);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(args.toJvmOptions());
        command.add(XaCrashMain.class.getName());
        Process process = new ProcessBuilder(command)
                .redirectError(dir.resolve(args.mode() + ".err").toFile())
                .start();
        process.getOutputStream().close();
        return new ChildJvm(process, dir.resolve(args.mode() + ".out"));
    }

    private void copy(Path out) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter file = new PrintWriter(Files.newBufferedWriter(out))) {
            String line;
            while ((line = in.readLine()) != null) {
                file.println(line);
                file.flush();
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(stdout: " + e + ")");
        } finally {
            lines.add(EOF);
        }
    }

    /**
     * The first line starting with {@code prefix}, waiting at most {@code seconds}; null if the child's
     * stdout ended or the time ran out first.
     */
    String awaitLine(String prefix, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null || line.equals(EOF)) {
                if (line != null) {
                    lines.add(EOF); // later calls see the end too
                }
                return null;
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Sends SIGKILL (what {@link Process#destroyForcibly()} does on Linux) and waits for the death. */
    int kill(long seconds) throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("pid " + process.pid() + " survived SIGKILL for " + seconds + " s");
        }
        return process.exitValue();
    }

    /** The exit code, or null if the child is still running after {@code seconds}. */
    Integer awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    long millisSinceStart() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
