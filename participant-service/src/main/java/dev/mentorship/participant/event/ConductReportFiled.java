package dev.mentorship.participant.event;

import java.time.Instant;
import java.util.UUID;

/** A confidential conduct report was filed: the id only, so that organizers are told to read it here. */
public record ConductReportFiled(UUID reportId, Instant filedAt) {
    public static final String TYPE = "ConductReportFiled";
}
