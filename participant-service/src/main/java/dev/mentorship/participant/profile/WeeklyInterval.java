package dev.mentorship.participant.profile;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A weekly time a person is available, in their own time zone: e.g. Mondays 09:00 to 12:00. */
@Schema(description = "A weekly interval in the person's time zone; 'to' is after 'from' (use 24:00 as 23:59)")
public record WeeklyInterval(@NotNull DayOfWeek day,
                             @NotNull @JsonFormat(pattern = "HH:mm") @Schema(example = "09:00") LocalTime from,
                             @NotNull @JsonFormat(pattern = "HH:mm") @Schema(example = "12:00") LocalTime to) {
}
