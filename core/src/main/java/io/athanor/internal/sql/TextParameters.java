package io.athanor.internal.sql;

import io.athanor.InvalidRequestException;
import io.athanor.internal.messages.StatementMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code text()} SQL: each {@code :name} outside quotes and comments becomes a {@code ?}
 * bound to that parameter. {@code ::} (a PostgreSQL cast) and {@code \:} (a literal colon) are
 * left alone; quoted strings, quoted identifiers and comments are copied verbatim.
 *
 * @param sql   the SQL with {@code ?} placeholders
 * @param names the parameter name of each placeholder, in order
 */
public record TextParameters(String sql, List<String> names) {

    /**
     * Parses with MariaDB's rule for backslashes (an escape inside {@code '...'}); see
     * {@link #parse(String, boolean)}.
     */
    public static TextParameters parse(String text) {
        return parse(text, true);
    }

    /**
     * Parses {@code text}. {@code backslashEscapes}: whether a backslash escapes the next character
     * inside {@code '...'} strings (MariaDB); in standard SQL strings (PostgreSQL, H2) it is an
     * ordinary character, so {@code 'C:\'} ends at its second quote. PostgreSQL's {@code E'...'}
     * strings always take backslash escapes.
     */
    public static TextParameters parse(String text, boolean backslashEscapes) {
        StringBuilder out = new StringBuilder(text.length());
        List<String> names = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                boolean escapes = c == '\'' && (backslashEscapes || escapeString(text, i));
                int end = closing(text, i, c, escapes);
                out.append(text, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(text, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(text, i, end);
                i = end;
            } else if (c == '\\' && i + 1 < n && text.charAt(i + 1) == ':') {
                out.append(':');
                i += 2;
            } else if (c == ':' && i + 1 < n && text.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(text.charAt(i + 1))
                    && text.charAt(i + 1) != '$') {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(text.charAt(j)) && text.charAt(j) != '$') {
                    j++;
                }
                names.add(text.substring(i + 1, j));
                out.append('?');
                i = j;
            } else if (c == '?' && i + 1 < n && text.charAt(i + 1) == '?') {
                out.append("??");
                i += 2;
            } else if (c == '?') {
                throw new InvalidRequestException(StatementMessages.questionMarkPlaceholder(i));
            } else {
                out.append(c);
                i++;
            }
        }
        return new TextParameters(out.toString(), List.copyOf(names));
    }

    /** Whether the quote at {@code i} opens a PostgreSQL escape string, {@code E'...'}. */
    private static boolean escapeString(String text, int i) {
        return i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
                && (i < 2 || !Character.isJavaIdentifierPart(text.charAt(i - 2)));
    }

    private static int closing(String text, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (c == '\\' && backslashEscapes && i + 1 < text.length()) {
                i += 2;
                continue;
            }
            i++;
        }
        throw new InvalidRequestException(StatementMessages.unterminatedQuote(quote, start));
    }

    /** The values in placeholder order; {@link InvalidRequestException} naming any parameter not given. */
    public List<Object> values(Map<String, ?> parameters) {
        List<Object> values = new ArrayList<>(names.size());
        for (String name : names) {
            if (!parameters.containsKey(name)) {
                throw new InvalidRequestException(StatementMessages.missingParameter(name, parameters.keySet()));
            }
            values.add(parameters.get(name));
        }
        return values;
    }
}
