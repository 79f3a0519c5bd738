package dev.mentorship.participant.event;

import dev.mentorship.participant.profile.CareerStage;
import dev.mentorship.participant.profile.Participant;
import dev.mentorship.participant.profile.WeeklyInterval;

import java.util.List;

/** A person's contact details and profile as events carry them (never their self-identification). */
public record ParticipantData(String name, String email, String affiliation, CareerStage careerStage, String timeZone,
                              List<String> interests, String interestsText, List<WeeklyInterval> availability) {

    public static ParticipantData of(Participant p) {
        return new ParticipantData(p.name, p.email, p.affiliation, p.careerStage, p.timeZone, List.copyOf(p.interests),
                p.interestsText, List.copyOf(p.availability));
    }
}
