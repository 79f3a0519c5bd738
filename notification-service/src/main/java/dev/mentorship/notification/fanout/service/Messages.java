package dev.mentorship.notification.fanout.service;

import dev.mentorship.notification.contact.CodeOfConduct;
import dev.mentorship.notification.contact.Person;
import dev.mentorship.notification.contact.TrackInfo;
import dev.mentorship.notification.contact.service.Directory;
import dev.mentorship.notification.fanout.Ics;
import dev.mentorship.notification.fanout.Links;
import dev.mentorship.notification.fanout.Message;
import dev.mentorship.notification.fanout.Message.Category;
import dev.mentorship.notification.fanout.Message.Fact;
import dev.mentorship.notification.fanout.Message.Link;
import dev.mentorship.notification.fanout.NotificationsConfig;
import dev.mentorship.notification.messaging.PairingEvents.Member;
import dev.mentorship.notification.messaging.PairingEvents.MenteeWaitlisted;
import dev.mentorship.notification.messaging.PairingEvents.PairingCreated;
import dev.mentorship.notification.messaging.PairingEvents.PairingDissolved;
import dev.mentorship.notification.messaging.PairingEvents.PairingEnded;
import dev.mentorship.notification.messaging.ParticipantEvents.ConductReportFiled;
import dev.mentorship.runtime.staff.Grant;
import dev.mentorship.notification.messaging.ParticipantEvents.Participant;
import dev.mentorship.notification.messaging.ParticipantEvents.ParticipantRegistered;
import dev.mentorship.notification.messaging.ParticipantEvents.Registration;
import dev.mentorship.notification.messaging.ProgramEvents.MilestoneRescheduled;
import dev.mentorship.notification.messaging.ScheduleEvents;
import dev.mentorship.notification.messaging.ScheduleEvents.DeadlineApproaching;
import dev.mentorship.notification.messaging.ScheduleEvents.GroupSessionApproaching;
import dev.mentorship.notification.messaging.ScheduleEvents.Meeting;
import dev.mentorship.notification.messaging.ScheduleEvents.PairingInactive;
import dev.mentorship.notification.messaging.ScheduleEvents.Party;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Who an event concerns and what each of them is told, in their own time zone: one method per event that tells
 * someone something (events that tell nobody anything, such as ProgramPublished or ParticipantUpdated, have none).
 * Each reads what it needs to address people from the {@link Directory} on the consumer's connection.
 */
@ApplicationScoped
public class Messages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy, HH:mm", Locale.ENGLISH);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH);
    private static final java.util.Set<String> PERIODS = java.util.Set.of("MEETING_PERIOD", "REVIEW_PERIOD",
            "FEEDBACK_SESSION_WINDOW", "DISCUSSION_PERIOD", "ONE_ON_ONE_WEEK", "OTHER_PERIOD", "SURVEY_PERIOD");

    private final Directory directory;
    private final NotificationsConfig config;
    private final java.time.Clock clock;

    public Messages(Directory directory, NotificationsConfig config, java.time.Clock clock) {
        this.directory = directory;
        this.config = config;
        this.clock = clock;
    }

    /** The frontend routes for the event's program: its own frontend if it named one, else the deployment's. */
    private Uni<Links> links(SqlConnection conn, UUID program) {
        if (program == null) {
            return Uni.createFrom().item(Links.of(null, null, config.frontendUrl()));
        }
        return directory.frontendUrl(conn, program).map(url -> Links.of(program, url, config.frontendUrl()));
    }

    public Uni<List<Message>> registered(SqlConnection conn, ParticipantRegistered d) {
        Registration r = d.registration();
        Participant p = d.participant();
        return links(conn, r.programId()).chain(links -> directory.codeOfConduct(conn, r.programId()).chain(conduct ->
                directory.track(conn, r.trackId()).map(track -> {
            String trackName = track == null ? "the mentorship track" : track.name() + " (" + track.programName() + ")";
            boolean mentor = "MENTOR".equals(r.role());
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add("Thank you for registering as a " + (mentor ? "mentor" : "mentee") + " for " + trackName
                    + ". " + accepted(conduct, r.codeOfConductVersion()));
            if (r.late()) {
                paragraphs.add(mentor ? "You registered after the application deadline: thank you for joining. If mentees who fit "
                        + "you are waiting for a mentor, you are paired with them at once, and we tell you who they are."
                        : lateMentee(track));
            } else {
                TrackInfo.Step release = track == null ? null : track.first("PAIRING_RELEASE");
                String when = release == null || release.rendering() == null ? "when the pairings are released"
                        : "when the pairings are sent out (" + release.rendering() + ")";
                paragraphs.add(mentor ? "We tell you who your mentees are " + when + "." : "We tell you who your mentor is " + when + ".");
            }
            return List.of(new Message(d.participantId(), p.email(), p.name(), Category.ACCOUNT,
                    "Your registration for " + trackName, paragraphs, conductFacts(conduct),
                    new Link("Open your inbox", links.inbox()), links, null, null));
        })));
    }

    /**
     * "You accepted the ML4H Code of Conduct (version 2025): https://… To report a violation, contact info@ml4h.cc …":
     * the code the person accepted, where to read it and where to report a violation (the program's report contact, or
     * the platform's form where it names none). Without the program's code (not announced yet): its version only.
     */
    static String accepted(CodeOfConduct conduct, String version) {
        if (conduct == null) {
            return "You accepted the code of conduct (version " + version + ").";
        }
        return "You accepted the " + conduct.title() + " (version " + version + ")"
                + (conduct.url() == null ? "" : ", " + conduct.url() + ",") + " which every mentor and mentee abides by. "
                + conduct.howToReport();
    }

    private static List<Fact> conductFacts(CodeOfConduct conduct) {
        if (conduct == null) {
            return List.of();
        }
        List<Fact> facts = new ArrayList<>();
        if (conduct.url() != null) {
            facts.add(new Fact(conduct.title(), conduct.url()));
        }
        facts.add(new Fact("Report a violation to", conduct.reportContact() != null ? conduct.reportContact()
                : "the conduct report form in the platform"));
        return facts;
    }

    /**
     * A mentee who registered after the deadline: paired at once if a mentor who fits has room, else waitlisted; where
     * the track ends at a deadline (author), the page's warning that a waiting mentee may not be matched in time.
     */
    private String lateMentee(TrackInfo track) {
        String text = "You registered after the application deadline. If a mentor who fits you has room, you are paired at once; "
                + "otherwise you join the waitlist and are paired, in the waitlist's order, as soon as a mentor becomes available. "
                + "We tell you either way.";
        TrackInfo.Step end = track == null ? null : track.first("SUBMISSION_DEADLINE");
        if (end != null && end.rendering() != null) {
            text += " As the program ends with the " + end.name() + " (" + end.rendering() + "), a mentee on the waitlist may not "
                    + "be matched in time for it.";
        }
        return text;
    }

    public Uni<List<Message>> pairingCreated(SqlConnection conn, PairingCreated d) {
        Instant now = clock.instant();
        return links(conn, d.programId()).chain(links -> directory.track(conn, d.trackId()).map(track -> {
            String trackName = track == null ? "your mentorship track" : track.name();
            String why = d.why();
            List<Message> messages = new ArrayList<>();
            for (boolean toMentor : new boolean[]{true, false}) {
                Member me = toMentor ? d.mentor() : d.mentee();
                Member partner = toMentor ? d.mentee() : d.mentor();
                List<String> paragraphs = new ArrayList<>();
                paragraphs.add(toMentor
                        ? "You have a new mentee in " + trackName + ": " + partner.name() + "."
                        : "Your mentor in " + trackName + " is " + partner.name() + ".");
                if (!why.isBlank()) {
                    paragraphs.add("Why you were paired: " + why);
                }
                paragraphs.addAll(nextSteps(d.trackKind(), track, toMentor, now, zone(me.timeZoneOr("UTC"))));
                List<Fact> facts = List.of(new Fact(toMentor ? "Your mentee" : "Your mentor", partner.name() + " <" + partner.email() + ">"),
                        new Fact("Their time zone", partner.timeZoneOr("")));
                messages.add(new Message(me.participantId(), me.email(), me.name(), Category.PAIRING,
                        (toMentor ? "Your new mentee: " : "Your mentor: ") + partner.name(), paragraphs, facts,
                        new Link("Open your pairing", links.pairing(d.pairingId())), links, null, null));
            }
            return messages;
        }));
    }

    /**
     * What the reader does next, as the pages ask it of their role: the mentee reaches out and shares their work, the
     * mentor reads it. The first-contact date follows the pairing: the milestone's date for pairings sent out before it,
     * else as many days after the pairing as the program gives between the release and that date (3 by default).
     */
    private static List<String> nextSteps(String kind, TrackInfo track, boolean toMentor, Instant now, ZoneId zone) {
        String contact = contactBy(track, now, zone);
        return switch (kind) {
            case "AUTHOR" -> List.of(toMentor
                    ? "Your mentee contacts you " + contact + " to arrange your first meeting and discuss the paper idea. You meet about "
                    + "every two weeks for an hour; your mentee sends you the current draft a few days before each meeting, for you "
                    + "to read before you meet."
                    : "Please contact your mentor " + contact + " to arrange your first meeting and discuss your paper idea. You meet "
                    + "about every two weeks for an hour; send your current draft a few days before each meeting.");
            case "REVIEWER" -> {
                TrackInfo.Step drafts = track == null ? null : track.first("DRAFT_SHARE_DUE");
                TrackInfo.Step session = track == null ? null : track.first("FEEDBACK_SESSION_WINDOW");
                String draftsBy = drafts == null || drafts.rendering() == null || !now.isBefore(drafts.dueAt()) ? "" : " by " + drafts.rendering();
                String sessionWhen = session == null || session.rendering() == null ? "" : " (" + session.rendering() + ")";
                yield List.of(toMentor
                        ? "Your mentee shares the papers they review at the start of the review period and their review drafts"
                        + draftsBy + ". Read them and give feedback on the reviews in your feedback session" + sessionWhen + "."
                        : "Share the papers you review with your mentor at the start of the review period, and your review drafts"
                        + draftsBy + ", so that you can discuss them in your feedback session" + sessionWhen + ".");
            }
            case "CAREER" -> {
                TrackInfo.Step group = track == null ? null : track.first("GROUP_SESSION");
                TrackInfo.Step week = track == null ? null : track.first("ONE_ON_ONE_WEEK");
                String groupWhen = group == null || group.rendering() == null ? "" : " (" + group.rendering() + ")";
                String weekWhen = week == null || week.rendering() == null ? "in the one-on-one week" : "in the one-on-one week (" + week.rendering() + ")";
                String sessions = "Choose a group mentoring session" + groupWhen + " in the app: each person joins the one that suits "
                        + "them (and is welcome at more than one).";
                yield List.of(toMentor
                        ? "Your mentee contacts you " + contact + " to schedule your one-hour 1-1 " + weekWhen + ". " + sessions
                        : "Please contact your mentor " + contact + " to schedule your one-hour 1-1 " + weekWhen
                        + "; bring your questions and topics. " + sessions);
            }
            default -> List.of();
        };
    }

    /** "by July 16, 2025 AoE", or for a pairing made on or after that date, "by Monday, July 21" (the reader's zone). */
    private static String contactBy(TrackInfo track, Instant now, ZoneId zone) {
        if (track != null && track.firstContactDue() != null && now.isBefore(track.firstContactDue())) {
            return "by " + track.firstContactOn();
        }
        Duration grace = Duration.ofDays(3);
        TrackInfo.Step release = track == null ? null : track.first("PAIRING_RELEASE");
        if (track != null && track.firstContactDue() != null && release != null
                && release.dueAt().isBefore(track.firstContactDue())) {
            grace = Duration.ofDays(Math.max(1, Duration.between(release.dueAt(), track.firstContactDue()).toDays()));
        }
        return "by " + DAY.format(now.plus(grace).atZone(zone));
    }

    /**
     * The truth about the waitlist: while registration is open a new mentor may take the mentee; once it has closed
     * only a mentor with room again can, which may not happen; on a track that ends at a deadline, the page's warning.
     */
    public Uni<List<Message>> waitlisted(SqlConnection conn, MenteeWaitlisted d) {
        Member mentee = d.mentee();
        Instant now = clock.instant();
        return links(conn, d.programId()).chain(links -> directory.track(conn, d.trackId()).map(track -> {
            String trackName = track == null ? "the track" : track.name();
            boolean noCapacity = MenteeWaitlisted.NO_CAPACITY.equals(d.reason());
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add("We could not pair you with a mentor in " + trackName + " yet: "
                    + (noCapacity ? "every mentor who fits your interests has as many mentees as they can take."
                    : "no mentor registered so far fits your profile."));
            if (track != null && track.registrationClosed(now)) {
                paragraphs.add("You are on the waitlist. Registration for " + trackName + " has closed, so no new mentor will join; "
                        + "if a mentor has room again (a pairing ends early), they take mentees from the waitlist in its order and "
                        + "we tell you at once. It is possible that no mentor becomes free this time.");
            } else {
                paragraphs.add("You are on the waitlist. When a mentor registers or has room again, they take mentees from the "
                        + "waitlist in the order the track's policy sets, and we tell you at once.");
                TrackInfo.Step end = track == null ? null : track.first("SUBMISSION_DEADLINE");
                if (end != null && end.rendering() != null) {
                    paragraphs.add("As the program ends with the " + end.name() + " (" + end.rendering() + "), a mentee on the "
                            + "waitlist may not receive a match in time for it.");
                }
            }
            return List.of(new Message(mentee.participantId(), mentee.email(), mentee.name(),
                    Category.PAIRING, "You are on the waitlist for " + trackName, paragraphs, List.of(),
                    new Link("Open your inbox", links.inbox()), links, null, null));
        }));
    }

    public Uni<List<Message>> dissolved(SqlConnection conn, PairingDissolved d) {
        return links(conn, d.programId()).chain(links -> directory.people(conn, List.of(d.mentorId(), d.menteeId())).map(people -> people.stream()
                .map(p -> new Message(p.id(), p.email(), p.name(), Category.PAIRING, "Your mentorship pairing has ended",
                        List.of("Your pairing has ended" + (PairingDissolved.WITHDRAWN.equals(d.reason()) ? ": your partner withdrew."
                                        : PairingDissolved.ERASED.equals(d.reason()) ? ": your partner left the program." : "."),
                                p.id().equals(d.menteeId()) ? "We look for another mentor for you and tell you as soon as you have one."
                                        : "Your room goes to a mentee waiting for a mentor."),
                        List.of(), new Link("See your pairing", links.pairing(d.pairingId())), links, null, null)).toList()));
    }

    /**
     * The pairing came to its end with the track's part of the program: both are thanked, and pointed to the
     * program's survey when it has one still open.
     */
    public Uni<List<Message>> ended(SqlConnection conn, PairingEnded d) {
        Instant now = clock.instant();
        return links(conn, d.programId()).chain(links -> directory.track(conn, d.trackId()).map(track -> {
            String trackName = track == null ? "your mentorship track" : track.name() + " (" + track.programName() + ")";
            TrackInfo.Step survey = track == null ? null : track.first("SURVEY_PERIOD", "SURVEY_DUE");
            boolean surveyAhead = survey != null && (survey.endsAt() != null ? survey.endsAt() : survey.dueAt()).isAfter(now);
            List<Message> messages = new ArrayList<>();
            for (boolean toMentor : new boolean[]{true, false}) {
                Member me = toMentor ? d.mentor() : d.mentee();
                Member partner = toMentor ? d.mentee() : d.mentor();
                List<String> paragraphs = new ArrayList<>();
                paragraphs.add(trackName + " has come to its end, and with it your pairing with " + partner.name() + ". "
                        + (toMentor ? "Thank you for the time and advice you gave your mentee." : "Thank you for taking part; we hope it helped."));
                if (surveyAhead) {
                    paragraphs.add("Please tell the organizers how it went and what to improve: fill out the program survey by "
                            + lastDay(survey) + ".");
                }
                paragraphs.add("No more meetings are scheduled for this pairing; you can still reach each other by email.");
                messages.add(new Message(me.participantId(), me.email(), me.name(), Category.PAIRING,
                        "Thank you: your mentorship in " + (track == null ? "the program" : track.name()) + " has ended", paragraphs,
                        surveyAhead ? List.of(new Fact("Survey open", survey.rendering())) : List.of(),
                        new Link("See your pairing", links.pairing(d.pairingId())), links, null, null));
            }
            return messages;
        }));
    }

    public Uni<List<Message>> deadline(SqlConnection conn, DeadlineApproaching d) {
        Instant due = d.dueAt();
        String lead = remaining(d.lead(), Duration.between(clock.instant(), due));
        if (d.applicationDeadline()) {
            // for who may still apply (followers, past participants of the conference), not for who already did
            return links(conn, d.programId()).chain(links -> directory.track(conn, d.trackId()).chain(track ->
                    directory.prospects(conn, d.programId(), d.trackId(), d.audience())
                            .map(prospects -> prospects.stream().map(p -> applicationDeadline(d, track, lead, p, links)).toList())));
        }
        // the schema lets trackName out (schedule-service always sends it)
        String trackName = d.trackName() == null ? "your track" : d.trackName();
        return links(conn, d.programId()).chain(links -> directory.audience(conn, d.trackId(), d.audience()).map(people -> people.stream()
                .map(p -> new Message(p.id(), p.email(), p.name(), Category.DEADLINES, d.milestoneName() + ": " + d.localRendering(),
                        List.of("A reminder for " + trackName + " (" + d.programName() + "): \"" + d.milestoneName() + "\" "
                                + (PERIODS.contains(d.milestoneType()) ? "starts in " + lead + "; it runs " + d.localRendering() + "."
                                : "is due in " + lead + ", on " + d.localRendering() + ".")),
                        List.of(new Fact(PERIODS.contains(d.milestoneType()) ? "When" : "Due", d.localRendering()),
                                new Fact(PERIODS.contains(d.milestoneType()) ? "Starts in your time zone" : "In your time zone", local(due, p))),
                        new Link("Open your inbox", links.inbox()), links, null, null)).toList()));
    }

    /**
     * An application deadline, told to someone who has not applied: when applications close, why they hear of it (they
     * follow the program, or took part in an earlier edition), and a link to the track.
     */
    private static Message applicationDeadline(DeadlineApproaching d, TrackInfo info, String lead, Directory.Prospect prospect,
                                               Links links) {
        Person p = prospect.person();
        String track = (d.trackName() == null ? "the track" : d.trackName()) + " (" + d.programName() + ")";
        String applications = d.audience().equals(List.of("MENTEE")) ? "Mentee applications"
                : d.audience().equals(List.of("MENTOR")) ? "Mentor applications" : "Applications";
        String why = prospect.follows() && prospect.pastEdition() != null
                ? "You get this because you follow this program and took part in " + prospect.pastEdition() + "."
                : prospect.follows() ? "You get this because you follow this program."
                : "You get this because you took part in " + prospect.pastEdition() + ".";
        if (info != null && info.rolling() && info.registrationClosesAt() != null && info.registrationClosesAt().isAfter(d.dueAt())) {
            // a rolling track (the author track: "Applications will continue to be accepted on a rolling basis"): the
            // deadline is when the pairings are made; later applicants wait for a mentor and may not be matched in time
            return new Message(p.id(), p.email(), p.name(), Category.PROGRAM_NEWS,
                    "The application deadline for " + track + " is " + d.localRendering(),
                    List.of("The application deadline for " + track + " is in " + lead + ", on " + d.localRendering() + ". " + why,
                            "Applications stay open after it on a rolling basis, until " + local(info.registrationClosesAt(), p)
                                    + ", but mentees who apply later join a waitlist until a mentor is found, and may not be "
                                    + "matched in time. To be paired with the first round, apply before the deadline."),
                    List.of(new Fact("Application deadline", d.localRendering()), new Fact("In your time zone", local(d.dueAt(), p)),
                            new Fact("Applications close", local(info.registrationClosesAt(), p))),
                    new Link("See the track and apply", links.track(d.trackId())), links, null, null);
        }
        return new Message(p.id(), p.email(), p.name(), Category.PROGRAM_NEWS,
                applications + " for " + track + " close on " + d.localRendering(),
                List.of(applications + " for " + track + " close in " + lead + ", on " + d.localRendering() + ". " + why,
                        "To take part, apply in the app before then."),
                List.of(new Fact("Applications close", d.localRendering()), new Fact("In your time zone", local(d.dueAt(), p))),
                new Link("See the track and apply", links.track(d.trackId())), links, null, null);
    }

    public Uni<List<Message>> rescheduled(SqlConnection conn, MilestoneRescheduled d) {
        Instant now = d.current().dueAt();
        String current = d.current().localRendering();
        return links(conn, d.programId()).chain(links -> directory.audience(conn, d.trackId(), d.audience()).map(people -> people.stream()
                .map(p -> new Message(p.id(), p.email(), p.name(), Category.DEADLINES, d.milestoneName() + " moved to " + current,
                        List.of("\"" + d.milestoneName() + "\" was " + d.summary() + "." + (d.reason().isBlank() ? "" : " " + d.reason())),
                        List.of(new Fact("Before", d.previousRendering()), new Fact("Now", current), new Fact("In your time zone", local(now, p))),
                        new Link("Open your inbox", links.inbox()), links, null, null))
                .toList()));
    }

    /** MeetingScheduled, MeetingRescheduled, MeetingCancelled (each with the invitation attached) and MeetingApproaching. */
    public Uni<List<Message>> meeting(SqlConnection conn, Meeting.Notice notice, Meeting d) {
        return links(conn, d.programId()).map(links -> {
            List<Message> messages = new ArrayList<>();
            String title = title(d);
            String ics = notice == Meeting.Notice.APPROACHING ? null : Ics.meeting(d, notice == Meeting.Notice.CANCELLED, config.organizerEmail());
            for (boolean toMentor : new boolean[]{true, false}) {
                Party me = toMentor ? d.mentor() : d.mentee();
                Party partner = toMentor ? d.mentee() : d.mentor();
                if (!me.reachable()) {
                    continue;
                }
                String partnerName = partner.nameOr("your partner");
                String when = me.localStart() != null ? me.localStart() : d.startsAt().toString();
                String subject;
                String paragraph;
                switch (notice) {
                    case SCHEDULED -> {
                        subject = "Confirmed: " + title + " with " + partnerName;
                        paragraph = "Your " + title + " with " + partnerName + " is confirmed for " + when + ". The invitation is attached.";
                    }
                    case RESCHEDULED -> {
                        if (d.onlyPlaceChanged()) {
                            // the same time at another place (a member set the meeting's or the pairing's place)
                            String where = d.location() != null ? d.location() : d.videoUrl();
                            subject = "New place: " + title + " with " + partnerName;
                            paragraph = "Your " + title + " with " + partnerName + " on " + when
                                    + (where == null ? " no longer has a place set." : " now takes place at " + where + ".")
                                    + " The updated invitation is attached.";
                        } else {
                            subject = "Moved: " + title + " with " + partnerName;
                            paragraph = "Your " + title + " with " + partnerName + " moved to " + when + ". The updated invitation is attached.";
                        }
                    }
                    case CANCELLED -> {
                        subject = "Cancelled: " + title + " with " + partnerName;
                        paragraph = "Your " + title + " with " + partnerName + " on " + when + " is cancelled"
                                + (d.reason().isBlank() ? "." : ": " + d.reason());
                    }
                    default -> {
                        subject = "Tomorrow: " + title + " with " + partnerName;
                        paragraph = "A reminder: your " + title + " with " + partnerName + " is on " + when + ".";
                    }
                }
                List<Fact> facts = new ArrayList<>(List.of(new Fact("When", when)));
                if (d.location() != null) {
                    facts.add(new Fact("Where", d.location()));
                }
                if (d.videoUrl() != null) {
                    facts.add(new Fact("Video link", d.videoUrl()));
                }
                facts.add(new Fact("With", partnerName));
                messages.add(new Message(me.participantId(), me.email(), me.name(), Category.MEETINGS, subject, List.of(paragraph),
                        facts, new Link("Open the meeting", links.meeting(d.meetingId())), links, ics == null ? null : "meeting.ics", ics));
            }
            return messages;
        });
    }

    /** DraftReminder: the mentee, to send their current draft before the meeting. */
    public Uni<List<Message>> draft(SqlConnection conn, Meeting d) {
        return links(conn, d.programId()).map(links -> {
            Party mentee = d.mentee();
            if (!mentee.reachable()) {
                return List.of();
            }
            String when = mentee.localStart() != null ? mentee.localStart() : d.startsAt().toString();
            String mentor = d.mentor().nameOr("your mentor");
            List<Fact> facts = new ArrayList<>(List.of(new Fact("Meeting", when)));
            if (d.location() != null) {
                facts.add(new Fact("Where", d.location()));
            }
            if (d.videoUrl() != null) {
                facts.add(new Fact("Video link", d.videoUrl()));
            }
            return List.of(new Message(mentee.participantId(), mentee.email(), mentee.name(), Category.MEETINGS,
                    "Send your current draft to " + mentor,
                    List.of("Your " + title(d) + " with " + mentor + " is on " + when + ". Please send " + mentor
                            + " your current draft now, so that they can read it before you meet."),
                    facts, new Link("Open the meeting", links.meeting(d.meetingId())), links, null, null));
        });
    }

    /**
     * GroupSessionApproaching, to its one recipient, in their time zone (this service's contact of them first, the event's
     * otherwise): STARTS, the session they joined (its start, length and link; its event attached); CHOOSE, the sessions
     * they may still choose from (each one's start and seats left), with the link to the track where they choose.
     */
    public Uni<List<Message>> groupSession(SqlConnection conn, GroupSessionApproaching d) {
        Party to = d.recipient();
        return links(conn, d.programId()).chain(links -> directory.people(conn, List.of(to.participantId())).map(known -> {
            Person p = known.isEmpty() ? new Person(to.participantId(), to.name(), to.email(), null) : known.get(0);
            if (p.email() == null || d.sessions().isEmpty()) {
                return List.<Message>of();
            }
            String track = (d.trackName() == null ? "your track" : d.trackName()) + " (" + d.programName() + ")";
            ScheduleEvents.GroupSession first = d.sessions().get(0);
            String lead = remaining(d.lead(), Duration.between(clock.instant(), first.startsAt()));
            // in their time zone (UTC when none is known)
            java.util.function.Function<Instant, String> when = instant -> local(instant, p);
            if (GroupSessionApproaching.STARTS.equals(d.notice())) {
                String link = first.onlineUrl();
                List<Fact> facts = new ArrayList<>(List.of(new Fact("Starts", when.apply(first.startsAt())),
                        new Fact("Duration", first.durationMinutes() + " minutes"),
                        new Fact("Link to join", link == null ? "to be announced by the organizers" : link)));
                String ics = Ics.groupSession(first, d.trackName() == null ? d.milestoneName() : d.trackName() + ": " + d.milestoneName(),
                        config.organizerEmail());
                return List.of(new Message(p.id(), p.email(), p.name(), Category.MEETINGS,
                        "In " + lead + ": " + d.milestoneName() + ", " + when.apply(first.startsAt()),
                        List.of("A reminder: the " + d.milestoneName() + " you joined, of " + track + ", starts in " + lead + ", on "
                                + when.apply(first.startsAt()) + ". It lasts " + first.durationMinutes() + " minutes"
                                + (link == null ? "; the link to join follows when the organizers announce it." : ". Join online with the link below.")
                                + " The session is attached for your calendar."),
                        facts, link == null ? new Link("See the sessions", links.track(d.trackId())) : new Link("Join the session", link),
                        links, "group-session.ics", ics));
            }
            if (GroupSessionApproaching.CHOOSE.equals(d.notice())) {
                List<Fact> facts = new ArrayList<>();
                for (ScheduleEvents.GroupSession s : d.sessions()) {
                    facts.add(new Fact("Session " + s.key(), when.apply(s.startsAt()) + ", " + s.durationMinutes() + " minutes"
                            + (s.seatsLeft() == null ? "" : ", " + s.seatsLeft() + (s.seatsLeft() == 1 ? " seat" : " seats") + " left")));
                }
                return List.of(new Message(p.id(), p.email(), p.name(), Category.MEETINGS,
                        "Choose your session: " + d.milestoneName() + " of " + track,
                        List.of("The " + d.milestoneName() + " of " + track + " is held in " + d.sessions().size()
                                + (d.sessions().size() == 1 ? " session" : " sessions") + "; the first starts in " + lead
                                + ". You have not chosen one yet: choose the one that suits your availability (you are welcome "
                                + "to join more than one)."),
                        facts, new Link("Choose a session", links.track(d.trackId())), links, null, null));
            }
            return List.<Message>of();
        }));
    }

    /**
     * SurveyOpened: the track's active registrations in the survey's audience, each with its closing time in their zone,
     * whether it is anonymous, how many questions, and the link to answer.
     */
    public Uni<List<Message>> surveyOpened(SqlConnection conn, ScheduleEvents.SurveyOpened d) {
        String track = d.trackName() + " (" + d.programName() + ")";
        return links(conn, d.programId()).chain(links -> directory.audience(conn, d.trackId(), d.audience()).map(people -> people.stream()
                .map(p -> new Message(p.id(), p.email(), p.name(), Category.DEADLINES, "Survey open: " + d.title() + (d.title().contains(d.trackName()) ? "" : " (" + d.trackName() + ")"),
                        List.of("The survey \"" + d.title() + "\" of " + track + " is open until " + local(d.closesAt(), p) + ". It has "
                                        + d.questionCount() + (d.questionCount() == 1 ? " question" : " questions")
                                        + "; you may change your answers until it closes.",
                                anonymity(d.anonymous())),
                        List.of(new Fact("Open until", local(d.closesAt(), p)), new Fact("Questions", String.valueOf(d.questionCount())),
                                new Fact("Anonymous", d.anonymous() ? "yes" : "no")),
                        new Link("Answer the survey", surveyUrl(d.answerUrl(), links, d.trackId())), links, null, null)).toList()));
    }

    /** SurveyReminder: the one person it names, who has not answered yet, in their time zone (this service's contact first). */
    public Uni<List<Message>> surveyReminder(SqlConnection conn, ScheduleEvents.SurveyReminder d) {
        ScheduleEvents.Recipient to = d.recipient();
        return links(conn, d.programId()).chain(links -> directory.people(conn, List.of(to.participantId())).map(known -> {
            Person p = known.isEmpty() ? new Person(to.participantId(), to.name(), to.email(), to.timeZone()) : known.get(0);
            if (p.email() == null) {
                return List.<Message>of();
            }
            String lead = remaining(d.lead(), Duration.between(clock.instant(), d.closesAt()));
            String track = d.trackName() + " (" + d.programName() + ")";
            return List.of(new Message(p.id(), p.email(), p.name(), Category.DEADLINES,
                    "The survey \"" + d.title() + "\" closes in " + lead,
                    List.of("You have not answered the survey \"" + d.title() + "\" of " + track + " yet. It closes in " + lead + ", on "
                            + local(d.closesAt(), p) + ". Your answers help the organizers make the program better.", anonymity(d.anonymous())),
                    List.of(new Fact("Closes", local(d.closesAt(), p)), new Fact("Anonymous", d.anonymous() ? "yes" : "no")),
                    new Link("Answer the survey", surveyUrl(d.answerUrl(), links, d.trackId())), links, null, null));
        }));
    }

    /** SurveyClosed: the program's organizers, in the app and their daily digest (like inactive pairings): results ready. */
    public Uni<List<Message>> surveyClosed(SqlConnection conn, ScheduleEvents.SurveyClosed d) {
        String track = d.trackName() + " (" + d.programName() + ")";
        String rate = d.invited() == 0 ? "" : " (" + Math.round(100.0 * d.responded() / d.invited()) + "%)";
        return links(conn, d.programId()).chain(links -> directory.staff(conn, d.programId(), Grant.ORGANIZER, config.organizerEmails())
                .map(organizers -> organizers.stream().map(o -> new Message(o.id(), o.email(), o.name(), Category.DEADLINES,
                        "Survey results ready: " + d.title() + (d.title().contains(d.trackName()) ? "" : " (" + d.trackName() + ")"),
                        List.of("The survey \"" + d.title() + "\" of " + track + " closed on " + local(d.closedAt(), o) + ": " + d.responded()
                                + " of " + d.invited() + (d.invited() == 1 ? " person" : " people") + " invited answered" + rate
                                + ". Its results are frozen and ready to read."
                                + (d.anonymous() ? " It was anonymous: no answer can be traced to a person, and figures of groups smaller "
                                + "than five people are not shown." : "")),
                        List.of(new Fact("Answered", d.responded() + " of " + d.invited())),
                        new Link("See the results", surveyUrl(d.resultsUrl(), links, d.trackId())), links, null, null).inDigest())
                        .toList()));
    }

    private static String anonymity(boolean anonymous) {
        return anonymous ? "The survey is anonymous: the organizers see only totals of groups of at least five people, and no "
                + "answer can be traced to you."
                : "Not anonymous: the program's organizers can read your answers with your name.";
    }

    /** The survey's own URL from the event if it is a usable web address, else the track in the frontend. */
    private static String surveyUrl(String url, Links links, UUID trackId) {
        String usable = Links.webUrl(url);
        return usable != null ? usable : links.track(trackId);
    }

    public Uni<List<Message>> inactive(SqlConnection conn, PairingInactive d) {
        long days = d.inactiveDays();
        return links(conn, d.programId()).chain(links -> directory.staff(conn, d.programId(), Grant.ORGANIZER, config.organizerEmails()).map(organizers -> {
            Link pairing = new Link("Open the pairing", links.pairing(d.pairingId()));
            List<Message> messages = new ArrayList<>();
            for (boolean toMentor : new boolean[]{true, false}) {
                Party me = toMentor ? d.mentor() : d.mentee();
                Party partner = toMentor ? d.mentee() : d.mentor();
                if (me.reachable()) {
                    messages.add(new Message(me.participantId(), me.email(), me.name(),
                            Category.INACTIVITY, "It has been " + days + " days since you met " + partner.nameOr("your partner"),
                            List.of("You and " + partner.nameOr("your partner") + " have not met for " + days
                                    + " days. A short meeting keeps the mentorship going: propose a time in the app."),
                            List.of(), pairing, links, null, null));
                }
            }
            for (Person organizer : organizers) {
                messages.add(new Message(organizer.id(), organizer.email(), organizer.name(), Category.INACTIVITY,
                        "Inactive pairing: " + d.mentor().nameOr("?") + " and " + d.mentee().nameOr("?"),
                        List.of("This pairing has not met for " + days + " days. The pair has been reminded."),
                        List.of(new Fact("Pairing", d.pairingId().toString())), pairing, links, null, null).inDigest());
            }
            return messages;
        }));
    }

    /**
     * ConductReportFiled: the program's conduct contacts (staff with the grant; none: the deployment's list), and the
     * program's own report contact (its code of conduct's address, e.g. info@ml4h.cc), once per address. The mail says
     * that a report was filed and which, never what it says: it is read in the platform.
     */
    public Uni<List<Message>> conduct(SqlConnection conn, ConductReportFiled d) {
        return links(conn, d.programId()).chain(links -> directory.codeOfConduct(conn, d.programId()).chain(conduct ->
                directory.staff(conn, d.programId(), Grant.CONDUCT_CONTACT, config.organizerEmails()).map(staff -> {
                    List<Person> contacts = new ArrayList<>(staff);
                    String address = conduct == null ? null : conduct.reportContact();
                    if (address != null && contacts.stream().noneMatch(c -> address.equalsIgnoreCase(c.email()))) {
                        // an address, not an account: its inbox entry is nobody's, the mail is what reaches it
                        contacts.add(new Person(Person.reportContactId(address), "conduct contact", address, "UTC"));
                    }
                    return contacts.stream()
                            .map(o -> new Message(o.id(), o.email(), o.name(), Category.CONDUCT, "A conduct report was filed",
                                    List.of(o.id().equals(Person.reportContactId(o.email()))
                                            // the program's report address (its code of conduct names it), not an account
                                            ? "A confidential code-of-conduct report was filed in the mentorship platform, which names "
                                            + "this address as the program's report contact. The program's conduct contacts read it in "
                                            + "the platform; this mail does not carry its content."
                                            : "A confidential code-of-conduct report was filed. Read it in the platform (the program's "
                                            + "conduct contacts only)."),
                                    List.of(new Fact("Report", d.reportId().toString())), new Link("Open your inbox", links.inbox()), links,
                                    null, null))
                            .toList();
                })));
    }

    private static String title(Meeting d) {
        return switch (d.kind()) {
            case Meeting.FEEDBACK -> "feedback session";
            case Meeting.ONE_ON_ONE -> "1-1 session";
            default -> "mentoring meeting " + d.number();
        };
    }

    /** The last day of a milestone as people read it: "November 20, 2025 AoE" of "October 17, 2025 – November 20, 2025 AoE". */
    private static String lastDay(TrackInfo.Step step) {
        String rendering = step.rendering() == null ? "" : step.rendering();
        int dash = rendering.lastIndexOf(" – ");
        return step.endsAt() != null && dash >= 0 ? rendering.substring(dash + 3) : rendering;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static String local(Instant instant, Person p) {
        ZoneId zone;
        try {
            zone = ZoneId.of(p.timeZone());
        } catch (RuntimeException e) {
            zone = ZoneId.of("UTC");
        }
        return WHEN.format(instant.atZone(zone)) + " (" + zone + ")";
    }

    /**
     * The lead as people read it: the configured one, unless the reminder goes out late (a catch-up when a program
     * is published close to a deadline), where the time truly left is said instead of a lead that is no longer true.
     */
    static String remaining(Duration lead, Duration left) {
        if (left.isNegative() || left.compareTo(lead.minusHours(1)) >= 0) {
            return human(lead);
        }
        long hours = Math.max(1, Math.round(left.toMinutes() / 60.0));
        return hours >= 36 ? human(Duration.ofDays(Math.round(hours / 24.0))) : human(Duration.ofHours(hours));
    }

    private static String human(Duration lead) {
        long days = lead.toDays();
        if (days >= 1 && lead.equals(Duration.ofDays(days))) {
            return days == 1 ? "1 day" : days + " days";
        }
        long hours = lead.toHours();
        return hours == 1 ? "1 hour" : hours + " hours";
    }
}
