package dev.mentorship.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Mail as the local stack's SMTP server (GreenMail) received it, read back over its API. */
final class Mail {

    record Message(String subject, String text) {
    }

    /** A received message's subject and Message-ID (the same ID twice is one message sent twice). */
    record Raw(String subject, String messageId) {
    }

    private Mail() {
    }

    static List<Message> of(String email) {
        Http.Response response = Http.get(Stack.MAIL_API + "/api/user/" + email + "/messages/", null);
        List<Message> messages = new ArrayList<>();
        if (response.status() != 200) {
            return messages;
        }
        for (JsonNode m : response.json()) {
            messages.add(new Message(m.path("subject").asText(), m.path("mimeMessage").asText(m.toString())));
        }
        return messages;
    }

    static List<Raw> raw(String email) {
        Http.Response response = Http.get(Stack.MAIL_API + "/api/user/" + email + "/messages/", null);
        List<Raw> messages = new ArrayList<>();
        if (response.status() == 200) {
            for (JsonNode m : response.json()) {
                messages.add(new Raw(m.path("subject").asText(), m.path("Message-ID").asText()));
            }
        }
        return messages;
    }

    /** Every message the address received, as the raw MIME the SMTP server stored (headers and body as sent). */
    static List<String> mime(String email) {
        Http.Response response = Http.get(Stack.MAIL_API + "/api/user/" + email + "/messages/", null);
        List<String> messages = new ArrayList<>();
        if (response.status() == 200) {
            for (JsonNode m : response.json()) {
                if (!m.hasNonNull("mimeMessage")) {
                    throw new AssertionError("the mail API gave no raw MIME for a message of " + email + ": " + m.toString().substring(0, Math.min(200, m.toString().length())));
                }
                messages.add(m.get("mimeMessage").asText());
            }
        }
        return messages;
    }

    static Message await(String email, Predicate<Message> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            for (Message m : of(email)) {
                if (filter.test(m)) {
                    return m;
                }
            }
            SeasonEndToEndTest.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(email + " never got the mail; has: " + of(email).stream().map(Message::subject).toList());
    }
}
