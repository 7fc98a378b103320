package dev.routeplan.batch.ingest;

import java.util.List;

/** The postal codes served, as inclusive ranges like {@code 110001-110097}, from configuration. */
public final class PincodeRanges {

    private record Range(int from, int to) {
    }

    private final List<Range> ranges;

    private PincodeRanges(List<Range> ranges) {
        this.ranges = ranges;
    }

    public static PincodeRanges parse(List<String> specs) {
        return new PincodeRanges(specs.stream().map(PincodeRanges::range).toList());
    }

    public boolean contains(String pincode) {
        int code = Integer.parseInt(pincode);
        return ranges.stream().anyMatch(r -> code >= r.from() && code <= r.to());
    }

    private static Range range(String spec) {
        String[] parts = spec.trim().split("-");
        try {
            int from = Integer.parseInt(parts[0].trim());
            int to = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : from;
            if (parts.length > 2 || from > to || from < 100000 || to > 999999) {
                throw new NumberFormatException();
            }
            return new Range(from, to);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pincode range \"" + spec + "\" is not like 110001-110097");
        }
    }
}
