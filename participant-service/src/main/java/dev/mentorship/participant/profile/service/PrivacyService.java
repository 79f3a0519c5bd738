package dev.mentorship.participant.profile.service;

import dev.mentorship.participant.profile.PersonalData;
import dev.mentorship.participant.conduct.ConductReport;
import dev.mentorship.participant.event.ParticipantEvents;
import dev.mentorship.runtime.idempotency.IdempotentRequest;
import dev.mentorship.runtime.outbox.OutboxEvent;
import dev.mentorship.participant.profile.Participant;
import dev.mentorship.participant.profile.SelfIdentification;
import dev.mentorship.participant.registration.Registration;
import dev.mentorship.participant.registration.TrackPolicy;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import dev.mentorship.runtime.limits.ActionLimits;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.UUID;

/**
 * A person's rights over their data here: a copy of everything (export) and erasure. Erasure deletes the profile,
 * self-identification and registrations, removes the person's name from conduct reports they filed, deletes the
 * events about them still in the outbox and the answers kept for their idempotency keys, and publishes
 * ParticipantErased so that every other service forgets them too. Keycloak keeps their account: closing it is the
 * identity provider's business.
 */
@ApplicationScoped
public class PrivacyService {

    private static final Logger LOG = Logger.getLogger(PrivacyService.class);

    private final ParticipantEvents events;
    private final Clock clock;

    public PrivacyService(ParticipantEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @WithSession
    public Uni<PersonalData> export(UUID me) {
        return Participant.<Participant>findById(me).chain(profile -> SelfIdentification.<SelfIdentification>findById(me)
                .chain(self -> Registration.allOf(me).chain(regs -> ConductReport.<ConductReport>list("reporterId",
                        Sort.by("filedAt"), me).map(reports -> new PersonalData(me, clock.instant(), profile, self, regs, reports)))));
    }

    /** Returns whether there was anything to erase. */
    @WithTransaction
    public Uni<Boolean> erase(UUID me) {
        String key = me.toString();
        return SelfIdentification.delete("participantId", me)
                .chain(selves -> Registration.delete("participantId", me).map(regs -> selves + regs))
                .chain(count -> Participant.delete("id", me).map(people -> count + people))
                .chain(count -> ConductReport.update("reporterId = null, reporterName = null, reporterEmail = null"
                        + " where reporterId = ?1", me).map(reports -> count + reports))
                // a track policy they set as an organizer stays, no longer naming them
                .chain(count -> TrackPolicy.update("updatedBy = null where updatedBy = ?1", me).map(policies -> count + policies))
                // a report about them stays, no longer naming their account
                .chain(count -> ConductReport.update("aboutPersonId = null where aboutPersonId = ?1", me).map(about -> count + about))
                // events that named them, sent or not (their own, keyed by them; their registrations' priorities)
                .chain(count -> OutboxEvent.delete("key = ?1 or payload like ?2", key, "%" + key + "%")
                        .map(outboxed -> count + outboxed))
                // the answers kept for their idempotency keys, and any kept answer that names them
                .call(count -> IdempotentRequest.forget(me))
                // and how often they did what is limited
                .call(count -> ActionLimits.forget(me))
                // told to every service even when nothing was here: someone who only followed a program (notification-
                // service keeps that, with the contact from their token) or only subscribed to a feed is forgotten too
                .chain(count -> {
                    LOG.infof("Erased participant %s (%d rows here)", me, count);
                    return events.erased(me).replaceWith(count > 0);
                });
    }
}
