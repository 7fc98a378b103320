package dev.routeplan.app.cli;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Turns option values into types, with the words an operator reads after the option and its
 * value ({@code --date 2026-13-01 is not a date like 2026-12-01}); {@link UsageErrorHandler} puts
 * them together.
 */
final class OptionConverters {

    private OptionConverters() {
    }

    static void registerOn(CommandLine commandLine) {
        commandLine.registerConverter(LocalDate.class, converter(LocalDate::parse, "is not a date like 2026-12-01"));
        commandLine.registerConverter(OffsetDateTime.class,
                converter(OffsetDateTime::parse, "is not a time like 2026-12-01T23:30+05:30"));
        ITypeConverter<Integer> wholeNumber = converter(Integer::valueOf, "is not a whole number");
        commandLine.registerConverter(Integer.class, wholeNumber);
        commandLine.registerConverter(Integer.TYPE, wholeNumber);
        ITypeConverter<Long> longNumber = converter(Long::valueOf, "is not a whole number");
        commandLine.registerConverter(Long.class, longNumber);
        commandLine.registerConverter(Long.TYPE, longNumber);
        ITypeConverter<Double> number = converter(Double::valueOf, "is not a number");
        commandLine.registerConverter(Double.class, number);
        commandLine.registerConverter(Double.TYPE, number);
    }

    private static <T> ITypeConverter<T> converter(Function<String, T> parser, String otherwise) {
        return value -> {
            try {
                return parser.apply(value);
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new TypeConversionException(otherwise);
            }
        };
    }
}
