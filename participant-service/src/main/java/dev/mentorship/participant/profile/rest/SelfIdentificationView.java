package dev.mentorship.participant.profile.rest;

import dev.mentorship.participant.profile.SelfIdentification;

import java.time.Instant;

public record SelfIdentificationView(boolean underrepresented, String description, Instant recordedAt) {

    public static SelfIdentificationView of(SelfIdentification s) {
        return s == null ? null : new SelfIdentificationView(s.underrepresented, s.description, s.recordedAt);
    }
}
