package dev.mentorship.schedule.program.rest;

import dev.mentorship.runtime.text.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalTime;

/** Moves a milestone: its new date (and end date for a period, time for a deadline) and why. */
public record MilestoneMove(@NotNull LocalDate date, LocalDate endDate, LocalTime time,
                            @NotBlank @Size(max = 1000) @SingleLine String reason) {
}
