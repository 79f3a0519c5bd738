package dev.mentorship.notification.contact;

import java.util.UUID;

/** A person to write to: a contact of the read model, or an organizer. */
public record Person(UUID id, String name, String email, String timeZone) {

    /** The id under which an organizer known only by a configured address (ORGANIZER_EMAILS) gets notices. */
    public static UUID configuredOrganizerId(String email) {
        return UUID.nameUUIDFromBytes(("organizer:" + email.strip().toLowerCase()).getBytes());
    }

    /** The id under which a program's report contact (an address of its code of conduct, no account) gets conduct notices. */
    public static UUID reportContactId(String email) {
        return UUID.nameUUIDFromBytes(("report-contact:" + email.strip().toLowerCase()).getBytes());
    }
}
