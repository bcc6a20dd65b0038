package ai.cleveragents.events.operations.internal;

/**
 * Renders text for one log or console line: control characters (line breaks, escape sequences) become
 * visible {@code \\uXXXX} escapes and long text is cut, so text from a configuration file or a
 * bundle's message can neither forge a line nor drive a terminal.
 */
final class OneLine {

    static final int MAX = 500;

    private OneLine() {
    }

    /**
     * @param text any text, or {@code null}
     * @return it on one line, at most {@link #MAX} characters plus an ellipsis
     */
    static String of(Object text) {
        String s = String.valueOf(text);
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX) + 8);
        for (int i = 0; i < s.length() && out.length() < MAX; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= MAX) {
            out.setLength(MAX);
            out.append('…');
        }
        return out.toString();
    }

    /**
     * @param message   a log message
     * @param throwable its exception, or {@code null}
     * @return the message and the exception's innermost cause, on one line
     */
    static String of(String message, Throwable throwable) {
        if (throwable == null) {
            return of(message);
        }
        Throwable root = throwable;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return of(message + ": " + root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage()));
    }
}
