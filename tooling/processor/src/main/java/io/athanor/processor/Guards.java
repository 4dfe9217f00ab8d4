package io.athanor.processor;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Which mapped fields a condition proves non-null when it is true (or false): {@code x != null},
 * {@code x == null} (when false), and their combinations with {@code &&}, {@code ||} and {@code !}.
 */
final class Guards {
    private Guards() {
    }

    /**
     * The fields known non-null when {@code condition} evaluates to {@code outcome}.
     *
     * @param columnName the mapped column a tree names, or {@code null}
     */
    static Set<String> nonNullWhen(ExpressionTree condition, boolean outcome,
                                   Function<ExpressionTree, String> columnName) {
        Set<String> known = new HashSet<>();
        collect(condition, outcome, columnName, known);
        return known;
    }

    private static void collect(ExpressionTree tree, boolean outcome, Function<ExpressionTree, String> columnName,
                                Set<String> known) {
        switch (tree.getKind()) {
            case PARENTHESIZED -> collect(((ParenthesizedTree) tree).getExpression(), outcome, columnName, known);
            case LOGICAL_COMPLEMENT -> collect(((UnaryTree) tree).getExpression(), !outcome, columnName, known);
            case CONDITIONAL_AND -> {
                if (outcome) {
                    collect(((BinaryTree) tree).getLeftOperand(), true, columnName, known);
                    collect(((BinaryTree) tree).getRightOperand(), true, columnName, known);
                }
            }
            case CONDITIONAL_OR -> {
                if (!outcome) {
                    collect(((BinaryTree) tree).getLeftOperand(), false, columnName, known);
                    collect(((BinaryTree) tree).getRightOperand(), false, columnName, known);
                }
            }
            case NOT_EQUAL_TO, EQUAL_TO -> {
                boolean notEqual = tree.getKind() == Tree.Kind.NOT_EQUAL_TO;
                if (notEqual == outcome) {
                    BinaryTree binary = (BinaryTree) tree;
                    String name = nullComparison(binary.getLeftOperand(), binary.getRightOperand(), columnName);
                    if (name != null) {
                        known.add(name);
                    }
                }
            }
            default -> {
                // no facts
            }
        }
    }

    private static String nullComparison(ExpressionTree left, ExpressionTree right,
                                         Function<ExpressionTree, String> columnName) {
        if (right.getKind() == Tree.Kind.NULL_LITERAL) {
            return columnName.apply(unwrap(left));
        }
        if (left.getKind() == Tree.Kind.NULL_LITERAL) {
            return columnName.apply(unwrap(right));
        }
        return null;
    }

    private static ExpressionTree unwrap(ExpressionTree tree) {
        return tree instanceof ParenthesizedTree p ? unwrap(p.getExpression()) : tree;
    }
}
