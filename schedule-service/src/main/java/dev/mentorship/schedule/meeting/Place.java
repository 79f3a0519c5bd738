package dev.mentorship.schedule.meeting;

import dev.mentorship.runtime.problem.InvalidRequestException;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.schedule.pairing.PairingPlace;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a meeting takes place: a location ("Zoom", "Room 4.12"), a video link (absolute https only), or both; none
 * when nobody said. A meeting's own place where it has one, else its pairing's ({@code own} says which). Calendars
 * get {@code LOCATION} (the location, else the video link) and {@code URL} (the video link).
 */
public record Place(String location, String videoUrl, boolean own) {

    public static final Place NONE = new Place(null, null, false);

    public static final int MAX_LOCATION = 200;
    public static final int MAX_VIDEO_URL = 500;

    /** The meeting's own place where it has one, else its pairing's ({@code pairingPlace} null: none set). */
    public static Place of(Meeting meeting, PairingPlace pairingPlace) {
        if (meeting.location != null || meeting.videoUrl != null) {
            return new Place(meeting.location, meeting.videoUrl, true);
        }
        return pairingPlace == null ? NONE : new Place(pairingPlace.location, pairingPlace.videoUrl, false);
    }

    public boolean isEmpty() {
        return location == null && videoUrl == null;
    }

    /** Whether people would see another place (where it comes from aside). */
    public boolean sameAs(Place other) {
        return Objects.equals(location, other.location) && Objects.equals(videoUrl, other.videoUrl);
    }

    /** What a calendar's LOCATION says: the location, else the video link; null for none. */
    public String calendarLocation() {
        return location != null ? location : videoUrl;
    }

    /**
     * A place as a person typed it, made what is stored: blanks are none, text is stripped; the video link must be an
     * absolute https URL with a host and no user info (400 naming {@code videoUrl} otherwise: no javascript:, data:,
     * http: or relative links reach anyone's mail or calendar). Length and single-line rules are the request's.
     */
    public static Place typed(String location, String videoUrl) {
        String where = location == null || location.isBlank() ? null : location.strip();
        String link = videoUrl == null || videoUrl.isBlank() ? null : videoUrl.strip();
        if (link != null) {
            link = https(link);
            if (link == null) {
                throw new InvalidRequestException(List.of(new Problem.FieldError("videoUrl",
                        "must be an absolute https URL with a host, e.g. https://zoom.us/j/123 (no other scheme, no user info)")));
            }
        }
        return new Place(where, link, true);
    }

    private static String https(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https") || uri.isOpaque()
                    || uri.getHost() == null || uri.getHost().isBlank() || uri.getRawUserInfo() != null) {
                return null;
            }
            return "https" + value.substring(uri.getScheme().length());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
