package dev.mentorship.schedule.program.service;

import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.program.MilestoneType;
import dev.mentorship.schedule.program.ProgramDefinition;
import dev.mentorship.schedule.program.ProgramTime;
import dev.mentorship.runtime.problem.Problem.FieldError;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a program beyond the shape of its JSON: known time zones, no duplicate keys or names, windows
 * with an end and deadlines without one, exactly one application deadline per track, registration closing
 * after it, and milestones in the order the seeds imply ({@link MilestoneType#ORDER}). Each broken rule names
 * its field, e.g. {@code tracks[1].milestones[0].endDate}.
 */
public final class ProgramRules {

    private static final Duration LONGEST_LEAD = Duration.ofDays(120);

    private ProgramRules() {
    }

    public static List<FieldError> check(ProgramDefinition program) {
        List<FieldError> errors = new ArrayList<>();
        String programZone = program.timeZone() == null ? ProgramTime.AOE : program.timeZone();
        if (!ProgramTime.isKnownZone(programZone)) {
            errors.add(new FieldError("timeZone", "is not a known time zone: use AoE or an IANA name such as Europe/Berlin"));
        }
        if (program.frontendUrl() != null && frontendUrl(program.frontendUrl()) == null) {
            errors.add(new FieldError("frontendUrl",
                    "must be an absolute https or http URL without query or fragment, e.g. https://mentorship.example.org"));
        }
        Set<String> trackKeys = new HashSet<>();
        Set<String> trackNames = new HashSet<>();
        for (int t = 0; t < program.tracks().size(); t++) {
            ProgramDefinition.TrackDefinition track = program.tracks().get(t);
            String at = "tracks[" + t + "]";
            if (!trackKeys.add(track.key())) {
                errors.add(new FieldError(at + ".key", "duplicates another track's key: " + track.key()));
            }
            if (!trackNames.add(track.name())) {
                errors.add(new FieldError(at + ".name", "duplicates another track's name: " + track.name()));
            }
            if (track.menteesPerMentorMin() != null && track.menteesPerMentorMax() != null
                    && track.menteesPerMentorMin() > track.menteesPerMentorMax()) {
                errors.add(new FieldError(at + ".menteesPerMentorMin", "must not exceed menteesPerMentorMax"));
            }
            Map<String, Milestone> scheduled = checkMilestones(track, at, programZone, errors);
            checkSurveys(track, at, scheduled, errors);
        }
        return errors;
    }

    /**
     * A program's frontend URL as kept and announced (without a trailing slash, so that routes append to it), or
     * null when there is none or it is not an absolute https or http URL with a host and without user info, query
     * or fragment.
     */
    public static String frontendUrl(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getHost().isBlank()
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            String url = scheme + uri.toString().substring(uri.getScheme().length());
            while (url.endsWith("/")) {
                url = url.substring(0, url.length() - 1);
            }
            return url;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Map<String, Milestone> checkMilestones(ProgramDefinition.TrackDefinition track, String trackPath,
                                                          String programZone, List<FieldError> errors) {
        Map<String, Milestone> byKey = new HashMap<>();
        Set<String> keys = new HashSet<>();
        Set<String> names = new HashSet<>();
        List<Milestone> effective = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        int applicationDeadlines = 0;
        LocalDate applicationDeadline = null;
        for (int m = 0; m < track.milestones().size(); m++) {
            ProgramDefinition.MilestoneDefinition milestone = track.milestones().get(m);
            String at = trackPath + ".milestones[" + m + "]";
            if (!keys.add(milestone.key())) {
                errors.add(new FieldError(at + ".key", "duplicates another milestone's key in this track: " + milestone.key()));
            }
            if (!names.add(milestone.name())) {
                errors.add(new FieldError(at + ".name", "duplicates another milestone's name in this track: " + milestone.name()));
            }
            String zone = milestone.timeZone() == null ? programZone : milestone.timeZone();
            if (!ProgramTime.isKnownZone(zone)) {
                errors.add(new FieldError(at + ".timeZone", "is not a known time zone: use AoE or an IANA name such as Europe/Berlin"));
                continue;
            }
            boolean shapeOk = checkShape(milestone.type(), milestone.date(), milestone.endDate(), milestone.time(), at, errors);
            for (String lead : milestone.reminders() == null ? List.<String>of() : milestone.reminders()) {
                Duration duration = Duration.parse(lead);
                if (duration.isZero() || duration.isNegative() || duration.compareTo(LONGEST_LEAD) > 0) {
                    errors.add(new FieldError(at + ".reminders", "lead times must be between a minute and 120 days: " + lead));
                }
            }
            LocalDate date = milestone.date();
            LocalDate endDate = milestone.endDate();
            var extensions = milestone.extensions() == null ? List.<ProgramDefinition.Extension>of() : milestone.extensions();
            for (int e = 0; e < extensions.size(); e++) {
                ProgramDefinition.Extension extension = extensions.get(e);
                shapeOk &= checkShape(milestone.type(), extension.date(), extension.endDate(), extension.time(),
                        at + ".extensions[" + e + "]", errors);
                date = extension.date();
                endDate = extension.endDate();
            }
            if (!shapeOk) {
                continue;
            }
            Milestone when = new Milestone();
            when.type = milestone.type();
            when.timeZone = zone;
            if (milestone.audience() != null) {
                when.audience = new java.util.TreeSet<>(milestone.audience());
            }
            when.schedule(date, endDate, extensions.isEmpty() ? milestone.time() : extensions.get(extensions.size() - 1).time());
            checkSessions(when, milestone.sessions(), at, errors);
            byKey.putIfAbsent(milestone.key(), when);
            effective.add(when);
            paths.add(at);
            if (milestone.type() == MilestoneType.APPLICATION_DEADLINE) {
                applicationDeadlines++;
                applicationDeadline = date;
            }
        }
        if (applicationDeadlines != 1) {
            errors.add(new FieldError(trackPath + ".milestones",
                    "must hold exactly one APPLICATION_DEADLINE (it holds " + applicationDeadlines + ")"));
        }
        if (track.registrationClosesOn() != null && applicationDeadline != null
                && track.registrationClosesOn().isBefore(applicationDeadline)) {
            errors.add(new FieldError(trackPath + ".registrationClosesOn", "must not be before the application deadline"));
        }
        if (!track.rolling() && track.registrationClosesOn() != null && applicationDeadline != null
                && !track.registrationClosesOn().equals(applicationDeadline)) {
            errors.add(new FieldError(trackPath + ".registrationClosesOn",
                    "only a rolling track accepts registrations after its application deadline"));
        }
        errors.addAll(orderErrors(effective, paths));
        return byKey;
    }

    /**
     * A track's surveys: unique keys, an opening milestone and a closing SURVEY_DUE milestone of the track (as scheduled,
     * for exactly the survey's audience: its reminders become the survey's) with the window between them, unique question keys, options for choices only (2 to 20, distinct).
     */
    private static void checkSurveys(ProgramDefinition.TrackDefinition track, String trackPath,
                                     Map<String, Milestone> milestones, List<FieldError> errors) {
        if (track.surveys() == null) {
            return;
        }
        Set<String> keys = new HashSet<>();
        // a milestone that is defined but broken has its own error already: a survey naming it adds none
        Set<String> defined = new HashSet<>();
        track.milestones().forEach(m -> defined.add(m.key()));
        for (int s = 0; s < track.surveys().size(); s++) {
            ProgramDefinition.SurveyDefinition survey = track.surveys().get(s);
            String at = trackPath + ".surveys[" + s + "]";
            if (!keys.add(survey.key())) {
                errors.add(new FieldError(at + ".key", "duplicates another survey's key in this track: " + survey.key()));
            }
            Milestone opens = milestones.get(survey.opensWith());
            Milestone closes = milestones.get(survey.closesWith());
            if (opens == null && !defined.contains(survey.opensWith())) {
                errors.add(new FieldError(at + ".opensWith", "names no milestone of this track: " + survey.opensWith()));
            }
            if (closes == null && !defined.contains(survey.closesWith())) {
                errors.add(new FieldError(at + ".closesWith", "names no milestone of this track: " + survey.closesWith()));
            } else if (closes != null && closes.type != MilestoneType.SURVEY_DUE) {
                errors.add(new FieldError(at + ".closesWith", "must name a SURVEY_DUE milestone, not " + closes.type
                        + " (" + survey.closesWith() + "): the survey closes at its instant, and its reminders go to those "
                        + "who have not answered instead of that milestone's own"));
                closes = null;
            } else if (closes != null && survey.audience() != null && !closes.audience.equals(Set.copyOf(survey.audience()))) {
                errors.add(new FieldError(at + ".closesWith", "must name a SURVEY_DUE milestone for exactly the survey's "
                        + "audience " + new java.util.TreeSet<>(survey.audience()) + ", not " + closes.audience + " ("
                        + survey.closesWith() + "): its own reminders are replaced by the survey's, which reach only the "
                        + "survey's audience"));
            }
            if (opens != null && closes != null
                    && !dev.mentorship.schedule.survey.model.Survey.opensAt(opens).isBefore(closes.dueAt)) {
                errors.add(new FieldError(at + ".closesWith", "must close after the survey opens (" + opens.rendering()
                        + "), not on " + closes.rendering()));
            }
            Set<String> questionKeys = new HashSet<>();
            for (int q = 0; q < survey.questions().size(); q++) {
                ProgramDefinition.QuestionDefinition question = survey.questions().get(q);
                String path = at + ".questions[" + q + "]";
                if (!questionKeys.add(question.key())) {
                    errors.add(new FieldError(path + ".key", "duplicates another question's key in this survey: " + question.key()));
                }
                boolean choice = question.type() == dev.mentorship.schedule.survey.model.QuestionType.SINGLE
                        || question.type() == dev.mentorship.schedule.survey.model.QuestionType.MULTIPLE;
                List<String> options = question.options() == null ? List.of() : question.options();
                if (choice && (options.size() < 2 || new HashSet<>(options).size() != options.size())) {
                    errors.add(new FieldError(path + ".options", "a " + question.type()
                            + " question needs 2 to 20 distinct options"));
                } else if (!choice && question.type() != null && !options.isEmpty()) {
                    errors.add(new FieldError(path + ".options", "only SINGLE and MULTIPLE questions have options, not "
                            + question.type()));
                }
            }
        }
    }

    /** A group-session milestone's sessions: only on GROUP_SESSION, unique keys, each valid ({@link #sessionErrors}). */
    private static void checkSessions(Milestone when, List<ProgramDefinition.SessionDefinition> sessions, String at,
                                      List<FieldError> errors) {
        if (sessions == null || sessions.isEmpty()) {
            return;
        }
        if (when.type != MilestoneType.GROUP_SESSION) {
            errors.add(new FieldError(at + ".sessions", "only a GROUP_SESSION milestone has sessions, not " + when.type));
            return;
        }
        Set<String> keys = new HashSet<>();
        for (int s = 0; s < sessions.size(); s++) {
            ProgramDefinition.SessionDefinition session = sessions.get(s);
            String path = at + ".sessions[" + s + "]";
            if (!keys.add(session.key())) {
                errors.add(new FieldError(path + ".key", "duplicates another session's key in this milestone: " + session.key()));
            }
            errors.addAll(sessionErrors(when, session.startsAt(), session.durationMinutes(), session.onlineUrl(),
                    session.capacity(), path + "."));
        }
    }

    /**
     * What is wrong with a session of a group-session milestone (as scheduled): it starts within the milestone's day in
     * the milestone's zone, lasts 1 to 480 minutes, has at least one seat and, if it has a link, an https one. Each
     * error's field is {@code prefix} + its name.
     */
    public static List<FieldError> sessionErrors(Milestone milestone, java.time.Instant startsAt, Integer durationMinutes,
                                                 String onlineUrl, Integer capacity, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (startsAt != null) {
            java.time.Instant dayStarts = ProgramTime.startOf(milestone.date, milestone.timeZone);
            java.time.Instant dayEnds = ProgramTime.endOf(milestone.date, milestone.timeZone);
            if (startsAt.isBefore(dayStarts) || startsAt.isAfter(dayEnds)) {
                errors.add(new FieldError(prefix + "startsAt", "must fall within the milestone's day, "
                        + ProgramTime.render(milestone.date, null, milestone.timeZone) + " (" + dayStarts + " to " + dayEnds
                        + "): " + startsAt));
            }
        }
        if (durationMinutes != null && (durationMinutes < 1 || durationMinutes > 480)) {
            errors.add(new FieldError(prefix + "durationMinutes", "must be between 1 and 480"));
        }
        if (capacity != null && capacity < 1) {
            errors.add(new FieldError(prefix + "capacity", "must be at least 1"));
        }
        if (onlineUrl != null && onlineUrl(onlineUrl) == null) {
            errors.add(new FieldError(prefix + "onlineUrl",
                    "must be an absolute https URL without user info, e.g. https://zoom.us/j/123456789"));
        }
        return errors;
    }

    /** A session's online link as kept (stripped), or null when it is not an absolute https URL with a host. */
    public static String onlineUrl(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getHost().isBlank()
                    || uri.getRawUserInfo() != null) {
                return null;
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean checkShape(MilestoneType type, LocalDate date, LocalDate endDate, java.time.LocalTime time,
                                      String at, List<FieldError> errors) {
        if (type.window && endDate == null) {
            errors.add(new FieldError(at + ".endDate", "is required: " + type + " is a period"));
            return false;
        }
        if (type.window && endDate.isBefore(date)) {
            errors.add(new FieldError(at + ".endDate", "must not be before date"));
            return false;
        }
        if (!type.window && endDate != null) {
            errors.add(new FieldError(at + ".endDate", "must be empty: " + type + " is a deadline, not a period"));
            return false;
        }
        if (type.window && time != null) {
            errors.add(new FieldError(at + ".time", "must be empty: a period runs from the start of its first day to the end of its last"));
            return false;
        }
        return true;
    }

    /** Checks the implied order of a track's milestones, as scheduled; the path list matches the milestones. */
    public static List<FieldError> orderErrors(List<Milestone> milestones, List<String> paths) {
        List<FieldError> errors = new ArrayList<>();
        for (List<MilestoneType> rule : MilestoneType.ORDER) {
            for (int i = 0; i < milestones.size(); i++) {
                Milestone earlier = milestones.get(i);
                if (earlier.type != rule.get(0)) {
                    continue;
                }
                for (int j = 0; j < milestones.size(); j++) {
                    Milestone later = milestones.get(j);
                    if (later.type == rule.get(1) && earlier.lastInstant().isAfter(later.dueAt)) {
                        errors.add(new FieldError(paths.get(j) + ".date",
                                later.type + " (" + later.rendering() + ") must not come before "
                                        + earlier.type + " (" + earlier.rendering() + ")"));
                    }
                }
            }
        }
        return errors;
    }
}
