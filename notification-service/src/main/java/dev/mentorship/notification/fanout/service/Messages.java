package dev.mentorship.notification.fanout.service;

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
import dev.mentorship.notification.messaging.ParticipantEvents.ConductReportFiled;
import dev.mentorship.runtime.staff.Grant;
import dev.mentorship.notification.messaging.ParticipantEvents.Participant;
import dev.mentorship.notification.messaging.ParticipantEvents.ParticipantRegistered;
import dev.mentorship.notification.messaging.ParticipantEvents.Registration;
import dev.mentorship.notification.messaging.ProgramEvents.MilestoneRescheduled;
import dev.mentorship.notification.messaging.ScheduleEvents.DeadlineApproaching;
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

    private final Directory directory;
    private final NotificationsConfig config;

    public Messages(Directory directory, NotificationsConfig config) {
        this.directory = directory;
        this.config = config;
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
        return links(conn, r.programId()).chain(links -> directory.track(conn, r.trackId()).map(track -> {
            String trackName = track == null ? "the mentorship track" : track.name() + " (" + track.programName() + ")";
            boolean mentor = "MENTOR".equals(r.role());
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add("Thank you for registering as a " + (mentor ? "mentor" : "mentee") + " for " + trackName
                    + ". You accepted the code of conduct (version " + r.codeOfConductVersion() + ").");
            if (r.late()) {
                paragraphs.add("You registered after the application deadline. Mentees are paired while mentors have room; "
                        + "if none has room now, you join the waitlist and are paired, in the waitlist's order, as soon as a "
                        + "mentor becomes available. We tell you your place when that happens.");
            } else {
                paragraphs.add(mentor ? "We tell you who your mentees are when the pairings are released."
                        : "We tell you who your mentor is when the pairings are released.");
            }
            return List.of(new Message(d.participantId(), p.email(), p.name(), Category.ACCOUNT,
                    "Your registration for " + trackName, paragraphs, List.of(), new Link("Open your inbox", links.inbox()), links,
                    null, null));
        }));
    }

    public Uni<List<Message>> pairingCreated(SqlConnection conn, PairingCreated d) {
        return links(conn, d.programId()).chain(links -> directory.track(conn, d.trackId()).map(track -> {
            String trackName = track == null ? "your mentorship track" : track.name();
            String why = d.why();
            List<String> steps = nextSteps(d.trackKind(), track);
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
                paragraphs.addAll(toMentor ? steps.stream().map(s -> s.replace("You contact your mentor", "Your mentee contacts you")).toList() : steps);
                List<Fact> facts = List.of(new Fact(toMentor ? "Your mentee" : "Your mentor", partner.name() + " <" + partner.email() + ">"),
                        new Fact("Their time zone", partner.timeZoneOr("")));
                messages.add(new Message(me.participantId(), me.email(), me.name(), Category.PAIRING,
                        (toMentor ? "Your new mentee: " : "Your mentor: ") + partner.name(), paragraphs, facts,
                        new Link("Open your pairing", links.pairing(d.pairingId())), links, null, null));
            }
            return messages;
        }));
    }

    private static List<String> nextSteps(String kind, TrackInfo track) {
        String firstContact = track == null || track.firstContactOn() == null ? null : track.firstContactOn();
        return switch (kind) {
            case "AUTHOR" -> List.of((firstContact == null ? "You contact your mentor soon" : "You contact your mentor by " + firstContact)
                    + " to arrange your first meeting. You meet about every two weeks for an hour; send your current draft a few days before each meeting.");
            case "REVIEWER" -> List.of("Share the papers you review and your review drafts with your mentor before the feedback session.");
            case "CAREER" -> List.of((firstContact == null ? "You contact your mentor soon" : "You contact your mentor by " + firstContact)
                    + ". You meet in the group workshop and for a one-hour 1-1 in the one-on-one week.");
            default -> List.of();
        };
    }

    public Uni<List<Message>> waitlisted(SqlConnection conn, MenteeWaitlisted d) {
        Member mentee = d.mentee();
        return links(conn, d.programId()).chain(links -> directory.track(conn, d.trackId()).map(track -> {
            String trackName = track == null ? "the track" : track.name();
            boolean noCapacity = MenteeWaitlisted.NO_CAPACITY.equals(d.reason());
            List<String> paragraphs = List.of("We could not pair you with a mentor in " + trackName + " yet: "
                            + (noCapacity ? "every mentor who fits your interests has as many mentees as they can take."
                            : "no mentor registered so far fits your profile."),
                    "You are on the waitlist. When a mentor registers or has room again, they take mentees from the "
                            + "waitlist in the order the track's policy sets, and we tell you at once.");
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

    public Uni<List<Message>> deadline(SqlConnection conn, DeadlineApproaching d) {
        Instant due = d.dueAt();
        String lead = remaining(d.lead(), Duration.between(Instant.now(), due));
        // the schema lets trackName out (schedule-service always sends it)
        String trackName = d.trackName() == null ? "your track" : d.trackName();
        return links(conn, d.programId()).chain(links -> directory.audience(conn, d.trackId(), d.audience()).map(people -> people.stream()
                .map(p -> new Message(p.id(), p.email(), p.name(), Category.DEADLINES, d.milestoneName() + ": " + d.localRendering(),
                        List.of("A reminder for " + trackName + " (" + d.programName() + "): \"" + d.milestoneName() + "\" is due in "
                                + lead + ", on " + d.localRendering() + "."),
                        List.of(new Fact("Due", d.localRendering()), new Fact("In your time zone", local(due, p))),
                        new Link("Open your inbox", links.inbox()), links, null, null)).toList()));
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
                        subject = "Moved: " + title + " with " + partnerName;
                        paragraph = "Your " + title + " with " + partnerName + " moved to " + when + ". The updated invitation is attached.";
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
                messages.add(new Message(me.participantId(), me.email(), me.name(), Category.MEETINGS, subject, List.of(paragraph),
                        List.of(new Fact("When", when), new Fact("With", partnerName)),
                        new Link("Open the meeting", links.meeting(d.meetingId())), links, ics == null ? null : "meeting.ics", ics));
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
            return List.of(new Message(mentee.participantId(), mentee.email(), mentee.name(), Category.MEETINGS,
                    "Send your current draft to " + mentor,
                    List.of("Your " + title(d) + " with " + mentor + " is on " + when + ". Please send " + mentor
                            + " your current draft now, so that they can read it before you meet."),
                    List.of(new Fact("Meeting", when)), new Link("Open the meeting", links.meeting(d.meetingId())), links, null, null));
        });
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
                        List.of(new Fact("Pairing", d.pairingId().toString())), pairing, links, null, null));
            }
            return messages;
        }));
    }

    public Uni<List<Message>> conduct(SqlConnection conn, ConductReportFiled d) {
        return links(conn, d.programId()).chain(links -> directory.staff(conn, d.programId(), Grant.CONDUCT_CONTACT,
                config.organizerEmails()).map(contacts -> contacts.stream()
                .map(o -> new Message(o.id(), o.email(), o.name(), Category.CONDUCT, "A conduct report was filed",
                        List.of("A confidential code-of-conduct report was filed. Read it in the platform (the program's "
                                + "conduct contacts only)."),
                        List.of(new Fact("Report", d.reportId().toString())), new Link("Open your inbox", links.inbox()), links,
                        null, null))
                .toList()));
    }

    private static String title(Meeting d) {
        return switch (d.kind()) {
            case Meeting.FEEDBACK -> "feedback session";
            case Meeting.ONE_ON_ONE -> "1-1 session";
            default -> "mentoring meeting " + d.number();
        };
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
