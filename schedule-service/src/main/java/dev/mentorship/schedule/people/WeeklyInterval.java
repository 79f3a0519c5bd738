package dev.mentorship.schedule.people;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A weekly time a person is available, in their own time zone. */
public record WeeklyInterval(DayOfWeek day, LocalTime from, LocalTime to) {
}
