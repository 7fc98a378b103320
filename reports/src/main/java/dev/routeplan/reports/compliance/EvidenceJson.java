package dev.routeplan.reports.compliance;

/**
 * Lays evidence JSON out one value per line, indented, for reading on paper. It only re-flows
 * the text (no parsing, no reordering, no number reformatting), so what is printed is exactly
 * what the verifier stored; text that does not start like a JSON object or array is left alone.
 */
final class EvidenceJson {

    private static final String INDENT = "  ";

    private EvidenceJson() {
    }

    static String pretty(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        String text = json.strip();
        if (text.charAt(0) != '{' && text.charAt(0) != '[') {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() * 2);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    int next = nextNonSpace(text, i + 1);
                    if (next < text.length() && closes(c, text.charAt(next))) {
                        out.append(c).append(text.charAt(next)); // {} and [] stay on one line
                        i = next;
                    } else {
                        out.append(c);
                        newLine(out, ++depth);
                    }
                }
                case '}', ']' -> {
                    newLine(out, depth = Math.max(0, depth - 1));
                    out.append(c);
                }
                case ',' -> {
                    out.append(c);
                    newLine(out, depth);
                }
                case ':' -> out.append(": ");
                case ' ', '\t', '\r', '\n' -> {
                    // layout is ours
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean closes(char open, char next) {
        return open == '{' ? next == '}' : next == ']';
    }

    private static int nextNonSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void newLine(StringBuilder out, int depth) {
        out.append('\n').append(INDENT.repeat(depth));
    }
}
