package dev.mentorship.participant.profile;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Research interests and topics as normalised keywords, so that "Machine-Learning ", "machine learning" and
 * "MACHINE_LEARNING" are one keyword for matching: Unicode NFKC, lower case, separators (- _ / and runs of
 * white space) as one space, no leading or trailing punctuation, duplicates dropped, order kept.
 */
public final class Keywords {

    private Keywords() {
    }

    public static String normalise(String keyword) {
        if (keyword == null) {
            return "";
        }
        String text = Normalizer.normalize(keyword, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        text = text.replaceAll("[\\-_/\\s]+", " ");
        text = text.replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
        return text;
    }

    public static List<String> normalise(List<String> keywords) {
        if (keywords == null) {
            return List.of();
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String keyword : keywords) {
            String normalised = normalise(keyword);
            if (!normalised.isEmpty()) {
                unique.add(normalised);
            }
        }
        return new ArrayList<>(unique);
    }
}
