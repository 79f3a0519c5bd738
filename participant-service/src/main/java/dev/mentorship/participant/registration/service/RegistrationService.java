package dev.mentorship.participant.registration.service;

import dev.mentorship.participant.event.ParticipantEvents;
import dev.mentorship.participant.event.ParticipantUpdated;
import dev.mentorship.participant.persistence.PersonLock;
import dev.mentorship.participant.profile.Participant;
import dev.mentorship.participant.profile.SelfIdentification;
import dev.mentorship.participant.profile.service.ProfileService;
import dev.mentorship.participant.registration.Registration;
import dev.mentorship.participant.registration.TrackPolicy;
import dev.mentorship.participant.registration.TrackRegistration;
import dev.mentorship.participant.registration.TrackFilter;
import dev.mentorship.participant.registration.RegistrationInput;
import dev.mentorship.runtime.problem.InvalidRequestException;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.problem.Problem.FieldError;
import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.runtime.problem.ProblemType;
import dev.mentorship.participant.track.TrackOffer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import dev.mentorship.runtime.http.IfMatch;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Registrations: a person registers for a published track as mentor or mentee (once per track and role; a repeat
 * is answered with the registration they have), updates their answers, withdraws; organizers list a track's
 * registrations. Every change commits with its event.
 */
@ApplicationScoped
public class RegistrationService {

    private final ProfileService profiles;
    private final WaitlistPriority priority;
    private final ParticipantEvents events;
    private final Clock clock;

    public RegistrationService(ProfileService profiles, WaitlistPriority priority,
                               ParticipantEvents events, Clock clock) {
        this.profiles = profiles;
        this.priority = priority;
        this.events = events;
        this.clock = clock;
    }

    /** A person as their token names them. */
    public record Person(UUID id, String name, String email) {
    }

    public record Registered(Registration registration, boolean created) {
    }

    public Uni<Registered> register(Person person, UUID programId, UUID trackId, RegistrationInput input) {
        if (input.profile() != null) {
            ProfileService.validate(input.profile(), "profile.");
        }
        // two identical requests at once run one after the other: the second answers with what the first stored.
        // Programmatic, as the transaction rule allows only here: the person's lock must be the first statement of it
        return Panache.withTransaction(() -> PersonLock.lock(person.id()).chain(() -> registerOnce(person, programId, trackId, input)));
    }

    private Uni<Registered> registerOnce(Person person, UUID programId, UUID trackId, RegistrationInput input) {
        return TrackOffer.<TrackOffer>findById(trackId).chain(track -> {
            if (track == null || !track.programId.equals(programId)) {
                return Uni.createFrom().failure(ProblemException.notFound(
                        "There is no published track " + trackId + " in program " + programId + "."));
            }
            return Registration.findOne(person.id(), trackId, input.role()).chain(existing -> {
                if (existing != null && existing.status == Registration.Status.ACTIVE) {
                    return Uni.createFrom().item(new Registered(existing, false));
                }
                Instant now = clock.instant();
                TrackOffer.RegistrationState state = track.stateAt(now);
                if (state == TrackOffer.RegistrationState.NOT_YET_OPEN) {
                    return Uni.createFrom().failure(new ProblemException(ProblemType.REGISTRATION_CLOSED,
                            "Registration for " + track.name + " (" + track.programName + ") opens at " + track.opensAt + "."));
                }
                if (state == TrackOffer.RegistrationState.CLOSED) {
                    return Uni.createFrom().failure(new ProblemException(ProblemType.REGISTRATION_CLOSED,
                            "Registration for " + track.name + " (" + track.programName + ") closed at "
                                    + (track.rolling ? track.closesAt : track.applicationDeadline) + "."));
                }
                return profileFor(person, input).chain(participant -> {
                    List<FieldError> errors = new ArrayList<>();
                    if (!Boolean.TRUE.equals(input.codeOfConductAccepted())) {
                        errors.add(new FieldError("codeOfConductAccepted", "must be true: registration requires accepting the "
                                + track.codeOfConductTitle + " (version " + track.codeOfConductVersion + ")"));
                    } else if (!track.codeOfConductVersion.equals(input.codeOfConductVersion())) {
                        errors.add(new FieldError("codeOfConductVersion", "must be the current version, "
                                + track.codeOfConductVersion + ", of the " + track.codeOfConductTitle));
                    }
                    AnswerRules.Checked checked = AnswerRules.check(track, input.role(), input.answers(), participant.zone());
                    errors.addAll(checked.errors());
                    if (!errors.isEmpty()) {
                        return Uni.createFrom().failure(invalid(errors));
                    }
                    Registration r = existing != null ? existing : new Registration();
                    r.id = existing != null ? existing.id : UUID.randomUUID();
                    r.participantId = person.id();
                    r.programId = programId;
                    r.trackId = trackId;
                    r.trackKind = track.kind;
                    r.role = input.role();
                    r.status = Registration.Status.ACTIVE;
                    r.answers = checked.answers();
                    r.capacity = input.role() == Registration.Role.MENTOR ? checked.answers().capacity() : null;
                    r.late = state == TrackOffer.RegistrationState.LATE;
                    r.codeOfConductVersion = track.codeOfConductVersion;
                    r.codeOfConductAcceptedAt = now;
                    r.registeredAt = now;
                    r.updatedAt = now;
                    r.withdrawnAt = null;
                    r.withdrawalReason = null;
                    return priority.of(r).invoke(flag -> r.priority = flag)
                            .chain(() -> existing != null ? Uni.createFrom().item(r) : r.<Registration>persist())
                            .call(() -> events.registered(participant, r))
                            // a mentee's priority, whatever it is, on the internal topic only (a re-registration resets it)
                            .call(() -> r.role == Registration.Role.MENTEE ? events.priorityChanged(r) : Uni.createFrom().voidItem())
                            .map(saved -> new Registered(r, true));
                });
            });
        });
    }

    private Uni<Participant> profileFor(Person person, RegistrationInput input) {
        if (input.profile() != null) {
            return profiles.saveInTransaction(person.id(), person.name(), person.email(), input.profile(), IfMatch.UNCONDITIONAL)
                    .map(ProfileService.Saved::participant);
        }
        return Participant.<Participant>findById(person.id()).onItem().ifNull().failWith(() -> invalid(List.of(
                new FieldError("profile", "is required: you have no profile yet; send it here or save it first with PUT /me"))));
    }

    @WithTransaction
    public Uni<Registration> updateAnswers(UUID me, UUID registrationId, dev.mentorship.participant.registration.Answers answers,
                                          IfMatch ifMatch) {
        return own(me, registrationId).chain(r -> {
            ifMatch.existing(r.version);
            if (r.status != Registration.Status.ACTIVE) {
                return Uni.createFrom().failure(ProblemException.conflict(
                        "This registration was withdrawn; register for the track again instead."));
            }
            return TrackOffer.<TrackOffer>findById(r.trackId).chain(track -> Participant.<Participant>findById(me).chain(p -> {
                AnswerRules.Checked checked = AnswerRules.check(track, r.role, answers, p.zone());
                if (!checked.errors().isEmpty()) {
                    return Uni.createFrom().failure(invalid(checked.errors()));
                }
                if (checked.answers().equals(r.answers)) {
                    return Uni.createFrom().item(r);
                }
                r.answers = checked.answers();
                r.capacity = r.role == Registration.Role.MENTOR ? checked.answers().capacity() : null;
                r.updatedAt = clock.instant();
                return events.updated(p, List.of(ParticipantUpdated.Change.REGISTRATION)).replaceWith(r);
            }));
        });
    }

    @WithTransaction
    public Uni<Registration> withdraw(UUID me, UUID registrationId, String reason) {
        return own(me, registrationId).chain(r -> {
            if (r.status == Registration.Status.WITHDRAWN) {
                return Uni.createFrom().item(r);
            }
            r.status = Registration.Status.WITHDRAWN;
            r.withdrawnAt = clock.instant();
            r.updatedAt = r.withdrawnAt;
            r.withdrawalReason = reason == null || reason.isBlank() ? null : reason.strip();
            return events.withdrawn(r).replaceWith(r);
        });
    }

    @WithSession
    public Uni<Registration> get(UUID me, UUID registrationId) {
        return own(me, registrationId);
    }

    @WithSession
    public Uni<Page<Registration>> listOf(UUID participantId, int page, int size) {
        return Page.of(Registration.findByParticipant(participantId), page, size);
    }

    @WithSession
    public Uni<Page<TrackRegistration>> listOfTrack(UUID programId, UUID trackId, TrackFilter filter, int page, int size) {
        return Page.of(Registration.findByTrack(programId, trackId, filter), page, size)
                .chain(found -> withPeople(found.items()).map(views -> new Page<>(views, found.page(), found.size(), found.total())));
    }

    /** Every registration of a track that matches the filter, for the CSV export. */
    @WithSession
    public Uni<List<TrackRegistration>> allOfTrack(UUID programId, UUID trackId, TrackFilter filter) {
        return Registration.findByTrack(programId, trackId, filter).list().chain(this::withPeople);
    }

    @WithSession
    public Uni<TrackPolicy> policy(UUID programId, UUID trackId) {
        return TrackPolicy.<TrackPolicy>findById(trackId).map(p -> {
            if (p != null) {
                return p;
            }
            TrackPolicy none = new TrackPolicy();
            none.trackId = trackId;
            none.programId = programId;
            return none;
        });
    }

    @WithTransaction
    public Uni<TrackPolicy> setPolicy(UUID programId, UUID trackId, boolean prioritiseSelfIdentified, UUID organizer,
                                      IfMatch ifMatch) {
        return TrackOffer.<TrackOffer>findById(trackId).chain(track -> track == null || !track.programId.equals(programId)
                ? Uni.createFrom().failure(ProblemException.notFound("There is no published track " + trackId + " in program " + programId + "."))
                : priority.setPolicy(programId, trackId, prioritiseSelfIdentified, organizer, ifMatch));
    }

    private Uni<List<TrackRegistration>> withPeople(List<Registration> page) {
        if (page.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = page.stream().map(r -> r.participantId).distinct().toList();
        return Participant.<Participant>list("id in ?1", ids).chain(people -> SelfIdentification.<SelfIdentification>list("participantId in ?1", ids)
                .map(selves -> {
                    Map<UUID, Participant> byId = people.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
                    Map<UUID, SelfIdentification> selfById = selves.stream().collect(Collectors.toMap(s -> s.participantId, Function.identity()));
                    return page.stream().map(r -> new TrackRegistration(r, byId.get(r.participantId), selfById.get(r.participantId)))
                            .toList();
                }));
    }

    /** A registration of this person; someone else's is "not found", never "forbidden", so that ids reveal nothing. */
    private Uni<Registration> own(UUID me, UUID registrationId) {
        return Registration.<Registration>findById(registrationId).chain(r -> r == null || !r.participantId.equals(me)
                ? Uni.createFrom().failure(ProblemException.notFound("You have no registration " + registrationId + "."))
                : Uni.createFrom().item(r));
    }

    private static InvalidRequestException invalid(List<FieldError> errors) {
        return new InvalidRequestException(errors.stream().sorted(Comparator.comparing(FieldError::field)).toList());
    }
}
