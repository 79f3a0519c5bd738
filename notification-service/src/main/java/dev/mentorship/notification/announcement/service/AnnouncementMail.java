package dev.mentorship.notification.announcement.service;

import dev.mentorship.notification.announcement.Announcement;
import dev.mentorship.notification.announcement.Announcement.Audience;
import dev.mentorship.notification.fanout.Links;
import dev.mentorship.notification.fanout.Message;
import dev.mentorship.notification.fanout.NotificationsConfig;
import dev.mentorship.notification.fanout.Renderer;
import dev.mentorship.notification.preference.OptOut;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What an announcement says, as a {@link Message} rendered by the usual templates (HTML-escaped, like every mail): who
 * writes to whom ("The organizers of ML4H 2025 write to the mentees on the waitlist of Career Mentorship (ML4H 2025):"),
 * the organizer's plain text in paragraphs, the inbox link; an essential one says so first and, at its foot, why the
 * reader gets it although it cannot be turned off; an optional one ends with its one-click unsubscribe link.
 */
@ApplicationScoped
public class AnnouncementMail {

    private final Renderer renderer;
    private final NotificationsConfig config;

    public AnnouncementMail(Renderer renderer, NotificationsConfig config) {
        this.renderer = renderer;
        this.config = config;
    }

    /** The program's and track's names and the frontend the links lead to. */
    public record Context(String programName, String trackName, Links links) {
    }

    /** The names as this service knows them (ProgramPublished); "your program" where it was never told. */
    public Uni<Context> context(SqlClient sql, UUID programId, UUID trackId) {
        return sql.preparedQuery("""
                        select (select name from program_info where program_id = $1) as program_name,
                          (select program_name from track_info where program_id = $1 limit 1) as track_program_name,
                          (select name from track_info where track_id = $2 and program_id = $1) as track_name,
                          (select frontend_url from track_info where program_id = $1 and frontend_url is not null limit 1) as frontend_url""")
                .execute(Tuple.of(programId, trackId)).map(rows -> {
                    Row row = rows.iterator().next();
                    String program = row.getString("program_name") != null ? row.getString("program_name")
                            : row.getString("track_program_name") != null ? row.getString("track_program_name") : "your program";
                    return new Context(program, row.getString("track_name"), Links.of(programId, row.getString("frontend_url"), config.frontendUrl()));
                });
    }

    /** "the mentees on the waitlist of Career Mentorship (ML4H 2025)". */
    public static String audience(Audience audience, Context context) {
        String people = audience.role() == null ? "participants" : audience.role() == Announcement.Role.MENTOR ? "mentors" : "mentees";
        String who = audience.status() == null ? people : switch (audience.status()) {
            case MATCHED -> "paired " + people;
            case WAITLISTED -> people + " on the waitlist";
            case WITHDRAWN -> people + " who withdrew their registration";
            case LATE -> people + " who registered after the application deadline";
        };
        String of = audience.trackId() != null && context.trackName() != null
                ? context.trackName() + " (" + context.programName() + ")" : context.programName();
        return "the " + who + " of " + of;
    }

    /** The message for one reader. */
    public Message message(Announcement a, Context context, UUID recipientId, String email, String name) {
        List<String> paragraphs = new ArrayList<>();
        if (a.essential) {
            paragraphs.add("Essential message of " + context.programName() + ": the organizers marked it as essential, so it reaches "
                    + "everyone it is meant for, whatever their email choices.");
        }
        paragraphs.add("The organizers of " + context.programName() + " write to " + audience(a.audience(), context) + ":");
        paragraphs.addAll(paragraphs(a.body));
        return new Message(recipientId, email, name, Message.Category.ANNOUNCEMENTS, a.subject, paragraphs, List.of(),
                new Message.Link("Open your inbox", context.links().inbox()), context.links(), null, null);
    }

    /** Renders the mail: an essential one without an unsubscribe link, saying why it reaches the reader anyway. */
    public Renderer.Rendered render(Announcement a, Context context, Message m) {
        if (a.essential) {
            return renderer.render(m, null, "You receive this because you are one of " + audience(a.audience(), context)
                    + ", and the organizers marked this message as essential to the program: it cannot be turned off.");
        }
        return renderer.render(m, OptOut.ANNOUNCEMENTS);
    }

    /** The organizer's plain text in paragraphs: split at blank lines, each stripped, empty ones left out. */
    static List<String> paragraphs(String body) {
        List<String> out = new ArrayList<>();
        for (String paragraph : body.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n")) {
            String p = paragraph.strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }
}
