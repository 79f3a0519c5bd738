package dev.mentorship.runtime.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One number of a program report: a metric, the dimensions that say which part of it this is (e.g. {@code role=MENTEE},
 * {@code day=2025-06-01}), and its value (a whole number where it is a count, else rounded to four decimals).
 * A figure with the dimension {@code day} is a point of a time series.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "One number: a metric, the dimensions saying which part it is, its value")
public record Figure(
        @Schema(description = "snake_case metric, listed in the owning service's README", example = "registrations") String metric,
        @Schema(description = "Which part of the metric, e.g. role=MENTEE, day=2025-06-01 (absent: the whole)") Map<String, String> dimensions,
        @Schema(description = "A count, a rate (0..1) or a mean", example = "42") Number value) {

    /** The dimension that makes a figure a point of a time series (not turned into a gauge). */
    public static final String DAY = "day";

    public Figure {
        dimensions = dimensions == null || dimensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(dimensions));
        value = normalise(value);
    }

    public static Figure of(String metric, Number value) {
        return new Figure(metric, Map.of(), value);
    }

    /** A copy with one more dimension. */
    public Figure by(String dimension, String dimensionValue) {
        Map<String, String> more = new TreeMap<>(dimensions);
        more.put(dimension, dimensionValue);
        return new Figure(metric, more, value);
    }

    /** Whether this figure is a point of a time series. */
    public boolean timeSeries() {
        return dimensions.containsKey(DAY);
    }

    private static Number normalise(Number value) {
        if (value == null) {
            return 0L;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return value.longValue();
        }
        double d = value.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("A report figure must be a finite number, not " + d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return (long) d;
        }
        return BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().doubleValue();
    }
}
