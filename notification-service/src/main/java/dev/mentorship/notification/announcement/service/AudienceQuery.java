package dev.mentorship.notification.announcement.service;

import dev.mentorship.notification.announcement.Announcement.Audience;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.UUID;

/**
 * The people an announcement reaches, as one SQL query over the read models (membership, member_pairing,
 * waitlist_entry, contact): each person once, however many registrations of theirs match. The same query counts the
 * preview and resolves the delivery, so that the number previewed is the number reached (as long as nobody registers,
 * withdraws or is paired in between). Only fixed fragments are put together; every value is a parameter ($1 program,
 * $2 track or null, $3 role or null).
 * <ul>
 *   <li>no status: active registrations;</li>
 *   <li>MATCHED: active, with a pairing in that track in that role that was not dissolved: on (ACTIVE) or over with the
 *   track's part of the season (ENDED), so that its members can still be written to once it ended;</li>
 *   <li>WAITLISTED: active mentees waiting in that track (MenteeWaitlisted, not followed by a pairing or a withdrawal) with
 *   no pairing on there;</li>
 *   <li>WITHDRAWN: withdrawn registrations of people with no active registration left in that track or, for an audience
 *   of the whole program, in the program (else "the participants who withdrew" would not be true of them);</li>
 *   <li>LATE: active registrations made after the application deadline (a rolling track's).</li>
 * </ul>
 */
public final class AudienceQuery {

    private AudienceQuery() {
    }

    /** {@code select distinct participant_id …}: the recipients' ids, of people this service has a contact of. */
    public static String ids(Audience audience) {
        return "select distinct m.participant_id from membership m join contact c on c.participant_id = m.participant_id"
                + " where m.program_id = $1 and ($2::uuid is null or m.track_id = $2) and ($3::text is null or m.role = $3)"
                + " and " + status(audience);
    }

    public static Tuple params(UUID programId, Audience audience) {
        return Tuple.of(programId, audience.trackId(), audience.role() == null ? null : audience.role().name());
    }

    private static String status(Audience audience) {
        String matched = pairing("p.status in ('ACTIVE', 'ENDED')");
        String pairedNow = pairing("p.status = 'ACTIVE'");
        if (audience.status() == null) {
            return "m.status = 'ACTIVE'";
        }
        return switch (audience.status()) {
            case MATCHED -> "m.status = 'ACTIVE' and " + matched;
            case WAITLISTED -> "m.status = 'ACTIVE' and m.role = 'MENTEE' and exists (select 1 from waitlist_entry w"
                    + " where w.track_id = m.track_id and w.participant_id = m.participant_id) and not " + pairedNow;
            case WITHDRAWN -> "m.status = 'WITHDRAWN' and not exists (select 1 from membership a where a.participant_id = m.participant_id"
                    + " and a.program_id = m.program_id and ($2::uuid is null or a.track_id = m.track_id) and a.status = 'ACTIVE')";
            case LATE -> "m.status = 'ACTIVE' and m.late";
        };
    }

    /** A pairing of the membership's person in its track and role, in the given states (the partial indexes of V14). */
    private static String pairing(String states) {
        return "(exists (select 1 from member_pairing p where " + states + " and p.track_id = m.track_id and m.role = 'MENTOR'"
                + " and p.mentor_id = m.participant_id) or exists (select 1 from member_pairing p where " + states
                + " and p.track_id = m.track_id and m.role = 'MENTEE' and p.mentee_id = m.participant_id))";
    }
}
