package dev.routeplan.reports.pdf;

/**
 * Turns free text (customer names, addresses) into JasperReports "styled" markup that puts each
 * Devanagari run in Noto Sans Devanagari. Neither bundled face covers both scripts, and
 * JasperReports only picks a face per script on its own through font sets, which need ICU4J (14 MB)
 * on the classpath; marking the runs here does the same for the two scripts we print. Devanagari
 * runs are then laid out by AWT's shaper (JasperReports' glyph renderer, on by default for the
 * Devanagari block), so conjuncts and matras come out right, and carry their Unicode text as
 * ActualText so the PDF stays searchable.
 */
final class DevanagariMarkup {

    static final String DEVANAGARI_FONT = "Noto Sans Devanagari";

    private DevanagariMarkup() {
    }

    /** The text as styled markup: XML-escaped, with Devanagari runs wrapped in a font style. */
    static String styled(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        boolean inDevanagari = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean devanagari = isDevanagari(cp) || (inDevanagari && joinsRun(cp, text, i));
            if (devanagari != inDevanagari) {
                out.append(devanagari ? "<style fontName=\"" + DEVANAGARI_FONT + "\">" : "</style>");
                inDevanagari = devanagari;
            }
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        if (inDevanagari) {
            out.append("</style>");
        }
        return out.toString();
    }

    private static boolean isDevanagari(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.DEVANAGARI
                || cp == 0x200C || cp == 0x200D; // ZWNJ/ZWJ steer conjunct forms and belong to the run
    }

    /** A space between two Devanagari words stays in the run, so the shaper sees the phrase whole. */
    private static boolean joinsRun(int cp, String text, int at) {
        if (cp != ' ') {
            return false;
        }
        int next = at + 1;
        return next < text.length() && isDevanagari(text.codePointAt(next));
    }
}
