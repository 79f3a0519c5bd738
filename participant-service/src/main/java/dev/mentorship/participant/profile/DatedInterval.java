package dev.mentorship.participant.profile;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A time on a given day a person is available, in their own time zone: e.g. November 24, 14:00 to 17:00. */
@Schema(description = "An interval on one day, in the person's time zone")
public record DatedInterval(@NotNull LocalDate date,
                            @NotNull @JsonFormat(pattern = "HH:mm") @Schema(example = "14:00") LocalTime from,
                            @NotNull @JsonFormat(pattern = "HH:mm") @Schema(example = "17:00") LocalTime to) {

    public ZonedDateTime start(ZoneId zone) {
        return date.atTime(from).atZone(zone);
    }

    public ZonedDateTime end(ZoneId zone) {
        return date.atTime(to).atZone(zone);
    }
}
