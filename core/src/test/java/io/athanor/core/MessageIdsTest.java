package io.athanor.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Message ids, read from the main sources of every module of the repository (each {@code "ATHANOR-nnnn:} string
 * literal is one definition). An id names one message, so that a log line or a test quoting it means one thing;
 * a module writes each of its messages once, in its Messages class(es), and raises it through that class.
 */
class MessageIdsTest {
    private static final Pattern ID = Pattern.compile("\"ATHANOR-(\\d{4}):");
    /** Directories that hold no sources of ours. */
    private static final Set<String> SKIPPED = Set.of("target", ".git", ".mvn", "node_modules");

    /** Each id's definitions, as {@code path:line} relative to the repository root. */
    private static final Map<String, List<String>> DEFINITIONS = new TreeMap<>();

    @BeforeAll
    static void readMainSources() throws IOException {
        Path root = repositoryRoot();
        for (Path file : mainSources(root)) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = ID.matcher(lines.get(i));
                while (m.find()) {
                    String where = root.relativize(file).toString().replace('\\', '/') + ":" + (i + 1);
                    DEFINITIONS.computeIfAbsent(m.group(1), id -> new ArrayList<>()).add(where);
                }
            }
        }
        // read the whole repository, not nothing: core's and a few other modules' ids are there
        for (String id : List.of("1000", "2001", "3001", "4001", "5001", "0001", "6001", "8501")) {
            assertTrue(DEFINITIONS.containsKey(id), "ATHANOR-" + id + " not found under " + root);
        }
    }

    @Test
    void eachIdIsDefinedOnce() {
        String repeated = DEFINITIONS.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(e -> "ATHANOR-" + e.getKey() + " in " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("\n  "));
        assertTrue(repeated.isEmpty(), () -> "message ids defined more than once:\n  " + repeated + "\n"
                + "The same message twice: raise it through its Messages method. Two messages: keep the id for the "
                + "older one and give the other a new id, above the highest of its range (retired ids are never reused)");
    }

    @Test
    void messagesAreDefinedInMessagesClasses() {
        String outside = DEFINITIONS.entrySet().stream()
                .flatMap(e -> e.getValue().stream()
                        .filter(where -> !where.substring(0, where.indexOf(':')).endsWith("Messages.java"))
                        .map(where -> "ATHANOR-" + e.getKey() + " in " + where))
                .collect(Collectors.joining("\n  "));
        assertTrue(outside.isEmpty(), () -> "messages written at their raise sites:\n  " + outside + "\n"
                + "Move each into its module's Messages class (core: io.athanor.internal.messages) and raise it from there");
    }

    /** The outermost directory above the working directory (a module's, under Maven) that holds a pom.xml. */
    private static Path repositoryRoot() {
        Path root = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                root = dir;
            }
        }
        assertTrue(root != null, "no pom.xml above " + Path.of("").toAbsolutePath());
        return root;
    }

    /** Every {@code src/main/java/**}{@code /*.java} under {@code root}. */
    private static List<Path> mainSources(Path root) throws IOException {
        List<Path> sources = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return SKIPPED.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (file.toString().endsWith(".java")
                        && root.relativize(file).toString().replace('\\', '/').contains("src/main/java/")) {
                    sources.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return sources;
    }
}
