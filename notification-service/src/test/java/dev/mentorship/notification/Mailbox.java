package dev.mentorship.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Mail as the SMTP server received it: recipient, subject, plain text, HTML, calendar attachment, and the
 * one-click unsubscribe headers (RFC 8058; null when absent).
 */
public final class Mailbox {

    public record Mail(String to, String subject, String text, String html, String calendar, String calendarContentType,
                       String listUnsubscribe, String listUnsubscribePost) {
    }

    private Mailbox() {
    }

    public static List<Mail> all() {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : SmtpServer.mail().getReceivedMessages()) {
            mails.add(read(message));
        }
        return mails;
    }

    public static List<Mail> to(String address) {
        return all().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    /** Waits until {@code count} mails match; returns them. */
    public static List<Mail> await(Predicate<Mail> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Mail> found;
        do {
            found = all().stream().filter(filter).toList();
            if (found.size() >= count) {
                return found;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        return found;
    }

    private static Mail read(MimeMessage message) {
        try {
            String to = Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).findFirst().orElse("");
            String[] parts = new String[4];
            collect(message.getContent(), message.getContentType(), parts);
            return new Mail(to, message.getSubject(), parts[0], parts[1], parts[2], parts[3],
                    header(message, "List-Unsubscribe"), header(message, "List-Unsubscribe-Post"));
        } catch (Exception e) {
            throw new AssertionError("Unreadable mail", e);
        }
    }

    /** A header's value, unfolded (a long header may be folded over lines); null when absent. */
    private static String header(MimeMessage message, String name) throws jakarta.mail.MessagingException {
        String value = message.getHeader(name, null);
        return value == null ? null : jakarta.mail.internet.MimeUtility.unfold(value).strip();
    }

    private static void collect(Object content, String type, String[] parts) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), parts);
            }
            return;
        }
        String text;
        if (content instanceof String s) {
            text = s;
        } else if (content instanceof java.io.InputStream in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } else {
            text = String.valueOf(content);
        }
        String lower = type.toLowerCase();
        if (lower.startsWith("text/calendar")) {
            parts[2] = text;
            parts[3] = type;
        } else if (lower.startsWith("text/html")) {
            parts[1] = text;
        } else if (lower.startsWith("text/plain") && parts[0] == null) {
            parts[0] = text;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
