package dev.mentorship.notification.fanout;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.UUID;

/**
 * The frontend's routes that mails and inbox entries link to, under one base URL: the program's own frontend
 * (its {@code frontendUrl}) or the deployment's (FRONTEND_URL). The frontend must serve each of them; the table
 * "Links in mail" of the README lists which mail leads where. {@code programId} is the program the message is about
 * (null: none): its mail is filed in that program's delivery log, which the program's organizers read.
 */
public record Links(String base, UUID programId) {

    public Links {
        base = stripSlashes(base);
    }

    /** A program's base if it is a usable one (absolute https or http, with a host), else the deployment's. */
    public static Links of(UUID programId, String programFrontendUrl, String defaultFrontendUrl) {
        String program = webUrl(programFrontendUrl);
        return new Links(program != null ? program : defaultFrontendUrl, programId);
    }

    public String pairing(UUID pairingId) {
        return base + "/pairings/" + pairingId;
    }

    public String meeting(UUID meetingId) {
        return base + "/meetings/" + meetingId;
    }

    /** A track of the program, where people read about it and apply; the inbox when the program is not known. */
    public String track(UUID trackId) {
        return programId == null ? inbox() : base + "/programs/" + programId + "/tracks/" + trackId;
    }

    public String inbox() {
        return base + "/inbox";
    }

    public String preferences() {
        return base + "/settings/notifications";
    }

    /** {@code url} without trailing slashes if it is an absolute https or http URL with a host; else null. */
    public static String webUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            return stripSlashes(url.strip());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String stripSlashes(String url) {
        String s = url.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
