package dev.mentorship.notification.fanout.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mentorship.notification.contact.Person;
import dev.mentorship.notification.contact.TrackInfo;
import dev.mentorship.notification.contact.TrackInfo.Step;
import dev.mentorship.notification.contact.service.Directory;
import dev.mentorship.notification.fanout.Message;
import dev.mentorship.notification.fanout.NotificationsConfig;
import dev.mentorship.notification.messaging.PairingEvents.MenteeWaitlisted;
import dev.mentorship.notification.messaging.PairingEvents.PairingCreated;
import dev.mentorship.notification.messaging.PairingEvents.PairingDissolved;
import dev.mentorship.notification.messaging.PairingEvents.PairingEnded;
import dev.mentorship.notification.messaging.ParticipantEvents.ConductReportFiled;
import dev.mentorship.notification.messaging.ParticipantEvents.ParticipantRegistered;
import dev.mentorship.notification.messaging.ProgramEvents.MilestoneRescheduled;
import dev.mentorship.notification.messaging.ScheduleEvents.DeadlineApproaching;
import dev.mentorship.notification.messaging.ScheduleEvents.Meeting;
import dev.mentorship.notification.messaging.ScheduleEvents.PairingInactive;
import dev.mentorship.runtime.staff.Grant;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message the platform sends, rendered for every reader (mentee, mentor, organizer), track kind and situation
 * that changes what it says (on time, late, paired after the first-contact date, waitlisted while registration is
 * open or after it closed, ended), compared with the reviewed text in {@code src/test/resources/golden/messages/}.
 * The tracks are ML4H 2025's as its page gives them. A wording change shows as a diff of those files: review it, then
 * accept it with {@code mvn -pl notification-service -am verify -Dtest=MessagesGoldenTest -Dgolden.update=true}.
 */
class MessagesGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/messages");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static final UUID PROGRAM = UUID.fromString("00000000-0000-0000-0000-000000002025");
    static final UUID AUTHOR = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    static final UUID REVIEWER = UUID.fromString("00000000-0000-0000-0000-00000000a002");
    static final UUID CAREER = UUID.fromString("00000000-0000-0000-0000-00000000a003");
    static final UUID MENTOR = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final UUID MENTEE = UUID.fromString("00000000-0000-0000-0000-0000000000e2");
    static final UUID ORGANIZER = UUID.fromString("00000000-0000-0000-0000-0000000000e3");

    static final Map<UUID, TrackInfo> TRACKS = Map.of(
            AUTHOR, new TrackInfo(AUTHOR, "Author Mentorship", "ML4H 2025", "AUTHOR", at("2025-07-17T11:59:59Z"), "July 16, 2025 AoE",
                    List.of(point("APPLICATION_DEADLINE", "Application deadline", "2025-07-06T11:59:59Z", "July 5, 2025 AoE"),
                            point("PAIRING_RELEASE", "Pairings sent out", "2025-07-14T11:59:59Z", "July 13, 2025 AoE"),
                            point("FIRST_CONTACT_DUE", "Mentees reach out and arrange the first meeting", "2025-07-17T11:59:59Z", "July 16, 2025 AoE"),
                            window("MEETING_PERIOD", "Bi-weekly mentorship meetings", "2025-07-18T12:00:00Z", "2025-09-09T11:59:59Z",
                                    "July 18, 2025 – September 8, 2025 AoE"),
                            point("SUBMISSION_DEADLINE", "ML4H 2025 paper submission deadline", "2025-09-09T11:59:59Z", "September 8, 2025 AoE")),
                    at("2025-07-06T11:59:59Z"), at("2025-09-07T11:59:59Z"), true, at("2025-09-09T11:59:59Z")),
            REVIEWER, new TrackInfo(REVIEWER, "Reviewer Mentorship", "ML4H 2025", "REVIEWER", null, null,
                    List.of(point("APPLICATION_DEADLINE", "Application deadline", "2025-09-02T11:59:59Z", "September 1, 2025 AoE"),
                            point("PAIRING_RELEASE", "Mentees and mentors matched", "2025-09-11T11:59:59Z", "September 10, 2025 AoE"),
                            point("DRAFT_SHARE_DUE", "Mentee shares review drafts", "2025-09-20T11:59:59Z", "September 19, 2025 AoE"),
                            window("FEEDBACK_SESSION_WINDOW", "Feedback session", "2025-09-20T12:00:00Z", "2025-09-26T11:59:59Z",
                                    "September 20, 2025 – September 25, 2025 AoE"),
                            point("REVISED_REVIEW_DUE", "Revised reviews submitted", "2025-10-18T11:59:59Z", "October 17, 2025 AoE"),
                            window("SURVEY_PERIOD", "Program survey", "2025-10-17T12:00:00Z", "2025-11-21T11:59:59Z",
                                    "October 17, 2025 – November 20, 2025 AoE")),
                    at("2025-09-02T11:59:59Z"), at("2025-09-02T11:59:59Z"), false, at("2025-10-18T11:59:59Z")),
            CAREER, new TrackInfo(CAREER, "Career Mentorship", "ML4H 2025", "CAREER", at("2025-11-12T11:59:59Z"), "November 11, 2025 AoE",
                    List.of(point("APPLICATION_DEADLINE", "Application deadline", "2025-10-26T11:59:59Z", "October 25, 2025 AoE"),
                            point("PAIRING_RELEASE", "Pairings sent out", "2025-11-05T11:59:59Z", "November 4, 2025 AoE"),
                            point("FIRST_CONTACT_DUE", "Mentees reach out to schedule the 1-1 call", "2025-11-12T11:59:59Z", "November 11, 2025 AoE"),
                            point("GROUP_SESSION", "Group mentoring session", "2025-11-22T11:59:59Z", "November 21, 2025 AoE"),
                            window("ONE_ON_ONE_WEEK", "1-1 mentoring sessions", "2025-11-22T12:00:00Z", "2025-11-30T11:59:59Z",
                                    "November 22, 2025 – November 29, 2025 AoE")),
                    at("2025-10-26T11:59:59Z"), at("2025-10-26T11:59:59Z"), false, at("2025-11-30T11:59:59Z")));

    static final Person MARIA = new Person(MENTOR, "Maria Lopez", "maria@example.org", "Europe/Madrid");
    static final Person ANNA = new Person(MENTEE, "Anna Schmidt", "anna@example.org", "America/New_York");
    static final Person OLIVIA = new Person(ORGANIZER, "Olivia Organizer", "olivia@example.org", "UTC");

    /** The read model as the consumer's connection would give it, for the ML4H 2025 tracks and three people. */
    static final class Ml4h2025 extends Directory {
        @Override
        public Uni<TrackInfo> track(SqlConnection conn, UUID trackId) {
            return Uni.createFrom().item(TRACKS.get(trackId));
        }

        @Override
        public Uni<String> frontendUrl(SqlConnection conn, UUID programId) {
            return Uni.createFrom().item("https://mentorship.ml4h.cc");
        }

        @Override
        public Uni<List<Person>> people(SqlConnection conn, List<UUID> ids) {
            return Uni.createFrom().item(ids.stream().map(id -> id.equals(MENTOR) ? MARIA : ANNA).toList());
        }

        @Override
        public Uni<List<Person>> audience(SqlConnection conn, UUID trackId, List<String> roles) {
            List<Person> people = new ArrayList<>();
            if (roles.contains("MENTEE")) {
                people.add(ANNA);
            }
            if (roles.contains("MENTOR")) {
                people.add(MARIA);
            }
            return Uni.createFrom().item(people);
        }

        @Override
        public Uni<List<Person>> staff(SqlConnection conn, UUID programId, Grant grant, List<String> configured) {
            return Uni.createFrom().item(List.of(OLIVIA));
        }

        @Override
        public Uni<dev.mentorship.notification.contact.CodeOfConduct> codeOfConduct(SqlConnection conn, UUID programId) {
            return Uni.createFrom().item(new dev.mentorship.notification.contact.CodeOfConduct("ML4H Code of Conduct", "2025",
                    "https://ahli.cc/ml4h/code-of-conduct/", "info@ml4h.cc"));
        }

        @Override
        public Uni<ProgramRef> program(SqlConnection conn, UUID programId) {
            return Uni.createFrom().item(new ProgramRef(programId, "ML4H 2025", "ML4H"));
        }

        @Override
        public Uni<List<Prospect>> prospects(SqlConnection conn, UUID programId, UUID trackId, List<String> roles) {
            return Uni.createFrom().item(List.of(new Prospect(ANNA, true, null), new Prospect(MARIA, false, "ML4H 2024")));
        }
    }

    /** One case: its title, when it happens, the event's JSON, and how Messages turns it into messages. */
    record Case(String title, String now, Function<Messages, Uni<List<Message>>> render) {
    }

    private final Map<String, List<Case>> golden = new TreeMap<>();

    private void add(String file, String title, String now, Function<Messages, Uni<List<Message>>> render) {
        golden.computeIfAbsent(file, k -> new ArrayList<>()).add(new Case(title, now, render));
    }

    @Test
    void everyMessageSaysTheRightThingToItsReader() throws IOException {
        for (UUID track : List.of(AUTHOR, REVIEWER, CAREER)) {
            String kind = TRACKS.get(track).kind();
            for (String role : List.of("MENTEE", "MENTOR")) {
                for (boolean late : List.of(false, true)) {
                    if (late && !kind.equals("AUTHOR")) {
                        continue; // only a rolling track takes registrations after its deadline
                    }
                    ParticipantRegistered e = bind(ParticipantRegistered.class, """
                            {"participantId": "%s", "participant": {"name": "%s", "email": "%s", "timeZone": "%s"},
                             "registration": {"registrationId": "%s", "programId": "%s", "trackId": "%s", "role": "%s",
                               "status": "ACTIVE", "late": %s, "codeOfConductVersion": "2025"}}""".formatted(
                            role.equals("MENTOR") ? MENTOR : MENTEE, role.equals("MENTOR") ? MARIA.name() : ANNA.name(),
                            role.equals("MENTOR") ? MARIA.email() : ANNA.email(), role.equals("MENTOR") ? MARIA.timeZone() : ANNA.timeZone(),
                            UUID.nameUUIDFromBytes((track + role).getBytes()), PROGRAM, track, role, late));
                    add("registered", kind + " / " + role.toLowerCase() + " / " + (late ? "late" : "on time"),
                            late ? "2025-08-01T10:00:00Z" : "2025-06-20T10:00:00Z", m -> m.registered(null, e));
                }
            }
            // paired when the pairings are sent out, and late: after the first-contact date
            Step release = TRACKS.get(track).first("PAIRING_RELEASE");
            PairingCreated paired = bind(PairingCreated.class, """
                    {"pairingId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "%s",
                     "mentor": {"participantId": "%s", "name": "Maria Lopez", "email": "maria@example.org", "timeZone": "Europe/Madrid"},
                     "mentee": {"participantId": "%s", "name": "Anna Schmidt", "email": "anna@example.org", "timeZone": "America/New_York"},
                     "explanation": {"summary": "Score 82/100. Shared interests: clinical NLP, fairness."}}"""
                    .formatted(UUID.nameUUIDFromBytes(track.toString().getBytes()), PROGRAM, track, kind, MENTOR, MENTEE));
            add("pairing-created", kind + " / paired on the release date", release.dueAt().minusSeconds(3600).toString(),
                    m -> m.pairingCreated(null, paired));
            add("pairing-created", kind + " / paired late (ten days after the pairings were sent out)",
                    release.dueAt().plus(java.time.Duration.ofDays(10)).toString(), m -> m.pairingCreated(null, paired));

            PairingEnded ended = bind(PairingEnded.class, """
                    {"pairingId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "%s",
                     "mentor": {"participantId": "%s", "name": "Maria Lopez", "email": "maria@example.org", "timeZone": "Europe/Madrid"},
                     "mentee": {"participantId": "%s", "name": "Anna Schmidt", "email": "anna@example.org", "timeZone": "America/New_York"}}"""
                    .formatted(UUID.nameUUIDFromBytes(track.toString().getBytes()), PROGRAM, track, kind, MENTOR, MENTEE));
            add("pairing-ended", kind + " / at the end of the track", TRACKS.get(track).pairingsEndAt().toString(),
                    m -> m.ended(null, ended));
        }

        for (UUID track : List.of(AUTHOR, CAREER)) {
            MenteeWaitlisted waitlisted = bind(MenteeWaitlisted.class, """
                    {"programId": "%s", "trackId": "%s", "reason": "NO_CAPACITY",
                     "mentee": {"participantId": "%s", "name": "Anna Schmidt", "email": "anna@example.org", "timeZone": "America/New_York"}}"""
                    .formatted(PROGRAM, track, MENTEE));
            add("waitlisted", TRACKS.get(track).kind() + " / registration open", "2025-08-01T10:00:00Z",
                    m -> m.waitlisted(null, waitlisted));
            add("waitlisted", TRACKS.get(track).kind() + " / registration closed", "2025-11-05T10:00:00Z",
                    m -> m.waitlisted(null, waitlisted));
        }

        for (String reason : List.of("ORGANIZER", "WITHDRAWN", "ERASED")) {
            PairingDissolved dissolved = bind(PairingDissolved.class, """
                    {"pairingId": "%s", "programId": "%s", "mentorId": "%s", "menteeId": "%s", "reason": "%s"}"""
                    .formatted(UUID.fromString("00000000-0000-0000-0000-00000000c001"), PROGRAM, MENTOR, MENTEE, reason));
            add("pairing-dissolved", reason, "2025-08-01T10:00:00Z", m -> m.dissolved(null, dissolved));
        }

        DeadlineApproaching submission = deadline(AUTHOR, "ML4H 2025 paper submission deadline", "SUBMISSION_DEADLINE",
                "[\"MENTEE\", \"MENTOR\"]", "2025-09-09T11:59:59Z", "September 8, 2025 AoE", "P7D");
        add("deadline-approaching", "AUTHOR / a deadline, mentee and mentor", "2025-09-02T11:59:59Z", m -> m.deadline(null, submission));
        DeadlineApproaching period = deadline(AUTHOR, "Bi-weekly mentorship meetings", "MEETING_PERIOD",
                "[\"MENTEE\", \"MENTOR\"]", "2025-07-18T12:00:00Z", "July 18, 2025 – September 8, 2025 AoE", "P1D");
        add("deadline-approaching", "AUTHOR / a period starts", "2025-07-17T12:00:00Z", m -> m.deadline(null, period));
        DeadlineApproaching application = deadline(CAREER, "Application deadline", "APPLICATION_DEADLINE",
                "[\"MENTEE\", \"MENTOR\"]", "2025-10-26T11:59:59Z", "October 25, 2025 AoE", "P7D");
        add("deadline-approaching", "CAREER / application deadline, to a follower and a past participant", "2025-10-19T11:59:59Z",
                m -> m.deadline(null, application));
        DeadlineApproaching rolling = deadline(AUTHOR, "Application deadline", "APPLICATION_DEADLINE",
                "[\"MENTEE\", \"MENTOR\"]", "2025-07-06T11:59:59Z", "July 5, 2025 AoE", "P7D");
        add("deadline-approaching", "AUTHOR / application deadline of a rolling track, to a follower and a past participant",
                "2025-06-29T11:59:59Z", m -> m.deadline(null, rolling));

        MilestoneRescheduled moved = bind(MilestoneRescheduled.class, """
                {"programId": "%s", "trackId": "%s", "milestoneName": "Application deadline", "audience": ["MENTEE", "MENTOR"],
                 "previous": {"dueAt": "2025-10-16T11:59:59Z", "localRendering": "October 15, 2025 AoE"},
                 "current": {"dueAt": "2025-10-26T11:59:59Z", "localRendering": "October 25, 2025 AoE"},
                 "summary": "extended by 10 days", "reason": "The program page extended the deadline from October 15 to October 25."}"""
                .formatted(PROGRAM, CAREER));
        add("milestone-rescheduled", "CAREER / an extension", "2025-10-10T10:00:00Z", m -> m.rescheduled(null, moved));

        for (Meeting.Notice notice : Meeting.Notice.values()) {
            Meeting meeting = meeting(notice == Meeting.Notice.CANCELLED ? "\"reason\": \"The mentor is ill.\"," : "");
            add("meeting", "AUTHOR / " + notice.name().toLowerCase(), "2025-07-20T10:00:00Z", m -> m.meeting(null, notice, meeting));
        }
        Meeting placed = meeting("\"location\": \"Room 4.12, Building B\", \"videoUrl\": \"https://zoom.example/j/42\","
                + " \"previousStartsAt\": \"2025-08-01T15:00:00Z\",");
        add("meeting", "AUTHOR / a new place, the same time", "2025-07-20T10:00:00Z", m -> m.meeting(null, Meeting.Notice.RESCHEDULED, placed));
        Meeting draft = meeting("");
        add("draft-reminder", "AUTHOR / the mentee, before a meeting", "2025-07-25T10:00:00Z", m -> m.draft(null, draft));

        PairingInactive quiet = bind(PairingInactive.class, """
                {"pairingId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR",
                 "mentor": {"participantId": "%s", "name": "Maria Lopez", "email": "maria@example.org", "localStart": null},
                 "mentee": {"participantId": "%s", "name": "Anna Schmidt", "email": "anna@example.org", "localStart": null},
                 "lastActivityAt": "2025-07-18T12:00:00Z", "inactiveDays": 22, "detectedAt": "2025-08-09T12:00:00Z"}"""
                .formatted(UUID.fromString("00000000-0000-0000-0000-00000000c001"), PROGRAM, AUTHOR, MENTOR, MENTEE));
        add("pairing-inactive", "AUTHOR / 22 days into the meeting period", "2025-08-09T12:00:00Z", m -> m.inactive(null, quiet));

        for (String notice : List.of("STARTS", "CHOOSE")) {
            dev.mentorship.notification.messaging.ScheduleEvents.GroupSessionApproaching session = bind(
                    dev.mentorship.notification.messaging.ScheduleEvents.GroupSessionApproaching.class, """
                            {"notice": "%s", "programId": "%s", "programName": "ML4H 2025", "trackId": "%s", "trackName": "Career Mentorship",
                             "milestoneName": "Group mentoring session", "lead": "%s",
                             "recipient": {"participantId": "%s", "name": "Anna Schmidt", "email": "anna@example.org", "timeZone": null, "localStart": null},
                             "sessions": [
                              {"sessionId": "00000000-0000-0000-0000-00000000d001", "key": "afternoon-utc", "startsAt": "2025-11-21T14:00:00Z",
                               "endsAt": "2025-11-21T15:00:00Z", "durationMinutes": 60, "onlineUrl": "https://zoom.example/j/5",
                               "seatsLeft": 12, "icsUid": "d001@group-sessions.mentorship", "sequence": 0},
                              {"sessionId": "00000000-0000-0000-0000-00000000d002", "key": "evening-utc", "startsAt": "2025-11-21T20:00:00Z",
                               "endsAt": "2025-11-21T21:00:00Z", "durationMinutes": 60, "onlineUrl": null,
                               "seatsLeft": 1, "icsUid": "d002@group-sessions.mentorship", "sequence": 0}]}"""
                            .formatted(notice, PROGRAM, CAREER, notice.equals("STARTS") ? "P1D" : "P3D", MENTEE));
            if (notice.equals("STARTS")) {
                // the reminder of the session the reader joined: that one only
                session = new dev.mentorship.notification.messaging.ScheduleEvents.GroupSessionApproaching(session.notice(),
                        session.programId(), session.programName(), session.trackId(), session.trackName(), session.milestoneName(),
                        session.lead(), session.recipient(), session.sessions().subList(0, 1));
            }
            var chosen = session;
            add("group-session", "CAREER / " + notice.toLowerCase(), notice.equals("STARTS") ? "2025-11-20T14:00:00Z" : "2025-11-18T14:00:00Z",
                    m -> m.groupSession(null, chosen));
        }

        ConductReportFiled report = bind(ConductReportFiled.class, """
                {"reportId": "%s", "programId": "%s"}""".formatted(UUID.fromString("00000000-0000-0000-0000-00000000c001"), PROGRAM));
        add("conduct-report-filed", "to the program's conduct contacts", "2025-08-01T10:00:00Z", m -> m.conduct(null, report));

        // surveys (issue 20): opened to the audience, a reminder to one person who has not answered, results to organizers
        for (boolean anonymous : List.of(true, false)) {
            var opened = bind(dev.mentorship.notification.messaging.ScheduleEvents.SurveyOpened.class, """
                    {"surveyId": "00000000-0000-0000-0000-00000000f001", "programId": "%s", "programName": "ML4H 2025", "trackId": "%s",
                     "trackKey": "reviewer", "trackKind": "REVIEWER", "trackName": "Reviewer Mentorship", "surveyKey": "feedback",
                     "title": "Reviewer Mentorship feedback", "anonymous": %s, "audience": ["MENTEE", "MENTOR"], "questionCount": 6,
                     "opensAt": "2025-10-17T12:00:00Z", "closesAt": "2025-11-21T11:59:59Z",
                     "answerUrl": "https://mentorship.ml4h.cc/programs/%s/tracks/%s/surveys/00000000-0000-0000-0000-00000000f001"}"""
                    .formatted(PROGRAM, REVIEWER, anonymous, PROGRAM, REVIEWER));
            add("survey-opened", "REVIEWER / " + (anonymous ? "anonymous" : "not anonymous") + ", mentees and mentors",
                    "2025-10-17T12:00:00Z", m -> m.surveyOpened(null, opened));
        }
        var reminder = bind(dev.mentorship.notification.messaging.ScheduleEvents.SurveyReminder.class, """
                {"reminderId": "00000000-0000-0000-0000-00000000f101", "surveyId": "00000000-0000-0000-0000-00000000f001",
                 "programId": "%s", "programName": "ML4H 2025", "trackId": "%s", "trackKey": "reviewer", "trackKind": "REVIEWER",
                 "trackName": "Reviewer Mentorship", "surveyKey": "feedback", "title": "Reviewer Mentorship feedback", "anonymous": true,
                 "lead": "P3D", "closesAt": "2025-11-21T11:59:59Z",
                 "recipient": {"participantId": "%s", "name": "Anna Schmidt", "email": "anna@example.org", "timeZone": "America/New_York",
                   "localStart": "Friday, November 21, 2025, 06:59 (America/New_York)"},
                 "answerUrl": "https://mentorship.ml4h.cc/programs/%s/tracks/%s/surveys/00000000-0000-0000-0000-00000000f001"}"""
                .formatted(PROGRAM, REVIEWER, MENTEE, PROGRAM, REVIEWER));
        add("survey-reminder", "REVIEWER / 3 days before it closes, to a mentee who has not answered", "2025-11-18T11:59:59Z",
                m -> m.surveyReminder(null, reminder));
        var closed = bind(dev.mentorship.notification.messaging.ScheduleEvents.SurveyClosed.class, """
                {"surveyId": "00000000-0000-0000-0000-00000000f001", "programId": "%s", "programName": "ML4H 2025", "trackId": "%s",
                 "trackKey": "reviewer", "trackKind": "REVIEWER", "trackName": "Reviewer Mentorship", "surveyKey": "feedback",
                 "title": "Reviewer Mentorship feedback", "anonymous": true, "closedAt": "2025-11-21T11:59:59Z", "invited": 24,
                 "responded": 17, "resultsUrl": "https://mentorship.ml4h.cc/programs/%s/surveys/00000000-0000-0000-0000-00000000f001/results"}"""
                .formatted(PROGRAM, REVIEWER, PROGRAM));
        add("survey-closed", "REVIEWER / results ready, to the organizers", "2025-11-21T12:00:00Z", m -> m.surveyClosed(null, closed));

        boolean update = Boolean.getBoolean("golden.update");
        List<String> differ = new ArrayList<>();
        Files.createDirectories(GOLDEN);
        for (Map.Entry<String, List<Case>> file : golden.entrySet()) {
            StringBuilder text = new StringBuilder();
            for (Case c : file.getValue()) {
                Messages messages = new Messages(new Ml4h2025(), config(), Clock.fixed(Instant.parse(c.now()), ZoneOffset.UTC));
                List<Message> rendered = c.render().apply(messages).await().indefinitely();
                text.append("=== ").append(c.title()).append(" (").append(c.now()).append(")\n");
                assertThat(rendered).as(file.getKey() + ": " + c.title() + " tells somebody something").isNotEmpty();
                for (Message m : rendered) {
                    text.append(render(m)).append('\n');
                }
            }
            Path path = GOLDEN.resolve(file.getKey() + ".txt");
            String expected = Files.exists(path) ? Files.readString(path) : "";
            if (!expected.equals(text.toString())) {
                differ.add(file.getKey());
                if (update) {
                    Files.writeString(path, text.toString());
                } else {
                    Files.writeString(Path.of("target", "golden-" + file.getKey() + ".txt"), text.toString());
                }
            }
        }
        assertThat(differ).as("messages that differ from their reviewed text in " + GOLDEN + " (the new text is in "
                + "target/golden-<name>.txt; review it, then run with -Dgolden.update=true)").isEmpty();
    }

    /** A message as its reader sees it: to whom, the subject, the text, the facts, where it leads, what is attached. */
    private static String render(Message m) {
        StringBuilder out = new StringBuilder();
        out.append("--- to ").append(m.name()).append(" <").append(m.email()).append("> [").append(m.category())
                .append(m.digestOnly() ? ", in the daily digest" : "").append("]\n");
        out.append("Subject: ").append(m.subject()).append('\n');
        for (String paragraph : m.paragraphs()) {
            out.append('\n').append(paragraph).append('\n');
        }
        if (!m.facts().isEmpty()) {
            out.append('\n');
            for (Message.Fact fact : m.facts()) {
                out.append("  ").append(fact.label()).append(": ").append(fact.value()).append('\n');
            }
        }
        if (m.link() != null) {
            out.append("\n[").append(m.link().label()).append("] ").append(m.link().url()).append('\n');
        }
        if (m.attachmentName() != null) {
            out.append("Attached: ").append(m.attachmentName()).append('\n');
        }
        return out.toString();
    }

    private static DeadlineApproaching deadline(UUID track, String name, String type, String audience, String dueAt, String rendering,
                                                String lead) {
        return bind(DeadlineApproaching.class, """
                {"programId": "%s", "programName": "ML4H 2025", "trackId": "%s", "trackName": "%s", "milestoneName": "%s",
                 "milestoneType": "%s", "audience": %s, "dueAt": "%s", "localRendering": "%s", "lead": "%s"}"""
                .formatted(PROGRAM, track, TRACKS.get(track).name(), name, type, audience, dueAt, rendering, lead));
    }

    private static Meeting meeting(String extra) {
        return bind(Meeting.class, """
                {"meetingId": "%s", "programId": "%s", "kind": "MENTORING", "number": 2,
                 "startsAt": "2025-08-01T15:00:00Z", "endsAt": "2025-08-01T16:00:00Z", "sequence": 1,
                 "icsUid": "meeting-golden@mentorship", %s
                 "mentor": {"participantId": "%s", "name": "Maria Lopez", "email": "maria@example.org",
                   "localStart": "Friday, August 1, 2025, 17:00 (Europe/Madrid)"},
                 "mentee": {"participantId": "%s", "name": "Anna Schmidt", "email": "anna@example.org",
                   "localStart": "Friday, August 1, 2025, 11:00 (America/New_York)"}}"""
                .formatted(UUID.fromString("00000000-0000-0000-0000-00000000b001"), PROGRAM, extra, MENTOR, MENTEE));
    }

    private static <T> T bind(Class<T> type, String json) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static NotificationsConfig config() {
        return (NotificationsConfig) Proxy.newProxyInstance(NotificationsConfig.class.getClassLoader(),
                new Class<?>[]{NotificationsConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "frontendUrl" -> "https://mentorship.example.org";
                    case "organizerEmail" -> "mentorship@ml4h.cc";
                    case "organizerEmails" -> List.of();
                    case "publicBaseUrl" -> "https://mentorship.example.org/api/notifications";
                    case "toString" -> "config";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Step point(String type, String name, String dueAt, String rendering) {
        return new Step(type, type.toLowerCase(), name, at(dueAt), null, rendering);
    }

    private static Step window(String type, String name, String dueAt, String endsAt, String rendering) {
        return new Step(type, type.toLowerCase(), name, at(dueAt), at(endsAt), rendering);
    }
}
