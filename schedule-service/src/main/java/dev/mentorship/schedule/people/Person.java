package dev.mentorship.schedule.people;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** A person as participant-service announced them: contact, time zone, weekly availability. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Id
    @Column(name = "participant_id")
    public UUID participantId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    /** Weekly intervals as JSON ([{"day": "MONDAY", "from": "09:00", "to": "12:00"}]). */
    @Column(nullable = false)
    public String availability = "[]";

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Keeps the weekly availability as JSON, times as "09:00". */
    public void weekly(List<WeeklyInterval> intervals) {
        ArrayNode array = JSON.createArrayNode();
        for (WeeklyInterval interval : intervals) {
            array.addObject().put("day", interval.day().name()).put("from", interval.from().toString())
                    .put("to", interval.to().toString());
        }
        availability = array.toString();
    }

    public List<WeeklyInterval> weekly() {
        try {
            return JSON.readValue(availability, new TypeReference<List<WeeklyInterval>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
