package dev.mentorship.participant.registration.service;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Career topics as a person names them. The track's topics are suggestions (the ML4H pages give them as examples,
 * "e.g."): any topic is accepted, none is refused for not being on the list. Each is normalised: Unicode NFKC,
 * white space trimmed and collapsed; one that is a suggested topic in another spelling (case, punctuation,
 * separators: "Work/Life Balance!") takes the suggested spelling; duplicates (ignoring case and punctuation) are
 * dropped, the first kept, order kept. Matching compares topics by similarity (matching-service), so free wording
 * still counts.
 */
public final class CareerTopics {

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private CareerTopics() {
    }

    /** The topics normalised, with the suggested spelling where one is meant; null entries and blank ones dropped. */
    public static List<String> normalise(List<String> given, List<String> suggested) {
        Map<String, String> offered = new HashMap<>();
        for (String topic : suggested) {
            offered.putIfAbsent(key(topic), topic);
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String topic : given) {
            String key = key(topic);
            if (!key.isEmpty()) {
                kept.putIfAbsent(key, offered.getOrDefault(key, display(topic)));
            }
        }
        return new ArrayList<>(kept.values());
    }

    /** A topic as shown: NFKC, trimmed, every run of white space one space. */
    static String display(String topic) {
        if (topic == null) {
            return "";
        }
        return SPACES.matcher(Normalizer.normalize(topic, Normalizer.Form.NFKC)).replaceAll(" ").strip();
    }

    /** What two spellings of one topic share: lower case, words only ("work-life balance" = "Work/Life Balance!"). */
    static String key(String topic) {
        return NOT_A_WORD.matcher(display(topic).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
