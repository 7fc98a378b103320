package dev.routeplan.app.runs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * An orders file of random rows from one seed: good rows, good rows written oddly (quoted line
 * breaks, doubled quotes, semicolons, control characters, Devanagari, very long numbers, phones
 * written every way) and rows each broken in one known way. It remembers every row it wrote, what
 * the row is meant to become and, for a good row, the values the order must have.
 *
 * <p>What counts as a row is what the reader counts (Commons CSV's records): the header is row 1,
 * each row after it the next number; a line with nothing on it (only its line break) is no row and
 * gets no number; a line break inside a quoted value does not end the row. A line of spaces, of
 * commas or of one empty quoted value is a row (with empty fields).
 */
final class RandomOrderFile {

    /** What is wrong with a row, and the reason code its reject must carry; {@link #NONE} for a good row. */
    enum Fault {
        NONE(null),
        NOT_A_NUMBER("NOT_A_NUMBER"),
        HUGE_NUMBER("NOT_A_NUMBER"),
        MISSING_FIELD("MISSING_FIELD"),
        SHORT_ROW("MISSING_FIELD"),
        BLANK_LOOKING_LINE("MISSING_FIELD"),
        INVALID_TIME("INVALID_TIME"),
        EMPTY_WINDOW("EMPTY_WINDOW"),
        INCOMPLETE_SECOND_WINDOW("INCOMPLETE_SECOND_WINDOW"),
        SECOND_WINDOW_NOT_AFTER_FIRST("SECOND_WINDOW_NOT_AFTER_FIRST"),
        UNKNOWN_DEPOT("UNKNOWN_DEPOT"),
        DUPLICATE_ORDER_ID("DUPLICATE_ORDER_ID"),
        OUT_OF_SERVICE_AREA("OUT_OF_SERVICE_AREA"),
        INVALID_PHONE("INVALID_PHONE"),
        /** an unquoted comma before the phone column: every column from there on moves one right */
        STRAY_DELIMITER("INVALID_PHONE"),
        INVALID_PINCODE("INVALID_PINCODE"),
        PINCODE_NOT_SERVED("PINCODE_NOT_SERVED"),
        NON_POSITIVE_WEIGHT("NON_POSITIVE_WEIGHT"),
        NEGATIVE_VOLUME("NEGATIVE_VOLUME"),
        EXCEEDS_LARGEST_VEHICLE("EXCEEDS_LARGEST_VEHICLE"),
        SERVICE_MINUTES_OUT_OF_RANGE("SERVICE_MINUTES_OUT_OF_RANGE"),
        PRIORITY_OUT_OF_RANGE("PRIORITY_OUT_OF_RANGE"),
        INVALID_GOODS_TYPE("INVALID_GOODS_TYPE"),
        VALUE_TOO_LONG("VALUE_TOO_LONG"),
        ROW_TOO_LONG("ROW_TOO_LONG");

        final String code;

        Fault(String code) {
            this.code = code;
        }
    }

    /**
     * One row written.
     *
     * @param number the row number the reader gives it
     * @param meant  for a good row, the values its order must have (phone normalised, goods type in
     *               capitals, text trimmed); empty for a bad one
     */
    record Row(int number, String orderId, Fault fault, Map<String, String> meant) {

        boolean good() {
            return fault == Fault.NONE;
        }
    }

    /** A file written, with the seed that wrote it: the same seed writes the same file. */
    record Written(Path path, long seed, List<Row> rows) {

        String fileName() {
            return path.getFileName().toString();
        }

        List<Row> good() {
            return rows.stream().filter(Row::good).toList();
        }

        List<Row> bad() {
            return rows.stream().filter(row -> !row.good()).toList();
        }
    }

    static final List<String> COLUMNS = List.of("order_id", "customer_name", "phone", "address", "pincode", "lat", "lon",
            "weight_kg", "volume_m3", "window_start", "window_end", "service_minutes", "priority", "depot_id",
            "goods_type", "window2_start", "window2_end");
    private static final List<String> OPTIONAL = List.of("window2_start", "window2_end");
    private static final List<String> MAY_BE_EMPTY = List.of("phone", "pincode", "window2_start", "window2_end");
    private static final Map<String, String> ALIASES = Map.of("lat", "Latitude", "lon", " longitude ", "order_id",
            "ORDER_NO", "window2_start", "second_window_start", "window2_end", "second_window_end");
    private static final List<String> NAMES = List.of("Sharma Kirana Store", "Bansal Medicos", "Kapoor Dairy",
            "गुप्ता जनरल स्टोर", "Mehta & Sons", "Sharma, \"Bittu\" Traders", "=HYPERLINK(\"x\")", "Ali's Bakery",
            "Singh; Singh | Co", "Rao\tTiffin", "राम डेयरी 🚚");
    private static final List<String> STREETS = List.of("Gali No. 14, Alipur", "Shop 4,\nChandni Chowk",
            "Plot 7; Okhla Phase II", "B-12 \"Pink\" Market, Lajpat Nagar", "Karol Bagh", "सदर बाज़ार, दिल्ली",
            "Sector 18\r\nNoida Road", "Naraina | Ring Road");
    private static final List<String> GOODS = List.of("GENERAL", "milk", "Medicines", "VEGETABLES", "fmcg", "E_COMMERCE");
    private static final char[] CONTROL = {'\u0001', '\u0007', '\u000B', '\u001B', '\u001F', '\u007F', '\u0085', '\u2028'};

    private final Random random;
    private final String idPrefix;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> goodIds = new ArrayList<>();
    private final List<String> columns;
    private final boolean quoteAll;
    private final String lineEnd;
    private boolean rowTooLongWritten;

    private RandomOrderFile(long seed, String idPrefix) {
        this.random = new Random(seed);
        this.idPrefix = idPrefix;
        List<String> order = new ArrayList<>(COLUMNS);
        if (random.nextInt(3) == 0) {
            order.removeAll(OPTIONAL); // a file without the optional second window
        }
        Collections.shuffle(order, random);
        this.columns = List.copyOf(order);
        this.quoteAll = random.nextInt(5) == 0;
        this.lineEnd = random.nextBoolean() ? "\n" : "\r\n";
    }

    /**
     * Writes {@code rowCount} random data rows to {@code folder/fileName} (gzip-compressed when the
     * name ends in {@code .gz}); order ids start with {@code idPrefix}, so files do not share them.
     */
    static Written write(Path folder, String fileName, long seed, String idPrefix, int rowCount) throws IOException {
        RandomOrderFile file = new RandomOrderFile(seed, idPrefix);
        Path path = folder.resolve(fileName);
        try (OutputStream out = open(path);
             Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            file.writeAll(writer, rowCount);
        }
        return new Written(path, seed, List.copyOf(file.rows));
    }

    private static OutputStream open(Path path) throws IOException {
        OutputStream out = Files.newOutputStream(path);
        return path.toString().endsWith(".gz") ? new GZIPOutputStream(out, 1 << 16) : out;
    }

    private void writeAll(Writer out, int rowCount) throws IOException {
        if (random.nextInt(4) == 0) {
            out.write('\uFEFF');
        }
        out.write(String.join(",", columns.stream().map(this::headerName).toList()));
        boolean extraColumn = random.nextInt(4) == 0;
        if (extraColumn) {
            out.write(",sender_notes");
        }
        out.write(lineEnd);
        for (int number = 2; number < rowCount + 2; number++) {
            while (random.nextInt(12) == 0) {
                out.write(random.nextBoolean() ? "\n" : "\r\n"); // a line with nothing on it: no row
            }
            out.write(row(number, extraColumn));
            out.write(random.nextInt(10) == 0 ? (lineEnd.equals("\n") ? "\r\n" : "\n") : lineEnd);
        }
    }

    private String headerName(String column) {
        String alias = ALIASES.get(column);
        if (alias != null && random.nextBoolean()) {
            return alias;
        }
        return random.nextInt(4) == 0 ? column.toUpperCase(Locale.ROOT) : column;
    }

    /** Row {@code number}: a good row, or a good row with one fault, as one CSV record. */
    private String row(int number, boolean extraColumn) {
        Map<String, String> values = goodValues(number);
        Fault fault = random.nextInt(100) < 45 ? pickFault() : Fault.NONE;
        Map<String, String> meant = fault == Fault.NONE ? meant(values) : Map.of();
        String text = switch (fault) {
            case BLANK_LOOKING_LINE -> List.of("   ", ",,,,,,", "\"\"", "\t", " , ").get(random.nextInt(5));
            case SHORT_ROW -> record(values, extraColumn, shortRowLength(), false);
            case STRAY_DELIMITER -> record(values, extraColumn, -1, true);
            default -> {
                applyFault(fault, values);
                yield record(values, extraColumn, -1, false);
            }
        };
        String orderId = values.get("order_id").strip();
        rows.add(new Row(number, orderId, fault, meant));
        if (fault == Fault.NONE) {
            goodIds.add(orderId);
        }
        return text;
    }

    private Fault pickFault() {
        Fault[] faults = Fault.values();
        Fault fault = faults[1 + random.nextInt(faults.length - 1)];
        if (fault == Fault.DUPLICATE_ORDER_ID && goodIds.isEmpty()
                || fault == Fault.ROW_TOO_LONG && (rowTooLongWritten || random.nextInt(3) > 0)
                || (fault == Fault.INCOMPLETE_SECOND_WINDOW || fault == Fault.SECOND_WINDOW_NOT_AFTER_FIRST)
                        && !columns.contains("window2_start")) {
            return Fault.NOT_A_NUMBER;
        }
        return fault;
    }

    private Map<String, String> goodValues(int number) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("order_id", (random.nextInt(8) == 0 ? "  " : "") + idPrefix + "-" + number);
        String name = NAMES.get(random.nextInt(NAMES.size()));
        if (random.nextInt(25) == 0) {
            int at = name.offsetByCodePoints(0, 1 + random.nextInt(name.codePointCount(0, name.length()) - 1));
            name = name.substring(0, at) + CONTROL[random.nextInt(CONTROL.length)] + name.substring(at);
        }
        v.put("customer_name", random.nextInt(6) == 0 ? " " + name + "  " : name);
        v.put("phone", phone());
        v.put("address", (1 + random.nextInt(300)) + "/" + (1 + random.nextInt(40)) + ", "
                + STREETS.get(random.nextInt(STREETS.size())));
        v.put("pincode", random.nextInt(5) == 0 ? "" : String.valueOf(110001 + random.nextInt(99)));
        v.put("lat", coordinate(28.50 + random.nextDouble() * 0.30));
        v.put("lon", coordinate(77.00 + random.nextDouble() * 0.30));
        v.put("weight_kg", String.valueOf(1 + random.nextInt(400)) + (random.nextBoolean() ? ".5" : ""));
        v.put("volume_m3", random.nextInt(10) == 0 ? "0" : "0." + (1 + random.nextInt(9)));
        boolean night = random.nextInt(4) == 0;
        int start = night ? 22 + random.nextInt(2) : 7 + random.nextInt(6);
        v.put("window_start", time(start, random.nextBoolean() ? 0 : 30));
        v.put("window_end", night ? time(4 + random.nextInt(3), 0) : time(start + 2 + random.nextInt(3), 0));
        v.put("service_minutes", String.valueOf(random.nextInt(241)));
        v.put("priority", String.valueOf(1 + random.nextInt(5)));
        v.put("depot_id", "D" + (1 + random.nextInt(3)));
        v.put("goods_type", GOODS.get(random.nextInt(GOODS.size())));
        boolean second = !night && columns.contains("window2_start") && random.nextInt(5) == 0;
        v.put("window2_start", second ? "18:00" : "");
        v.put("window2_end", second ? "20:30" : "");
        return v;
    }

    /** A good number, sometimes written very long: the reader must not mind 3,000 digits that parse. */
    private String coordinate(double value) {
        String text = String.format(Locale.ROOT, "%.6f", value);
        return random.nextInt(60) == 0 ? text + "0".repeat(3000) + "1" : text;
    }

    private static String time(int hour, int minute) {
        return String.format("%02d:%02d", hour % 24, minute);
    }

    /** An Indian mobile number, written as senders write them; sometimes none. */
    private String phone() {
        if (random.nextInt(6) == 0) {
            return "";
        }
        String digits = (6 + random.nextInt(4)) + String.format("%09d", random.nextInt(1_000_000_000));
        return switch (random.nextInt(5)) {
            case 0 -> "+91" + digits;
            case 1 -> "0" + digits;
            case 2 -> digits.substring(0, 5) + " " + digits.substring(5);
            case 3 -> "+91-" + digits.substring(0, 5) + "-" + digits.substring(5);
            default -> digits;
        };
    }

    /** What a good row's order must hold: text trimmed as the validator trims, phone as stored. */
    private static Map<String, String> meant(Map<String, String> values) {
        Map<String, String> meant = new LinkedHashMap<>();
        values.forEach((column, value) -> meant.put(column, value.trim()));
        String digits = values.get("phone").replaceAll("\\D", "");
        meant.put("phone", digits.isEmpty() ? "" : "+91" + digits.substring(digits.length() - 10));
        meant.put("goods_type", values.get("goods_type").trim().toUpperCase(Locale.ROOT));
        return meant;
    }

    private void applyFault(Fault fault, Map<String, String> v) {
        switch (fault) {
            case NONE -> {
            }
            case NOT_A_NUMBER -> v.put(pick("weight_kg", "volume_m3", "lat", "lon", "service_minutes", "priority"),
                    pick("12 kg", "1,234.5", "1e400", "NaN", "Infinity", "-", "0x1F", "seven", "10.5.1", "3 1/2"));
            case HUGE_NUMBER -> v.put(pick("weight_kg", "service_minutes"), "9".repeat(4000 + random.nextInt(4000)));
            case MISSING_FIELD -> v.put(pick("order_id", "customer_name", "address", "lat", "lon", "weight_kg",
                    "volume_m3", "window_start", "window_end", "service_minutes", "priority", "depot_id", "goods_type"),
                    pick("", "   ", "\t"));
            case INVALID_TIME -> v.put(pick("window_start", "window_end"), pick("25:00", "9am", "12:60", "24:01", "noon",
                    "0900", "-01:00"));
            case EMPTY_WINDOW -> v.put("window_end", v.get("window_start"));
            case INCOMPLETE_SECOND_WINDOW -> {
                v.put("window2_start", random.nextBoolean() ? "18:00" : "");
                v.put("window2_end", v.get("window2_start").isEmpty() ? "20:00" : "");
            }
            case SECOND_WINDOW_NOT_AFTER_FIRST -> {
                v.put("window_start", "09:00");
                v.put("window_end", "13:00");
                v.put("window2_start", pick("08:00", "12:00"));
                v.put("window2_end", "14:00");
            }
            case UNKNOWN_DEPOT -> v.put("depot_id", pick("D9", "d1", "D 1", "Okhla", "D1;D2", "DEPOT-" + random.nextInt(1000)));
            case DUPLICATE_ORDER_ID -> v.put("order_id", goodIds.get(random.nextInt(goodIds.size())));
            case OUT_OF_SERVICE_AREA -> {
                String[][] places = {{"19.0760", "72.8777"}, {"12.9716", "77.5946"}, {"77.2090", "28.6139"}, {"0", "0"},
                    {"-28.6139", "-77.2090"}, {"95", "77.2"}, {"28.6", "400"}};
                String[] place = places[random.nextInt(places.length)];
                v.put("lat", place[0]);
                v.put("lon", place[1]);
            }
            case INVALID_PHONE -> v.put("phone", pick("12345", "555-0100", "+1 202 555 0100", "98100123456789",
                    "+92 300 1234567", "call me", "5810012345"));
            case INVALID_PINCODE -> v.put("pincode", pick("1100", "11000A", "1100011", "११००११"));
            case PINCODE_NOT_SERVED -> v.put("pincode", pick("400001", "560001", "110100", "999999"));
            case NON_POSITIVE_WEIGHT -> v.put("weight_kg", pick("0", "-3", "-0.5", "0.0"));
            case NEGATIVE_VOLUME -> v.put("volume_m3", pick("-0.1", "-5"));
            case EXCEEDS_LARGEST_VEHICLE -> v.put("weight_kg", pick("100000", "1e6"));
            case SERVICE_MINUTES_OUT_OF_RANGE -> v.put("service_minutes", pick("241", "-1", "100000"));
            case PRIORITY_OUT_OF_RANGE -> v.put("priority", pick("0", "6", "-2", "99"));
            case INVALID_GOODS_TYPE -> v.put("goods_type", pick("milk & eggs", "123", "A B", "GENERAL-1", "_X", "X".repeat(41)));
            case VALUE_TOO_LONG -> {
                String column = pick("order_id", "customer_name", "address");
                int length = switch (column) {
                    case "order_id" -> 65 + random.nextInt(200);
                    case "customer_name" -> 201 + random.nextInt(6000);
                    default -> 501 + random.nextInt(20_000);
                };
                v.put(column, longText(length));
            }
            case ROW_TOO_LONG -> {
                rowTooLongWritten = true;
                v.put("address", longText((1 << 20) + 1 + random.nextInt(50_000)));
            }
            default -> throw new IllegalArgumentException("not a value fault: " + fault);
        }
    }

    /** Text of a given length, with spaces, commas, quotes and line breaks, as a runaway export writes it. */
    private String longText(int length) {
        StringBuilder text = new StringBuilder(length);
        String piece = "Gali \"7\", Sadar Bazar\n" + "दिल्ली " + "x".repeat(random.nextInt(20));
        while (text.length() < length) {
            text.append(piece);
        }
        text.setLength(length);
        return "A" + text.substring(1); // a value starting with a space would be trimmed to another length
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** The first cells a short row keeps: fewer than reach the last column an order must have a value in. */
    private int shortRowLength() {
        int lastRequired = 0;
        for (int i = 0; i < columns.size(); i++) {
            if (!MAY_BE_EMPTY.contains(columns.get(i))) {
                lastRequired = i;
            }
        }
        return 1 + random.nextInt(lastRequired);
    }

    /**
     * The values in the file's column order as one CSV record; {@code cells} >= 0 keeps only that
     * many. {@code strayBeforePhone} writes an unquoted comma and a word where the phone column
     * starts, as if the cell left of it had held them.
     */
    private String record(Map<String, String> values, boolean extraColumn, int cells, boolean strayBeforePhone) {
        List<String> written = new ArrayList<>();
        for (String column : columns) {
            written.add(cell(values.get(column)));
        }
        if (extraColumn) {
            written.add(cell(random.nextBoolean() ? "" : "gate 2, ring twice"));
        }
        if (cells >= 0) {
            // one empty cell alone is an empty line, which is no row: two make a row of empty fields
            return String.join(",", written.subList(0, cells == 1 && written.get(0).isEmpty() ? 2 : cells));
        }
        if (strayBeforePhone) {
            written.add(columns.indexOf("phone"), " Traders");
        }
        return String.join(",", written);
    }

    private String cell(String value) {
        boolean mustQuote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (mustQuote || quoteAll || random.nextInt(15) == 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
