package dev.mentorship.notification.contact;

/**
 * A program's code of conduct as its mails name it: its title and version, where it is published and where the
 * program has violations reported (an address; null: the program names none, and reports go through the platform's
 * conduct report form to its conduct contacts). url and reportContact are null where the program names none.
 */
public record CodeOfConduct(String title, String version, String url, String reportContact) {

    /** "To report a violation, contact info@ml4h.cc." or, without a report contact, the platform's form. */
    public String howToReport() {
        return reportContact == null
                ? "To report a violation, use the conduct report form in the platform."
                : "To report a violation, contact " + reportContact + " or use the conduct report form in the platform.";
    }
}
