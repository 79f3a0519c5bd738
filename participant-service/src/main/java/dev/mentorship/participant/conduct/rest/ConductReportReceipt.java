package dev.mentorship.participant.conduct.rest;

import java.time.Instant;
import java.util.UUID;

/** What the reporter gets back: the report's id and that the organizers were told. */
public record ConductReportReceipt(UUID id, Instant filedAt, String message) {
}
