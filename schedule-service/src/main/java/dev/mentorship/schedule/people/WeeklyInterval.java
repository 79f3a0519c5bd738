package dev.mentorship.schedule.people;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A weekly time a person is available, in their own time zone. */
public record WeeklyInterval(@JsonProperty(required = true) DayOfWeek day, @JsonProperty(required = true) LocalTime from,
                             @JsonProperty(required = true) LocalTime to) {
}
