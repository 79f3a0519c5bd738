package dev.mentorship.notification.fanout;

import java.util.List;
import java.util.UUID;

/**
 * One message for one person: what their inbox shows and what their email says. {@code email} null means in the
 * app only (no address known).
 */
public record Message(UUID recipientId, String email, String name, Category category, String subject,
                      List<String> paragraphs, List<Fact> facts, String link, String attachmentName, String attachment) {

    /** A labelled value, e.g. "Your mentor: Maria Lopez (maria@example.org)". */
    public record Fact(String label, String value) {
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
        /** conduct reports (organizers): always by email */
        CONDUCT(true);

        public final boolean mandatory;

        Category(boolean mandatory) {
            this.mandatory = mandatory;
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
