package dev.routeplan.planning.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the original Solomon text format: the name on the first line, the fleet size and capacity
 * after the VEHICLE header, then one line of seven integers per node, depot first. Headers and
 * column alignment vary between files, so lines are split on whitespace.
 */
public final class SolomonReader {

    private SolomonReader() {
    }

    public static SolomonInstance read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Solomon instance " + file, e);
        }
        String name = null;
        int[] fleet = null;
        List<SolomonInstance.Node> nodes = new ArrayList<>();
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (name == null) {
                name = line;
                continue;
            }
            if (line.equals("VEHICLE") || line.equals("CUSTOMER")) {
                section = line;
                continue;
            }
            String[] fields = line.split("\\s+");
            if (!Character.isDigit(fields[0].charAt(0))) {
                continue; // a column header
            }
            int[] values = integers(fields, file, i + 1);
            if (section.equals("VEHICLE") && values.length == 2 && fleet == null) {
                fleet = values;
            } else if (section.equals("CUSTOMER") && values.length == 7) {
                nodes.add(new SolomonInstance.Node(values[0], values[1], values[2], values[3], values[4], values[5], values[6]));
            } else {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": unexpected line '" + line + "'");
            }
        }
        if (fleet == null || nodes.size() < 2 || nodes.get(0).id() != 0) {
            throw new IllegalArgumentException(file + ": needs a VEHICLE line and a depot (node 0) followed by customers");
        }
        return new SolomonInstance(name, fleet[0], fleet[1], nodes.get(0), nodes.subList(1, nodes.size()));
    }

    private static int[] integers(String[] fields, Path file, int lineNumber) {
        int[] values = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            try {
                values[i] = Integer.parseInt(fields[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + lineNumber + ": field " + (i + 1) + " '" + fields[i]
                        + "' is not an integer", e);
            }
        }
        return values;
    }
}
