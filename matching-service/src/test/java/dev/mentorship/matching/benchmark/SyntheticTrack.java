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

    /**
     * Career topics: the eight the ML4H pages suggest first (most people pick those), then topics people name in their
     * own words, some close to a suggested one ("finding a job in industry" ~ "job search"), most not; sampled by Zipf's
     * law, so that a pair shares anything from every topic to none and scores vary.
     */
    private static final String[] TOPICS = {"job search", "work-life balance", "long-term research plan",
        "academia vs industry", "grant writing", "visa and relocation", "starting a lab", "mental health",
        "finding a job in industry", "balancing work and family life", "writing a research plan", "grant proposals for a first lab",
        "choosing a PhD advisor", "publishing strategy", "networking at conferences", "teaching and supervising students",
        "managing a team", "negotiating an offer", "moving abroad for a postdoc", "impostor syndrome",
        "clinical collaborations", "open source and reproducibility", "founding a startup", "reviewing papers",
        "parenthood and research", "leadership in a hospital", "getting a first paper accepted", "communicating with clinicians",
        "regulatory approval of models", "career change into health AI", "faculty applications", "industry research labs"};
    private static final double[] TOPIC_CDF = zipf(TOPICS.length, 1.0);
    /** Monday of a one-on-one week, 00:00 UTC. */
    private static final long WEEK = 4_102_444_800L;

    /**
     * Career-track mentees: one to three topics, free one to three hours on one to three days of the week (so that
     * only some mentors share an hour with them, and a shared hour counts half of two).
     */
    public List<Person> careerMentees(int count) {
        return career(count, false);
    }

    /**
     * Career-track mentors: two to four topics, free hours as mentees, a capacity of 2 to 6 (room for more mentees than
     * there are, so that who gets the aimed-for 3 is the question, not who gets a mentor at all).
     */
    public List<Person> careerMentors(int count) {
        return career(count, true);
    }

    private List<Person> career(int count, boolean mentor) {
        List<Person> people = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            Set<String> topics = new LinkedHashSet<>();
            int k = (mentor ? 2 : 1) + random.nextInt(3);
            while (topics.size() < k) {
                topics.add(TOPICS[sample(TOPIC_CDF)]);
            }
            List<long[]> hours = new ArrayList<>();
            Set<Integer> days = new LinkedHashSet<>();
            int d = 1 + random.nextInt(3);
            while (days.size() < d) {
                days.add(random.nextInt(7));
            }
            for (int day : days) {
                long start = WEEK + day * 86_400L + (7 + random.nextInt(12)) * 3_600L;
                hours.add(new long[]{start, start + (1 + random.nextInt(3)) * 3_600L});
            }
            hours.sort(java.util.Comparator.comparingLong(h -> h[0]));
            people.add(new Person(UUID.randomUUID(), (mentor ? "Mentor " : "Mentee ") + p, "Institution " + sample(affiliationCdf),
                    List.of(), "", List.copyOf(topics), hours, mentor ? 2 + random.nextInt(5) : 0));
        }
        return people;
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
