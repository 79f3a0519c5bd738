package dev.mentorship.notification.fanout;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

/** Renders a message's email with the Qute templates mail/message.txt and mail/message.html (HTML-escaped). */
@ApplicationScoped
public class Renderer {

    static final String FOOTER = "You receive this because you take part in a mentorship program. "
            + "Choose which notices you get by email in your notification preferences.";

    private final Template text;
    private final Template html;

    public Renderer(@Location("mail/message.txt") Template text, @Location("mail/message.html") Template html) {
        this.text = text;
        this.html = html;
    }

    public record Rendered(String subject, String text, String html) {
    }

    public Rendered render(Message m) {
        var data = java.util.Map.<String, Object>of("name", m.name() == null ? "there" : m.name(), "subject", m.subject(),
                "paragraphs", m.paragraphs(), "facts", m.facts(), "link", m.link() == null ? "" : m.link(), "footer", FOOTER);
        return new Rendered(m.subject(), text.data(data).render(), html.data(data).render());
    }
}
