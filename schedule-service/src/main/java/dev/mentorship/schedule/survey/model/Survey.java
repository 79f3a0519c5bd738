package dev.mentorship.schedule.survey.model;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.mentorship.runtime.persistence.JsonText;
import dev.mentorship.schedule.persistence.JsonColumns;
import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.program.ProgramDefinition;
import dev.mentorship.schedule.program.ProgramTime;
import dev.mentorship.schedule.program.Role;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A survey of a track (issue 20): who answers (roles of the track), its window (opened and closed by two of the track's
 * milestones, moving with them), whether it is anonymous, its questions. SCHEDULED until it opens, OPEN while people
 * answer, CLOSED once its results are frozen.
 */
@Entity
@Table(name = "survey")
public class Survey extends PanacheEntityBase {

    public enum Status { SCHEDULED, OPEN, CLOSED }

    @Id
    public UUID id;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    @Column(nullable = false)
    public String key;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(nullable = false)
    public boolean anonymous;

    @Convert(converter = JsonColumns.RoleSet.class)
    @Column(nullable = false)
    public Set<Role> audience = new TreeSet<>();

    @Column(name = "opens_milestone_id", nullable = false)
    public UUID opensMilestoneId;

    @Column(name = "closes_milestone_id", nullable = false)
    public UUID closesMilestoneId;

    @Column(name = "opens_at", nullable = false)
    public Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    @Convert(converter = Questions.class)
    @Column(nullable = false)
    public List<Question> questions = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(nullable = false)
    public int position;

    @Version
    public long version;

    /** A new track's surveys as its definition lists them (checked by {@code ProgramRules}), not yet persisted. */
    public static List<Survey> of(UUID programId, UUID trackId, List<ProgramDefinition.SurveyDefinition> definitions,
                                  Map<String, Milestone> milestonesByKey) {
        List<Survey> surveys = new ArrayList<>();
        if (definitions == null) {
            return surveys;
        }
        for (ProgramDefinition.SurveyDefinition definition : definitions) {
            Survey survey = new Survey();
            survey.id = UUID.randomUUID();
            survey.programId = programId;
            survey.trackId = trackId;
            survey.key = definition.key();
            survey.title = definition.title();
            survey.description = definition.description();
            survey.anonymous = definition.anonymous();
            survey.audience = new TreeSet<>(definition.audience());
            Milestone opens = milestonesByKey.get(definition.opensWith());
            Milestone closes = milestonesByKey.get(definition.closesWith());
            survey.opensMilestoneId = opens.id;
            survey.closesMilestoneId = closes.id;
            survey.opensAt = opensAt(opens);
            survey.closesAt = closesAt(closes);
            survey.questions = definition.questions().stream().map(q -> new Question(q.key(), q.text(), q.type(),
                    q.options() == null || q.options().isEmpty() ? null : List.copyOf(q.options()), q.required())).toList();
            survey.status = Status.SCHEDULED;
            survey.position = surveys.size();
            surveys.add(survey);
        }
        return surveys;
    }

    /** When a survey opened by this milestone opens: the start of its (first) date in its zone. */
    public static Instant opensAt(Milestone milestone) {
        return ProgramTime.startOf(milestone.date, milestone.timeZone);
    }

    /** When a survey closed by this milestone closes: its instant (a date-only deadline: 23:59:59 of its date). */
    public static Instant closesAt(Milestone milestone) {
        return milestone.dueAt;
    }

    public Question question(String key) {
        return questions.stream().filter(q -> q.key().equals(key)).findFirst().orElse(null);
    }

    @Converter
    public static class Questions implements AttributeConverter<List<Question>, String> {
        @Override
        public String convertToDatabaseColumn(List<Question> questions) {
            return JsonText.write(questions == null ? List.of() : questions);
        }

        @Override
        public List<Question> convertToEntityAttribute(String column) {
            return JsonText.read(column, "[]", new TypeReference<List<Question>>() { });
        }
    }
}
