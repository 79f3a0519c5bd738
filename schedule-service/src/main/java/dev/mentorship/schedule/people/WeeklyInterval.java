package dev.mentorship.schedule.people;

import dev.mentorship.runtime.messaging.Required;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A weekly time a person is available, in their own time zone. */
public record WeeklyInterval(@Required DayOfWeek day, @Required LocalTime from,
                             @Required LocalTime to) {
}
