package dev.mentorship.matching.scoring;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Career topics are suggestions: a topic in a person's own words counts by its similarity to the mentor's topics,
 * the same topic in any spelling counts fully, and the explanation names what matched and never a zero part.
 */
class CareerTopicScoresTest {

    /** Monday of a one-on-one week, 00:00 UTC. */
    private static final long WEEK = 4_102_444_800L;
    private static final List<long[]> MONDAY = List.<long[]>of(new long[]{WEEK + 14 * 3600, WEEK + 17 * 3600});
    private static final TrackScores.Policy CAREER = new TrackScores.Policy(Weights.CAREER, false, 0, 0);

    private static Person person(String name, List<String> topics, List<long[]> hours) {
        return new Person(UUID.randomUUID(), name, "Institution " + name, List.of(), "", topics, hours, 4);
    }

    private static TrackScores career(List<Person> mentees, List<Person> mentors) {
        return new TrackScores(TrackScores.Kind.CAREER, CAREER, mentees, mentors, Set.of());
    }

    @Test
    void aFreeTopicScoresAboveAnUnrelatedOneAndTheSuggestedTopicInAnySpellingCountsFully() {
        TrackScores scores = career(
                List.of(person("mentee", List.of("Finding a job in industry"), MONDAY),
                        person("balance", List.of("Work/Life Balance"), MONDAY)),
                List.of(person("industry", List.of("job search in industry"), MONDAY),
                        person("grants", List.of("grant writing"), MONDAY),
                        person("suggested", List.of("work-life balance", "long-term research plan"), MONDAY)));

        assertThat(scores.topicSimilarity(0, 0)).isGreaterThan(0.5);
        assertThat(scores.topicSimilarity(0, 1)).isZero();
        assertThat(scores.raw(0, 0)).isGreaterThan(scores.raw(0, 1));
        assertThat(scores.topicSimilarity(1, 2)).isEqualTo(1.0);
        assertThat(scores.raw(1, 2)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void wordFormsMeetAndOneCommonWordAmongManyIsChance() {
        TrackScores scores = career(
                List.of(person("a", List.of("balancing work and life"), MONDAY),
                        person("b", List.of("planning my long term research"), MONDAY),
                        person("c", List.of("doing healthcare research in industry while raising kids abroad"), MONDAY)),
                List.of(person("m", List.of("work-life balance", "long-term research plan", "mental health"), MONDAY)));

        assertThat(scores.topicSimilarity(0, 0)).isEqualTo(1.0);
        assertThat(scores.topicSimilarity(1, 0)).isGreaterThan(0.8);
        assertThat(scores.topicSimilarity(2, 0)).isZero();
    }

    @Test
    void theExplanationNamesWhatMatchedAndNeverAZeroPart() {
        TrackScores scores = career(
                List.of(person("mentee", List.of("finding a job in industry", "work-life balance", "astrology"), List.of())),
                List.of(person("mentor", List.of("Job search in industry", "work-life balance"), MONDAY)));

        Explanation explanation = Explanations.of(scores, 0, 0);

        assertThat(explanation.sharedTopics())
                .containsExactly("finding a job in industry ~ Job search in industry", "work-life balance");
        assertThat(explanation.summary())
                .startsWith("Score ")
                .contains("Shared topics: finding a job in industry ~ Job search in industry, work-life balance")
                .doesNotContain("astrology")
                .doesNotContain(" 0 h")
                .doesNotContainPattern("(?<![0-9])0 %");
        assertThat(explanation.sharedHours()).isZero();
    }

    @Test
    void researchInterestsWithNothingInCommonSayNoZeroPercent() {
        Person mentee = new Person(UUID.randomUUID(), "mentee", "A", List.of("causal inference"), "counterfactual outcomes",
                List.of(), List.of(), 0);
        Person mentor = new Person(UUID.randomUUID(), "mentor", "B", List.of("medical imaging"), "segmentation networks",
                List.of(), List.of(), 2);
        Person similar = new Person(UUID.randomUUID(), "similar", "C", List.of("causal inference"), "segmentation networks",
                List.of(), List.of(), 2);
        TrackScores scores = new TrackScores(TrackScores.Kind.INTERESTS,
                new TrackScores.Policy(new Weights(1, 0, 0, 0), false, 0, 0), List.of(mentee), List.of(mentor, similar), Set.of());

        Explanation none = Explanations.of(scores, 0, 0);
        Explanation shared = Explanations.of(scores, 0, 1);

        assertThat(none.summary()).isEqualTo("Score 0/100. No research interest in common.");
        assertThat(shared.summary()).isEqualTo("Score 100/100. Shared interests: causal inference.");
        for (Explanation e : List.of(none, shared)) {
            assertThat(e.summary()).doesNotContainPattern("(?<![0-9])0 %");
            assertThat(e.rules()).noneMatch(rule -> rule.matches(".*(?<![0-9])0 %.*"));
            assertThat(e.rules().get(0)).isEqualTo("research interests: keywords 100 % (rare shared keywords count more)");
        }
    }

    @Test
    void manyDistinctFreeTopicsScoreAsFewDo() {
        // more distinct topics than the similarity table holds: similarities are then computed per pair, alike
        List<Person> mentees = new ArrayList<>();
        mentees.add(person("first", List.of("finding a job in industry"), MONDAY));
        for (int p = 0; p < TopicSimilarity.TABLE_LIMIT / 5 + 1; p++) {
            List<String> own = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                own.add("free topic " + p + "x" + t);
            }
            mentees.add(person("p" + p, own, MONDAY));
        }
        List<Person> mentors = List.of(person("industry", List.of("job search in industry"), MONDAY));
        TrackScores many = career(mentees, mentors);
        TrackScores few = career(mentees.subList(0, 1), mentors);

        assertThat(many.topicSimilarity(0, 0)).isEqualTo(few.topicSimilarity(0, 0)).isGreaterThan(0.5);
        assertThat(many.sharedTopics(0, 0)).isEqualTo(few.sharedTopics(0, 0));
        assertThat(many.topicSimilarity(1, 0)).isZero();
    }
}
