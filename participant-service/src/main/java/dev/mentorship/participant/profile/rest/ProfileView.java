package dev.mentorship.participant.profile.rest;

import dev.mentorship.participant.profile.CareerStage;
import dev.mentorship.participant.profile.Participant;
import dev.mentorship.participant.profile.WeeklyInterval;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ProfileView(UUID id, String name, String email, String affiliation, CareerStage careerStage,
                          String timeZone, List<String> interests, String interestsText,
                          List<WeeklyInterval> availability, Instant createdAt, Instant updatedAt) {

    public static ProfileView of(Participant p) {
        return new ProfileView(p.id, p.name, p.email, p.affiliation, p.careerStage, p.timeZone, p.interests,
                p.interestsText, p.availability, p.createdAt, p.updatedAt);
    }
}
