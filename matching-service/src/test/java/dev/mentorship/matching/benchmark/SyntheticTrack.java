package dev.mentorship.matching.benchmark;

import dev.mentorship.matching.scoring.Person;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Generated people with realistic interest distributions: research keywords and institutions follow Zipf's law
 * (a few topics like "deep learning" are everyone's, most are a handful of people's), mentees name 3 to 8 keywords,
 * mentors 4 to 10, free text mixes their keywords' words with common filler, mentor capacity is 1 to 4.
 */
public final class SyntheticTrack {

    private static final String[] FILLER = {"clinical", "patients", "data", "model", "models", "learning", "health",
            "methods", "outcomes", "study", "hospital", "records", "prediction", "evaluation", "robust", "fair"};

    private final Random random;
    private final double[] keywordCdf;
    private final double[] affiliationCdf;

    public SyntheticTrack(long seed, int keywords, int affiliations) {
        this.random = new Random(seed);
        this.keywordCdf = zipf(keywords, 1.0);
        this.affiliationCdf = zipf(affiliations, 1.1);
    }

    public List<Person> mentees(int count) {
        return people(count, 3, 8, false);
    }

    public List<Person> mentors(int count) {
        return people(count, 4, 10, true);
    }

    private List<Person> people(int count, int minKeywords, int maxKeywords, boolean mentor) {
        List<Person> people = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            int k = minKeywords + random.nextInt(maxKeywords - minKeywords + 1);
            Set<String> keywords = new LinkedHashSet<>();
            while (keywords.size() < k) {
                keywords.add("keyword " + sample(keywordCdf));
            }
            StringBuilder text = new StringBuilder();
            for (String keyword : keywords) {
                if (random.nextBoolean()) {
                    text.append(keyword.replace(' ', 'x')).append(' ');
                }
            }
            for (int w = 0; w < 8; w++) {
                text.append(FILLER[random.nextInt(FILLER.length)]).append(' ');
            }
            people.add(new Person(UUID.randomUUID(), (mentor ? "Mentor " : "Mentee ") + p,
                    "Institution " + sample(affiliationCdf), List.copyOf(keywords), text.toString(), List.of(), List.of(),
                    mentor ? 1 + random.nextInt(4) : 0));
        }
        return people;
    }

    private int sample(double[] cdf) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[] zipf(int n, double exponent) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int r = 0; r < n; r++) {
            sum += 1.0 / Math.pow(r + 1, exponent);
            cdf[r] = sum;
        }
        for (int r = 0; r < n; r++) {
            cdf[r] /= sum;
        }
        return cdf;
    }
}
