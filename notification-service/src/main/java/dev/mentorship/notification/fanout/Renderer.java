package dev.mentorship.notification.fanout;

import dev.mentorship.notification.preference.OptOut;
import dev.mentorship.notification.preference.UnsubscribeTokens;
import dev.mentorship.runtime.text.SingleLine;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/**
 * Renders a message's email with the Qute templates mail/message.txt and mail/message.html (HTML-escaped): its deep
 * link into the frontend, and at the foot either the one-click unsubscribe link (optional notices; the same URL goes
 * into the List-Unsubscribe header) or one line saying why the notice cannot be turned off, and the preferences.
 */
@ApplicationScoped
public class Renderer {

    private final Template text;
    private final Template html;
    private final UnsubscribeTokens unsubscribe;

    public Renderer(@Location("mail/message.txt") Template text, @Location("mail/message.html") Template html, UnsubscribeTokens unsubscribe) {
        this.text = text;
        this.html = html;
        this.unsubscribe = unsubscribe;
    }

    /** The mail; {@code unsubscribeUrl} is its one-click unsubscribe URL (RFC 8058), null for a mandatory notice. */
    public record Rendered(String subject, String text, String html, String unsubscribeUrl) {
    }

    /** A notice of the message's category: optional ones can be unsubscribed from, one kind at a time. */
    public Rendered render(Message m) {
        return render(m, OptOut.of(m.category()));
    }

    /** {@code optOut}: what the mail's unsubscribe link turns off; null for a notice that cannot be turned off. */
    public Rendered render(Message m, OptOut optOut) {
        return render(m, optOut, null);
    }

    /** As {@link #render(Message, OptOut)}, with the foot's line saying why the reader gets it ({@code why} null: the usual one). */
    public Rendered render(Message m, OptOut optOut, String reason) {
        String unsubscribeUrl = optOut == null ? null : unsubscribe.url(m.recipientId(), optOut);
        String why = reason != null ? reason
                : optOut != null ? "You receive this because you get " + optOut.description + " by email."
                : m.category().whyMandatory() != null ? m.category().whyMandatory()
                : "You receive this because you take part in a mentorship program.";
        Map<String, Object> data = new HashMap<>();
        data.put("name", m.name() == null ? "there" : m.name());
        data.put("subject", m.subject());
        data.put("paragraphs", m.paragraphs());
        data.put("facts", m.facts());
        data.put("link", m.link() == null ? "" : m.link().url());
        data.put("linkLabel", m.link() == null ? "" : m.link().label());
        data.put("why", why);
        data.put("unsubscribe", unsubscribeUrl == null ? "" : unsubscribeUrl);
        data.put("preferences", m.links().preferences());
        // the subject becomes a header: one line, whatever a name in it holds (the mailer encodes what is left)
        return new Rendered(SingleLine.Validator.flatten(m.subject()), text.data(data).render(), html.data(data).render(), unsubscribeUrl);
    }
}
