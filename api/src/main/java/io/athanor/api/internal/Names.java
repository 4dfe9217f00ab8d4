package io.athanor.api.internal;

/**
 * Naming rules shared by the engine and the metamodel processor, so that both derive the same
 * table and column names. Not public API.
 */
public final class Names {
    private Names() {
    }

    /**
     * {@code UserAccount} and {@code userAccount} become {@code user_account}; {@code HTTPLog} becomes
     * {@code http_log}.
     */
    public static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean previousLower = i > 0
                        && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                boolean previousUpper = i > 0 && Character.isUpperCase(name.charAt(i - 1));
                if (out.length() > 0 && (previousLower || (previousUpper && nextLower))) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
