package dev.mentorship.participant.profile.service;

import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.participant.event.ParticipantEvents;
import dev.mentorship.participant.event.ParticipantUpdated;
import dev.mentorship.participant.persistence.PersonLock;
import dev.mentorship.participant.profile.Keywords;
import dev.mentorship.participant.profile.Participant;
import dev.mentorship.participant.profile.SelfIdentification;
import dev.mentorship.participant.profile.TimeZones;
import dev.mentorship.participant.profile.WeeklyInterval;
import dev.mentorship.participant.profile.ProfileInput;
import dev.mentorship.participant.profile.SelfIdentificationInput;
import dev.mentorship.participant.registration.Registration;
import dev.mentorship.participant.registration.service.WaitlistPriority;
import dev.mentorship.runtime.problem.InvalidRequestException;
import dev.mentorship.runtime.problem.Problem.FieldError;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import dev.mentorship.runtime.http.IfMatch;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A person's profile and self-identification: read, written, and the priority it may give on waitlists. */
@ApplicationScoped
public class ProfileService {

    private final ParticipantEvents events;
    private final WaitlistPriority priority;
    private final Clock clock;

    public ProfileService(ParticipantEvents events, WaitlistPriority priority,
                          Clock clock) {
        this.events = events;
        this.priority = priority;
        this.clock = clock;
    }

    public record Saved(Participant participant, boolean created) {
    }

    @WithSession
    public Uni<Participant> get(UUID id) {
        return Participant.<Participant>findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("You have no profile yet: PUT /me creates it."));
    }

    @WithTransaction
    public Uni<Saved> save(UUID id, String accountName, String email, ProfileInput input, IfMatch ifMatch) {
        return saveInTransaction(id, accountName, email, input, ifMatch);
    }

    /**
     * Creates or replaces a profile in the current transaction. A change that people registered for tracks
     * would see is announced with ParticipantUpdated.
     */
    public Uni<Saved> saveInTransaction(UUID id, String accountName, String email, ProfileInput input, IfMatch ifMatch) {
        validate(input, "");
        return PersonLock.lock(id).chain(() -> Participant.<Participant>findById(id)).chain(existing -> {
            if (existing == null) {
                ifMatch.absent();
            } else {
                ifMatch.existing(existing.version);
            }
            Instant now = clock.instant();
            Participant p = existing != null ? existing : new Participant();
            String before = existing == null ? null : fingerprint(existing);
            p.id = id;
            p.name = input.name() == null || input.name().isBlank() ? accountName : input.name().strip();
            p.email = email;
            p.affiliation = input.affiliation().strip();
            p.careerStage = input.careerStage();
            p.timeZone = input.timeZone();
            p.interests = Keywords.normalise(input.interests());
            p.interestsText = input.interestsText() == null || input.interestsText().isBlank() ? null : input.interestsText().strip();
            p.availability = input.availability() == null ? new ArrayList<>() : new ArrayList<>(input.availability());
            if (existing == null) {
                p.createdAt = now;
                p.updatedAt = now;
                return p.<Participant>persist().map(saved -> new Saved(saved, true));
            }
            if (Objects.equals(before, fingerprint(p))) {
                return Uni.createFrom().item(new Saved(p, false));
            }
            p.updatedAt = now;
            return Registration.activeOf(id).chain(active -> active.isEmpty() ? Uni.createFrom().voidItem()
                            : events.updated(p, List.of(ParticipantUpdated.Change.PROFILE)))
                    .replaceWith(new Saved(p, false));
        });
    }

    @WithSession
    public Uni<SelfIdentification> selfIdentification(UUID id) {
        return SelfIdentification.<SelfIdentification>findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("You have not self-identified."));
    }

    @WithTransaction
    public Uni<SelfIdentification> selfIdentify(UUID id, SelfIdentificationInput input, IfMatch ifMatch) {
        return get(id).chain(p -> SelfIdentification.<SelfIdentification>findById(id).chain(existing -> {
            if (existing == null) {
                ifMatch.absent();
            } else {
                ifMatch.existing(existing.version);
            }
            SelfIdentification s = existing != null ? existing : new SelfIdentification();
            s.participantId = id;
            s.underrepresented = input.underrepresented();
            s.description = input.description() == null || input.description().isBlank() ? null : input.description().strip();
            s.recordedAt = clock.instant();
            return (existing != null ? Uni.createFrom().item(s) : s.<SelfIdentification>persist())
                    .call(() -> priority.refreshParticipant(p, s.underrepresented));
        }));
    }

    @WithTransaction
    public Uni<Void> withdrawSelfIdentification(UUID id) {
        return Participant.<Participant>findById(id).chain(p -> p == null ? Uni.createFrom().voidItem()
                : SelfIdentification.delete("participantId", id)
                        .chain(() -> priority.refreshParticipant(p, false)));
    }

    /** Checks what bean validation cannot: a known time zone, intervals that end after they start. */
    public static void validate(ProfileInput input, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (!TimeZones.isKnown(input.timeZone())) {
            errors.add(new FieldError(prefix + "timeZone", "is not an IANA time zone (e.g. Europe/Berlin, America/New_York)"));
        }
        List<WeeklyInterval> availability = input.availability() == null ? List.of() : input.availability();
        for (int i = 0; i < availability.size(); i++) {
            WeeklyInterval interval = availability.get(i);
            if (interval.from() != null && interval.to() != null && !interval.to().isAfter(interval.from())) {
                errors.add(new FieldError(prefix + "availability[" + i + "].to", "must be after from"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static String fingerprint(Participant p) {
        return String.join("|", p.name, p.email, p.affiliation, String.valueOf(p.careerStage), p.timeZone,
                String.valueOf(p.interests), String.valueOf(p.interestsText), String.valueOf(p.availability));
    }
}
