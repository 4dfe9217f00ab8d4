package io.athanor.cdi.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code MappingException} message into its problems, so that each becomes a definition
 * error of its own. The core lists several problems as {@code ATHANOR-1000: ...:} followed by lines
 * {@code "  - problem"} whose continuation lines are indented by four spaces.
 */
final class MappingProblems {
    private MappingProblems() {
    }

    static List<String> split(String message) {
        if (message == null || !message.startsWith("ATHANOR-1000:")) {
            return List.of(String.valueOf(message));
        }
        List<String> problems = new ArrayList<>();
        StringBuilder current = null;
        for (String line : message.split("\n", -1)) {
            if (line.startsWith("  - ")) {
                if (current != null) {
                    problems.add(current.toString());
                }
                current = new StringBuilder(line.substring(4));
            } else if (current != null) {
                current.append('\n').append(line.startsWith("    ") ? line.substring(4) : line);
            }
        }
        if (current != null) {
            problems.add(current.toString());
        }
        return problems.isEmpty() ? List.of(message) : problems;
    }
}
