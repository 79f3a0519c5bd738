package dev.mentorship.notification.fanout;

import java.util.List;
import java.util.UUID;

/**
 * One message for one person: what their inbox shows and what their email says. {@code email} null means in the
 * app only (no address known). {@code link} is where the message leads in the frontend (the mail's button and the
 * inbox entry's link); {@code links} are the frontend's routes for the recipient's program (the preferences link).
 */
public record Message(UUID recipientId, String email, String name, Category category, String subject,
                      List<String> paragraphs, List<Fact> facts, Link link, Links links, String attachmentName, String attachment,
                      boolean digestOnly) {

    /** A message mailed on its own (or in the person's digest, if they chose one). */
    public Message(UUID recipientId, String email, String name, Category category, String subject, List<String> paragraphs,
                   List<Fact> facts, Link link, Links links, String attachmentName, String attachment) {
        this(recipientId, email, name, category, subject, paragraphs, facts, link, links, attachmentName, attachment, false);
    }

    /** The same message, mailed only in the recipient's daily digest (organizers' overview of many pairs). */
    public Message inDigest() {
        return new Message(recipientId, email, name, category, subject, paragraphs, facts, link, links, attachmentName, attachment, true);
    }

    /** A labelled value, e.g. "Your mentor: Maria Lopez (maria@example.org)". */
    public record Fact(String label, String value) {
    }

    /** Where a message leads: "Open your pairing", https://mentorship.example.org/pairings/… */
    public record Link(String label, String url) {
    }

    /** What a message is about; it decides whether the person may turn its email off. */
    public enum Category {
        /** registration confirmations: always by email */
        ACCOUNT(true),
        /** pairings and the waitlist: always by email */
        PAIRING(true),
        /** deadline reminders and moved deadlines */
        DEADLINES(false),
        /** meetings, their reminders and draft reminders */
        MEETINGS(false),
        /** inactive pairings */
        INACTIVITY(false),
        /** programs a person follows and new editions of programs they took part in: their application deadlines */
        PROGRAM_NEWS(false),
        /** the organizers' announcements to an audience of their program (an essential one is mailed whatever the choice) */
        ANNOUNCEMENTS(false),
        /** conduct reports (organizers): always by email */
        CONDUCT(true);

        public final boolean mandatory;

        Category(boolean mandatory) {
            this.mandatory = mandatory;
        }

        /** For a notice that cannot be turned off, the line of its mail that says why; null for optional ones. */
        public String whyMandatory() {
            return switch (this) {
                case ACCOUNT -> "You receive this because it concerns your registration; it cannot be turned off.";
                case PAIRING -> "You receive this because it concerns your pairing; it cannot be turned off.";
                case CONDUCT -> "You receive this because it concerns the code of conduct of a program you organize; it cannot be turned off.";
                default -> null;
            };
        }
    }

    /** The text of the inbox entry: the paragraphs and facts, plain. */
    public String plainBody() {
        StringBuilder body = new StringBuilder();
        for (String paragraph : paragraphs) {
            body.append(paragraph).append("\n\n");
        }
        for (Fact fact : facts) {
            body.append(fact.label()).append(": ").append(fact.value()).append('\n');
        }
        return body.toString().strip();
    }
}
