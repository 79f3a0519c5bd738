package dev.mentorship.participant.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A confidential conduct report was filed: its id and program only, so that the program's conduct contacts are told to
 * read it here. Nothing of its content, its reporter or whom it is about.
 */
public record ConductReportFiled(UUID reportId, UUID programId, Instant filedAt) {
    public static final String TYPE = "ConductReportFiled";
}
