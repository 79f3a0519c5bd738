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
 *   <li>MATCHED: active, with an active pairing in that track in that role;</li>
 *   <li>WAITLISTED: active mentees waiting in that track (MenteeWaitlisted, not followed by a pairing or a withdrawal);</li>
 *   <li>WITHDRAWN: withdrawn registrations of people with no active one in that track;</li>
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
        String paired = "exists (select 1 from member_pairing p where p.status = 'ACTIVE' and p.track_id = m.track_id"
                + " and (case when m.role = 'MENTOR' then p.mentor_id else p.mentee_id end) = m.participant_id)";
        if (audience.status() == null) {
            return "m.status = 'ACTIVE'";
        }
        return switch (audience.status()) {
            case MATCHED -> "m.status = 'ACTIVE' and " + paired;
            case WAITLISTED -> "m.status = 'ACTIVE' and m.role = 'MENTEE' and exists (select 1 from waitlist_entry w"
                    + " where w.track_id = m.track_id and w.participant_id = m.participant_id) and not " + paired;
            case WITHDRAWN -> "m.status = 'WITHDRAWN' and not exists (select 1 from membership a where a.participant_id = m.participant_id"
                    + " and a.track_id = m.track_id and a.status = 'ACTIVE')";
            case LATE -> "m.status = 'ACTIVE' and m.late";
        };
    }
}
