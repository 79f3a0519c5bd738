package dev.mentorship.participant.registration.service;

import dev.mentorship.participant.profile.DatedInterval;
import dev.mentorship.participant.profile.Keywords;
import dev.mentorship.participant.registration.Answers;
import dev.mentorship.participant.registration.Registration.Role;
import dev.mentorship.runtime.problem.Problem.FieldError;
import dev.mentorship.participant.track.TrackOffer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each track kind asks of each role, as the programs require (ML4H: an author mentee must already have a
 * paper idea and intend to submit; a reviewer mentee reviews for the conference and has papers assigned; career
 * mentors take 3 to 4 mentees; career topics are suggestions, any topic may be named). {@link #check} returns the
 * answers normalised (keywords, topics with the track's own spelling of a suggested one) or every broken rule, each
 * naming its field.
 */
public final class AnswerRules {

    /** Dates given for the one-on-one week may lie a day outside it: time zones straddle its edges. */
    private static final Duration WINDOW_SLACK = Duration.ofDays(1);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    private AnswerRules() {
    }

    public record Checked(Answers answers, List<FieldError> errors) {
    }

    public static Checked check(TrackOffer track, Role role, Answers given, ZoneId zone) {
        Answers a = given == null ? Answers.NONE : given;
        List<FieldError> errors = new ArrayList<>();
        Set<String> asked = asked(track.kind, role);
        Map<String, Object> values = new HashMap<>();
        values.put("paperTitle", a.paperTitle());
        values.put("paperSummary", a.paperSummary());
        values.put("intendsToSubmit", a.intendsToSubmit());
        values.put("expertise", a.expertise());
        values.put("capacity", a.capacity());
        values.put("reviewingExperience", a.reviewingExperience());
        values.put("areas", a.areas());
        values.put("topics", a.topics());
        values.put("oneOnOneAvailability", a.oneOnOneAvailability());
        values.put("assignedReviewer", a.assignedReviewer());
        String who = track.kind.name().charAt(0) + track.kind.name().substring(1).toLowerCase(Locale.ROOT)
                + " " + role.name().toLowerCase(Locale.ROOT);
        values.forEach((field, value) -> {
            boolean present = value != null && !(value instanceof List<?> list && list.isEmpty());
            if (present && !asked.contains(field)) {
                errors.add(new FieldError("answers." + field, "is not asked of a " + who + " in " + track.name));
            } else if (!present && asked.contains(field)) {
                errors.add(new FieldError("answers." + field, "is required of a " + who + " in " + track.name
                        + ("assignedReviewer".equals(field) ? ": answer true if you review for " + track.conference
                        + " and have papers assigned to review (the track is for them)" : "")));
            }
        });

        if (asked.contains("paperTitle") && a.paperTitle() != null && a.paperTitle().isBlank()) {
            errors.add(new FieldError("answers.paperTitle",
                    "must name your paper idea: the author track is for mentees who already have one"));
        }
        if (asked.contains("paperSummary") && a.paperSummary() != null && a.paperSummary().isBlank()) {
            errors.add(new FieldError("answers.paperSummary", "must summarise your paper idea in a few sentences"));
        }
        if (asked.contains("intendsToSubmit") && Boolean.FALSE.equals(a.intendsToSubmit())) {
            errors.add(new FieldError("answers.intendsToSubmit", "must be true: the author track is for mentees who intend to submit to "
                    + track.conference + " (" + track.programName + ")"));
        }
        if (asked.contains("assignedReviewer") && Boolean.FALSE.equals(a.assignedReviewer())) {
            errors.add(new FieldError("answers.assignedReviewer", "must be true: the reviewer track is for reviewers of "
                    + track.conference + " with papers assigned to review (" + track.programName + ")"));
        }
        if (asked.contains("capacity") && a.capacity() != null && track.menteesPerMentorMax != null
                && a.capacity() > track.menteesPerMentorMax) {
            errors.add(new FieldError("answers.capacity", "must be at most " + track.menteesPerMentorMax
                    + ": mentors in " + track.name + " take " + range(track) + " mentees"));
        }
        List<String> topics = null;
        if (asked.contains("topics") && a.topics() != null) {
            // suggestions, not a closed list: any topic is taken, a suggested one in its suggested spelling
            topics = CareerTopics.normalise(a.topics(), track.topics);
            for (int i = 0; i < a.topics().size(); i++) {
                if (a.topics().get(i) != null && !a.topics().get(i).isBlank() && CareerTopics.key(a.topics().get(i)).isEmpty()) {
                    errors.add(new FieldError("answers.topics[" + i + "]", "must name a topic in words, e.g. "
                            + (track.topics.isEmpty() ? "work-life balance" : String.join(", ", track.topics))));
                }
            }
            if (topics.isEmpty() && errors.stream().noneMatch(e -> e.field().startsWith("answers.topics"))) {
                errors.add(new FieldError("answers.topics", "must name at least one topic"));
            }
        }
        if (asked.contains("oneOnOneAvailability") && a.oneOnOneAvailability() != null) {
            checkOneOnOneWeek(track, a.oneOnOneAvailability(), zone, errors);
        }
        Answers normalised = new Answers(trim(a.paperTitle()), trim(a.paperSummary()), a.intendsToSubmit(),
                a.expertise() == null ? null : Keywords.normalise(a.expertise()), a.capacity(), a.reviewingExperience(),
                a.areas() == null ? null : Keywords.normalise(a.areas()), topics, a.oneOnOneAvailability(),
                a.assignedReviewer());
        return new Checked(normalised, errors);
    }

    /** The fields each track kind asks of each role. */
    static Set<String> asked(TrackOffer.Kind kind, Role role) {
        return switch (kind) {
            case AUTHOR -> role == Role.MENTEE ? Set.of("paperTitle", "paperSummary", "intendsToSubmit")
                    : Set.of("expertise", "capacity");
            case REVIEWER -> role == Role.MENTEE ? Set.of("reviewingExperience", "areas", "assignedReviewer")
                    : Set.of("expertise", "capacity");
            case CAREER -> role == Role.MENTEE ? Set.of("topics", "oneOnOneAvailability")
                    : Set.of("topics", "oneOnOneAvailability", "capacity");
        };
    }

    private static void checkOneOnOneWeek(TrackOffer track, List<DatedInterval> intervals, ZoneId zone, List<FieldError> errors) {
        for (int i = 0; i < intervals.size(); i++) {
            DatedInterval interval = intervals.get(i);
            if (interval == null || interval.date() == null || interval.from() == null || interval.to() == null) {
                continue; // bean validation names the missing part
            }
            String field = "answers.oneOnOneAvailability[" + i + "]";
            if (!interval.to().isAfter(interval.from())) {
                errors.add(new FieldError(field + ".to", "must be after from"));
                continue;
            }
            if (track.oneOnOneStartsAt == null || track.oneOnOneEndsAt == null) {
                continue;
            }
            Instant start = interval.start(zone).toInstant();
            Instant end = interval.end(zone).toInstant();
            if (end.isBefore(track.oneOnOneStartsAt.minus(WINDOW_SLACK)) || start.isAfter(track.oneOnOneEndsAt.plus(WINDOW_SLACK))) {
                errors.add(new FieldError(field + ".date", "must be in the one-on-one week of " + track.name + " ("
                        + DAY.format(track.oneOnOneStartsAt.atZone(zone)) + " to "
                        + DAY.format(track.oneOnOneEndsAt.atZone(zone)) + " in " + zone + ")"));
            }
        }
    }

    private static String range(TrackOffer track) {
        return track.menteesPerMentorMin == null ? "up to " + track.menteesPerMentorMax
                : track.menteesPerMentorMin + " to " + track.menteesPerMentorMax;
    }

    private static String trim(String text) {
        return text == null ? null : text.strip();
    }
}
