package dev.mentorship.notification.fanout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mentorship.notification.contact.Directory;
import dev.mentorship.notification.contact.Directory.Person;
import dev.mentorship.notification.fanout.Message.Category;
import dev.mentorship.notification.fanout.Message.Fact;
import dev.mentorship.notification.fanout.Message.Link;
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
import java.util.Set;
import java.util.UUID;

/**
 * Who an event concerns and what each of them is told, in their own time zone. Events that tell nobody anything
 * (ProgramPublished, ParticipantUpdated, ...) give no message.
 */
@ApplicationScoped
public class Messages {

    /** The events that tell someone something. */
    private static final Set<String> TELLING = Set.of("ParticipantRegistered", "PairingCreated", "MenteeWaitlisted", "PairingDissolved",
            "DeadlineApproaching", "MilestoneRescheduled", "MeetingScheduled", "MeetingRescheduled", "MeetingCancelled",
            "MeetingApproaching", "DraftReminder", "PairingInactive", "ConductReportFiled");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy, HH:mm", Locale.ENGLISH);

    private final Directory directory;
    private final NotificationsConfig config;

    public Messages(Directory directory, NotificationsConfig config) {
        this.directory = directory;
        this.config = config;
    }

    public Uni<List<Message>> of(SqlConnection conn, String type, JsonNode d) {
        if (!TELLING.contains(type)) {
            return Uni.createFrom().item(List.of());
        }
        return links(conn, d).chain(links -> switch (type) {
            case "ParticipantRegistered" -> registered(conn, d, links);
            case "PairingCreated" -> pairingCreated(conn, d, links);
            case "MenteeWaitlisted" -> waitlisted(conn, d, links);
            case "PairingDissolved" -> dissolved(conn, d, links);
            case "DeadlineApproaching" -> deadline(conn, d, links);
            case "MilestoneRescheduled" -> rescheduled(conn, d, links);
            case "MeetingScheduled", "MeetingRescheduled", "MeetingCancelled", "MeetingApproaching" -> meeting(conn, type, d, links);
            case "DraftReminder" -> draft(conn, d, links);
            case "PairingInactive" -> inactive(conn, d, links);
            case "ConductReportFiled" -> conduct(conn, d, links);
            default -> Uni.createFrom().item(List.<Message>of());
        });
    }

    /** The frontend routes for the event's program: its own frontend if it named one, else the deployment's. */
    private Uni<Links> links(SqlConnection conn, JsonNode d) {
        String programId = d.path("programId").asText(d.at("/registration/programId").asText(""));
        UUID program;
        try {
            program = UUID.fromString(programId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Links.of(null, config.frontendUrl()));
        }
        return directory.frontendUrl(conn, program).map(url -> Links.of(url, config.frontendUrl()));
    }

    private Uni<List<Message>> registered(SqlConnection conn, JsonNode d, Links links) {
        JsonNode r = d.get("registration");
        JsonNode p = d.get("participant");
        return directory.track(conn, id(r, "trackId")).map(track -> {
            String trackName = track == null ? "the mentorship track" : track.name() + " (" + track.programName() + ")";
            boolean mentor = "MENTOR".equals(r.get("role").asText());
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add("Thank you for registering as a " + (mentor ? "mentor" : "mentee") + " for " + trackName
                    + ". You accepted the code of conduct (version " + r.path("codeOfConductVersion").asText() + ").");
            if (r.path("late").asBoolean()) {
                paragraphs.add("You registered after the application deadline. Mentees are paired while mentors have room; "
                        + "if none has room now, you join the waitlist and are paired, in the waitlist's order, as soon as a "
                        + "mentor becomes available. We tell you your place when that happens.");
            } else {
                paragraphs.add(mentor ? "We tell you who your mentees are when the pairings are released."
                        : "We tell you who your mentor is when the pairings are released.");
            }
            return List.of(new Message(id(d, "participantId"), p.get("email").asText(), p.get("name").asText(), Category.ACCOUNT,
                    "Your registration for " + trackName, paragraphs, List.of(), new Link("Open your inbox", links.inbox()), links,
                    null, null));
        });
    }

    private Uni<List<Message>> pairingCreated(SqlConnection conn, JsonNode d, Links links) {
        JsonNode mentor = d.get("mentor");
        JsonNode mentee = d.get("mentee");
        return directory.track(conn, id(d, "trackId")).map(track -> {
            String trackName = track == null ? "your mentorship track" : track.name();
            String why = d.at("/explanation/summary").asText("");
            List<String> steps = nextSteps(d.get("trackKind").asText(), track);
            List<Message> messages = new ArrayList<>();
            for (boolean toMentor : new boolean[]{true, false}) {
                JsonNode me = toMentor ? mentor : mentee;
                JsonNode partner = toMentor ? mentee : mentor;
                List<String> paragraphs = new ArrayList<>();
                paragraphs.add(toMentor
                        ? "You have a new mentee in " + trackName + ": " + partner.get("name").asText() + "."
                        : "Your mentor in " + trackName + " is " + partner.get("name").asText() + ".");
                if (!why.isBlank()) {
                    paragraphs.add("Why you were paired: " + why);
                }
                paragraphs.addAll(toMentor ? steps.stream().map(s -> s.replace("You contact your mentor", "Your mentee contacts you")).toList() : steps);
                List<Fact> facts = List.of(new Fact(toMentor ? "Your mentee" : "Your mentor",
                                partner.get("name").asText() + " <" + partner.get("email").asText() + ">"),
                        new Fact("Their time zone", partner.path("timeZone").asText("")));
                messages.add(new Message(id(me, "participantId"), me.get("email").asText(), me.get("name").asText(), Category.PAIRING,
                        (toMentor ? "Your new mentee: " : "Your mentor: ") + partner.get("name").asText(), paragraphs, facts,
                        new Link("Open your pairing", links.pairing(id(d, "pairingId"))), links, null, null));
            }
            return messages;
        });
    }

    private static List<String> nextSteps(String kind, Directory.TrackInfo track) {
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

    private Uni<List<Message>> waitlisted(SqlConnection conn, JsonNode d, Links links) {
        JsonNode mentee = d.get("mentee");
        return directory.track(conn, id(d, "trackId")).map(track -> {
            String trackName = track == null ? "the track" : track.name();
            boolean noCapacity = "NO_CAPACITY".equals(d.path("reason").asText());
            List<String> paragraphs = List.of("We could not pair you with a mentor in " + trackName + " yet: "
                            + (noCapacity ? "every mentor who fits your interests has as many mentees as they can take."
                            : "no mentor registered so far fits your profile."),
                    "You are number " + d.get("position").asInt() + " on the waitlist. When a mentor registers or has room again, "
                            + "they take mentees from the waitlist in its order, and we tell you at once.");
            return List.of(new Message(id(mentee, "participantId"), mentee.get("email").asText(), mentee.get("name").asText(),
                    Category.PAIRING, "You are on the waitlist for " + trackName, paragraphs,
                    List.of(new Fact("Your place", String.valueOf(d.get("position").asInt()))),
                    new Link("Open your inbox", links.inbox()), links, null, null));
        });
    }

    private Uni<List<Message>> dissolved(SqlConnection conn, JsonNode d, Links links) {
        return directory.people(conn, List.of(id(d, "mentorId"), id(d, "menteeId"))).map(people -> people.stream()
                .map(p -> new Message(p.id(), p.email(), p.name(), Category.PAIRING, "Your mentorship pairing has ended",
                        List.of("Your pairing has ended" + ("WITHDRAWN".equals(d.path("reason").asText()) ? ": your partner withdrew."
                                        : "ERASED".equals(d.path("reason").asText()) ? ": your partner left the program." : "."),
                                p.id().equals(id(d, "menteeId")) ? "We look for another mentor for you and tell you as soon as you have one."
                                        : "Your room goes to a mentee waiting for a mentor."),
                        List.of(), new Link("See your pairing", links.pairing(id(d, "pairingId"))), links, null, null)).toList());
    }

    private Uni<List<Message>> deadline(SqlConnection conn, JsonNode d, Links links) {
        List<String> roles = new ArrayList<>();
        d.path("audience").forEach(r -> roles.add(r.asText()));
        Instant due = Instant.parse(d.get("dueAt").asText());
        String lead = remaining(Duration.parse(d.get("lead").asText()), Duration.between(Instant.now(), due));
        return directory.audience(conn, id(d, "trackId"), roles).map(people -> people.stream().map(p -> new Message(p.id(), p.email(),
                p.name(), Category.DEADLINES, d.get("milestoneName").asText() + ": " + d.get("localRendering").asText(),
                List.of("A reminder for " + d.get("trackName").asText() + " (" + d.get("programName").asText() + "): \""
                        + d.get("milestoneName").asText() + "\" is due in " + lead + ", on " + d.get("localRendering").asText() + "."),
                List.of(new Fact("Due", d.get("localRendering").asText()), new Fact("In your time zone", local(due, p))),
                new Link("Open your inbox", links.inbox()), links, null, null)).toList());
    }

    private Uni<List<Message>> rescheduled(SqlConnection conn, JsonNode d, Links links) {
        List<String> roles = new ArrayList<>();
        d.path("audience").forEach(r -> roles.add(r.asText()));
        Instant now = Instant.parse(d.at("/current/dueAt").asText());
        return directory.audience(conn, id(d, "trackId"), roles).map(people -> people.stream().map(p -> new Message(p.id(), p.email(),
                p.name(), Category.DEADLINES, d.get("milestoneName").asText() + " moved to " + d.at("/current/localRendering").asText(),
                List.of("\"" + d.get("milestoneName").asText() + "\" was " + d.path("summary").asText("moved") + "."
                        + (d.path("reason").asText("").isBlank() ? "" : " " + d.get("reason").asText())),
                List.of(new Fact("Before", d.at("/previous/localRendering").asText()), new Fact("Now", d.at("/current/localRendering").asText()),
                        new Fact("In your time zone", local(now, p))), new Link("Open your inbox", links.inbox()), links, null, null))
                .toList());
    }

    private Uni<List<Message>> meeting(SqlConnection conn, String type, JsonNode d, Links links) {
        List<Message> messages = new ArrayList<>();
        String title = title(d);
        String ics = "MeetingApproaching".equals(type) ? null : Ics.meeting(d, "MeetingCancelled".equals(type), config.organizerEmail());
        for (boolean toMentor : new boolean[]{true, false}) {
            JsonNode me = d.get(toMentor ? "mentor" : "mentee");
            JsonNode partner = d.get(toMentor ? "mentee" : "mentor");
            if (me == null || me.path("email").isMissingNode() || me.path("email").isNull()) {
                continue;
            }
            String partnerName = partner.path("name").asText("your partner");
            String when = me.path("localStart").asText(d.get("startsAt").asText());
            String subject;
            String paragraph;
            switch (type) {
                case "MeetingScheduled" -> {
                    subject = "Confirmed: " + title + " with " + partnerName;
                    paragraph = "Your " + title + " with " + partnerName + " is confirmed for " + when + ". The invitation is attached.";
                }
                case "MeetingRescheduled" -> {
                    subject = "Moved: " + title + " with " + partnerName;
                    paragraph = "Your " + title + " with " + partnerName + " moved to " + when + ". The updated invitation is attached.";
                }
                case "MeetingCancelled" -> {
                    subject = "Cancelled: " + title + " with " + partnerName;
                    paragraph = "Your " + title + " with " + partnerName + " on " + when + " is cancelled"
                            + (d.path("reason").asText("").isBlank() ? "." : ": " + d.get("reason").asText());
                }
                default -> {
                    subject = "Tomorrow: " + title + " with " + partnerName;
                    paragraph = "A reminder: your " + title + " with " + partnerName + " is on " + when + ".";
                }
            }
            messages.add(new Message(id(me, "participantId"), me.get("email").asText(), me.path("name").asText(null),
                    Category.MEETINGS, subject, List.of(paragraph), List.of(new Fact("When", when), new Fact("With", partnerName)),
                    new Link("Open the meeting", links.meeting(id(d, "meetingId"))), links, ics == null ? null : "meeting.ics", ics));
        }
        return Uni.createFrom().item(messages);
    }

    private Uni<List<Message>> draft(SqlConnection conn, JsonNode d, Links links) {
        JsonNode mentee = d.get("mentee");
        if (mentee == null || mentee.path("email").isNull() || mentee.path("email").isMissingNode()) {
            return Uni.createFrom().item(List.of());
        }
        String when = mentee.path("localStart").asText(d.get("startsAt").asText());
        String mentor = d.at("/mentor/name").asText("your mentor");
        return Uni.createFrom().item(List.of(new Message(id(mentee, "participantId"), mentee.get("email").asText(),
                mentee.path("name").asText(null), Category.MEETINGS, "Send your current draft to " + mentor,
                List.of("Your " + title(d) + " with " + mentor + " is on " + when + ". Please send " + mentor
                        + " your current draft now, so that they can read it before you meet."),
                List.of(new Fact("Meeting", when)), new Link("Open the meeting", links.meeting(id(d, "meetingId"))), links, null, null)));
    }

    private Uni<List<Message>> inactive(SqlConnection conn, JsonNode d, Links links) {
        Link pairing = new Link("Open the pairing", links.pairing(id(d, "pairingId")));
        long days = d.get("inactiveDays").asLong();
        return directory.organizers(conn, config.organizerEmails()).map(organizers -> {
            List<Message> messages = new ArrayList<>();
            for (String side : List.of("mentor", "mentee")) {
                JsonNode me = d.get(side);
                JsonNode partner = d.get("mentor".equals(side) ? "mentee" : "mentor");
                if (me.path("email").isTextual()) {
                    messages.add(new Message(id(me, "participantId"), me.get("email").asText(), me.path("name").asText(null),
                            Category.INACTIVITY, "It has been " + days + " days since you met " + partner.path("name").asText("your partner"),
                            List.of("You and " + partner.path("name").asText("your partner") + " have not met for " + days
                                    + " days. A short meeting keeps the mentorship going: propose a time in the app."),
                            List.of(), pairing, links, null, null));
                }
            }
            for (Person organizer : organizers) {
                messages.add(new Message(organizer.id(), organizer.email(), organizer.name(), Category.INACTIVITY,
                        "Inactive pairing: " + d.at("/mentor/name").asText("?") + " and " + d.at("/mentee/name").asText("?"),
                        List.of("This pairing has not met for " + days + " days. The pair has been reminded."),
                        List.of(new Fact("Pairing", d.get("pairingId").asText())), pairing, links, null, null));
            }
            return messages;
        });
    }

    private Uni<List<Message>> conduct(SqlConnection conn, JsonNode d, Links links) {
        return directory.organizers(conn, config.organizerEmails()).map(organizers -> organizers.stream()
                .map(o -> new Message(o.id(), o.email(), o.name(), Category.CONDUCT, "A conduct report was filed",
                        List.of("A confidential code-of-conduct report was filed. Read it in the platform (organizers only)."),
                        List.of(new Fact("Report", d.get("reportId").asText())), new Link("Open your inbox", links.inbox()), links,
                        null, null))
                .toList());
    }

    private static String title(JsonNode d) {
        return switch (d.path("kind").asText()) {
            case "FEEDBACK" -> "feedback session";
            case "ONE_ON_ONE" -> "1-1 session";
            default -> "mentoring meeting " + d.path("number").asInt(1);
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

    private static UUID id(JsonNode node, String field) {
        return UUID.fromString(node.get(field).asText());
    }
}
