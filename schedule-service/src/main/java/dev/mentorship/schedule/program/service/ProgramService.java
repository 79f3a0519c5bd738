package dev.mentorship.schedule.program.service;

import dev.mentorship.runtime.outbox.Outbox;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.problem.InvalidRequestException;
import dev.mentorship.runtime.problem.Problem.FieldError;
import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.runtime.staff.StaffMember;
import dev.mentorship.schedule.event.Topics;
import dev.mentorship.schedule.groupsession.GroupSession;
import dev.mentorship.schedule.groupsession.service.GroupSessionService;
import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.program.MilestoneChange;
import dev.mentorship.schedule.program.PairingsEnd;
import dev.mentorship.schedule.program.Program;
import dev.mentorship.schedule.program.ProgramDefinition;
import dev.mentorship.schedule.program.ProgramTime;
import dev.mentorship.schedule.program.Track;
import dev.mentorship.schedule.program.event.MilestoneRescheduled;
import dev.mentorship.schedule.program.event.ProgramPublished;
import dev.mentorship.schedule.reminder.service.ReminderPlanner;
import dev.mentorship.schedule.survey.model.Survey;
import dev.mentorship.schedule.survey.service.SurveyLifecycle;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import dev.mentorship.runtime.http.IfMatch;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** Programs as data: organizers create them (or import a program file), publish them and move their milestones. */
@ApplicationScoped
public class ProgramService {

    /** A program with its tracks, milestones (by track, in order) and the history of milestone changes. */
    public record ProgramAggregate(Program program, List<Track> tracks, Map<UUID, List<Milestone>> milestones,
                                   Map<UUID, List<MilestoneChange>> changes, Map<UUID, List<GroupSession>> sessions) {

        public ProgramAggregate(Program program, List<Track> tracks, Map<UUID, List<Milestone>> milestones,
                                Map<UUID, List<MilestoneChange>> changes) {
            this(program, tracks, milestones, changes, Map.of());
        }
    }

    private final Outbox outbox;
    private final ReminderPlanner reminders;
    private final StaffService staff;
    private final SurveyLifecycle surveys;
    private final Clock clock;

    public ProgramService(Outbox outbox, ReminderPlanner reminders, StaffService staff, SurveyLifecycle surveys, Clock clock) {
        this.outbox = outbox;
        this.reminders = reminders;
        this.staff = staff;
        this.surveys = surveys;
        this.clock = clock;
    }

    /** Who asks: a person, and whether they are a platform admin (who sees every draft). */
    public record Viewer(UUID id, boolean admin) {
    }

    /** Published programs, and the drafts of the programs the viewer is on the staff of (admins: every draft). */
    @WithSession
    public Uni<Page<Program>> list(Viewer viewer, int page, int size) {
        return Page.of(viewer.admin() ? Program.newestFirst() : Program.visibleTo(viewer.id()), page, size);
    }

    /**
     * Creates a draft from a definition; announced extensions become the milestones' history. The creator becomes the
     * program's first organizer, with every grant (they appoint others and may then step down).
     */
    @WithTransaction
    public Uni<ProgramAggregate> create(ProgramDefinition definition, StaffService.Appointment creator) {
        UUID organizer = creator.personId();
        List<FieldError> errors = ProgramRules.check(definition);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(errors));
        }
        return Program.count("name", definition.name()).chain(existing -> {
            if (existing > 0) {
                return Uni.createFrom().failure(ProblemException.conflict(
                        "A program named \"" + definition.name() + "\" exists already"));
            }
            return persistNew(definition, organizer)
                    .call(created -> staff.appointCreator(created.program().id, creator));
        });
    }

    private Uni<ProgramAggregate> persistNew(ProgramDefinition definition, UUID organizer) {
        Program program = new Program();
        program.id = UUID.randomUUID();
        program.conference = definition.conference();
        program.name = definition.name();
        program.description = definition.description();
        program.timeZone = definition.timeZone() == null ? ProgramTime.AOE : definition.timeZone();
        program.frontendUrl = ProgramRules.frontendUrl(definition.frontendUrl());
        program.codeOfConductTitle = definition.codeOfConduct().title();
        program.codeOfConductVersion = definition.codeOfConduct().version();
        program.codeOfConductUrl = definition.codeOfConduct().url();
        program.conductContact = definition.codeOfConduct().reportContact();
        program.status = Program.Status.DRAFT;
        program.createdAt = clock.instant();
        program.createdBy = organizer;

        List<Track> tracks = new ArrayList<>();
        Map<UUID, List<Milestone>> milestones = new LinkedHashMap<>();
        Map<UUID, List<MilestoneChange>> changes = new LinkedHashMap<>();
        Map<UUID, List<GroupSession>> sessions = new LinkedHashMap<>();
        List<Object> entities = new ArrayList<>();
        entities.add(program);
        for (int t = 0; t < definition.tracks().size(); t++) {
            ProgramDefinition.TrackDefinition def = definition.tracks().get(t);
            Track track = new Track();
            track.id = UUID.randomUUID();
            track.programId = program.id;
            track.key = def.key();
            track.kind = def.kind();
            track.name = def.name();
            track.description = def.description();
            track.rolling = def.rolling();
            track.registrationClosesOn = def.registrationClosesOn();
            track.topics = def.topics() == null ? new ArrayList<>() : new ArrayList<>(def.topics());
            track.menteesPerMentorMin = def.menteesPerMentorMin();
            track.menteesPerMentorMax = def.menteesPerMentorMax();
            track.position = t;
            tracks.add(track);
            entities.add(track);
            List<Milestone> trackMilestones = new ArrayList<>();
            for (int m = 0; m < def.milestones().size(); m++) {
                ProgramDefinition.MilestoneDefinition md = def.milestones().get(m);
                Milestone milestone = new Milestone();
                milestone.id = UUID.randomUUID();
                milestone.programId = program.id;
                milestone.trackId = track.id;
                milestone.key = md.key();
                milestone.name = md.name();
                milestone.type = md.type();
                milestone.timeZone = md.timeZone() == null ? program.timeZone : md.timeZone();
                milestone.audience = new TreeSet<>(md.audience());
                milestone.reminders = md.reminders() == null ? new ArrayList<>() : new ArrayList<>(md.reminders());
                milestone.description = md.description();
                milestone.position = m;
                milestone.schedule(md.date(), md.endDate(), md.time());
                List<MilestoneChange> history = new ArrayList<>();
                for (ProgramDefinition.Extension extension : md.extensions() == null
                        ? List.<ProgramDefinition.Extension>of() : md.extensions()) {
                    history.add(move(milestone, extension.date(), extension.endDate(), extension.time(),
                            extension.reason(), organizer));
                }
                trackMilestones.add(milestone);
                changes.put(milestone.id, history);
                entities.add(milestone);
                entities.addAll(history);
                List<GroupSession> milestoneSessions = GroupSession.of(milestone, md.sessions());
                sessions.put(milestone.id, milestoneSessions);
                entities.addAll(milestoneSessions);
            }
            milestones.put(track.id, trackMilestones);
            Map<String, Milestone> byKey = new LinkedHashMap<>();
            trackMilestones.forEach(m -> byKey.putIfAbsent(m.key, m));
            entities.addAll(Survey.of(program.id, track.id, def.surveys(), byKey));
        }
        return Program.persist(entities.stream())
                .replaceWith(new ProgramAggregate(program, tracks, milestones, changes, sessions));
    }

    /** A program: published ones for everyone, drafts for their staff and admins. */
    @WithSession
    public Uni<ProgramAggregate> get(UUID programId, Viewer viewer) {
        return load(programId, true).call(aggregate -> aggregate.program().status == Program.Status.PUBLISHED || viewer.admin()
                ? Uni.createFrom().voidItem()
                : StaffMember.of(programId, viewer.id()).chain(member -> member != null ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ProblemException.notFound("No program " + programId))));
    }

    /** A published program, for anyone (the public calendar). */
    @WithSession
    public Uni<ProgramAggregate> getPublished(UUID programId) {
        return load(programId, false);
    }

    /** Publishes a draft: plans every milestone's reminders and records ProgramPublished, in one transaction. */
    @WithTransaction
    public Uni<ProgramAggregate> publish(UUID programId) {
        return load(programId, true).chain(aggregate -> {
            Program program = aggregate.program();
            if (program.status == Program.Status.PUBLISHED) {
                return Uni.createFrom().failure(ProblemException.conflict(
                        "The program was published on " + program.publishedAt));
            }
            program.status = Program.Status.PUBLISHED;
            program.publishedAt = clock.instant();
            Uni<?> planned = Uni.createFrom().voidItem();
            for (List<Milestone> trackMilestones : aggregate.milestones().values()) {
                for (Milestone milestone : trackMilestones) {
                    planned = planned.chain(() -> reminders.plan(milestone));
                }
            }
            return planned
                    .chain(() -> outbox.append(Topics.PROGRAMS, ProgramPublished.TYPE, ProgramPublished.VERSION,
                            program.id.toString(), program.id.toString(),
                            ProgramPublished.of(program, aggregate.tracks(), aggregate.milestones(), aggregate.sessions())))
                    // surveys whose window is open already open now (SurveyOpened after ProgramPublished)
                    .chain(() -> surveys.onPublished(program))
                    .replaceWith(aggregate);
        });
    }

    /**
     * Moves a milestone (an extension, usually) with a reason: keeps the history, and for a published program
     * replans its reminders and records MilestoneRescheduled, all in one transaction.
     */
    @WithTransaction
    /** A milestone as moved, and the change kept in its history. */
    public record Rescheduled(MilestoneChange change, Milestone milestone) {
    }

    /** A milestone of a program's track, as anyone who may see the program sees it. */
    @WithSession
    public Uni<Milestone> milestone(UUID programId, UUID trackId, UUID milestoneId, Viewer viewer) {
        return get(programId, viewer).map(aggregate -> aggregate.milestones().getOrDefault(trackId, List.of()).stream()
                .filter(m -> m.id.equals(milestoneId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No milestone " + milestoneId + " in track " + trackId)));
    }

    public Uni<Rescheduled> reschedule(UUID programId, UUID trackId, UUID milestoneId, LocalDate date,
                                       LocalDate endDate, LocalTime time, String reason, UUID organizer, IfMatch ifMatch) {
        return load(programId, true).chain(aggregate -> {
            Track track = aggregate.tracks().stream().filter(t -> t.id.equals(trackId)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("No track " + trackId + " in program " + programId));
            List<Milestone> trackMilestones = aggregate.milestones().get(track.id);
            Milestone milestone = trackMilestones.stream().filter(m -> m.id.equals(milestoneId)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("No milestone " + milestoneId + " in track " + trackId));
            ifMatch.existing(milestone.version);
            List<FieldError> errors = rescheduleErrors(milestone, date, endDate, time);
            if (!errors.isEmpty()) {
                return Uni.createFrom().failure(new InvalidRequestException(errors));
            }
            String previousRendering = milestone.rendering();
            MilestoneChange change = move(milestone, date, endDate, time, reason, organizer);
            List<FieldError> order = ProgramRules.orderErrors(trackMilestones,
                            trackMilestones.stream().map(m -> m.key).toList()).stream()
                    .map(e -> new FieldError("date", e.message())).toList();
            if (!order.isEmpty()) {
                return Uni.createFrom().failure(new InvalidRequestException(order));
            }
            // a group session's sessions move with their day (the same local time on the new date)
            Uni<?> effects = change.persist().chain(() -> GroupSessionService.follow(milestone, change.oldDate))
                    // the windows of the surveys it opens or closes move with it
                    .chain(() -> SurveyLifecycle.follow(milestone));
            if (aggregate.program().status == Program.Status.PUBLISHED) {
                effects = effects
                        .chain(() -> reminders.replan(milestone))
                        .chain(() -> outbox.append(Topics.PROGRAMS, MilestoneRescheduled.TYPE,
                                MilestoneRescheduled.VERSION, programId.toString(), milestone.id.toString(),
                                MilestoneRescheduled.of(change, track, milestone, previousRendering,
                                        PairingsEnd.of(track.kind, trackMilestones).map(PairingsEnd.End::endsAt).orElse(null))));
            }
            return effects.replaceWith(new Rescheduled(change, milestone));
        });
    }

    private static List<FieldError> rescheduleErrors(Milestone milestone, LocalDate date, LocalDate endDate, LocalTime time) {
        List<FieldError> errors = new ArrayList<>();
        if (milestone.type.window && endDate == null) {
            errors.add(new FieldError("endDate", "is required: " + milestone.type + " is a period"));
        } else if (milestone.type.window && endDate.isBefore(date)) {
            errors.add(new FieldError("endDate", "must not be before date"));
        } else if (!milestone.type.window && endDate != null) {
            errors.add(new FieldError("endDate", "must be empty: " + milestone.type + " is a deadline, not a period"));
        }
        if (milestone.type.window && time != null) {
            errors.add(new FieldError("time", "must be empty for a period"));
        }
        if (errors.isEmpty() && date.equals(milestone.date) && java.util.Objects.equals(endDate, milestone.endDate)
                && java.util.Objects.equals(time, milestone.time)) {
            errors.add(new FieldError("date", "is where the milestone is already: nothing to change"));
        }
        return errors;
    }

    /** Moves a milestone and returns the change to keep (not yet persisted). */
    private MilestoneChange move(Milestone milestone, LocalDate date, LocalDate endDate, LocalTime time, String reason,
                                 UUID organizer) {
        MilestoneChange change = new MilestoneChange();
        change.id = UUID.randomUUID();
        change.milestoneId = milestone.id;
        change.changedAt = clock.instant();
        change.changedBy = organizer;
        change.oldDate = milestone.date;
        change.oldEndDate = milestone.endDate;
        change.oldTime = milestone.time;
        change.oldDueAt = milestone.dueAt;
        milestone.schedule(date, endDate, time);
        change.newDate = milestone.date;
        change.newEndDate = milestone.endDate;
        change.newTime = milestone.time;
        change.newDueAt = milestone.dueAt;
        change.reason = reason;
        return change;
    }

    private Uni<ProgramAggregate> load(UUID programId, boolean includeDrafts) {
        return Program.<Program>findById(programId).chain(program -> {
            if (program == null || !includeDrafts && program.status != Program.Status.PUBLISHED) {
                return Uni.createFrom().failure(ProblemException.notFound("No program " + programId));
            }
            return Track.<Track>list("programId", Sort.by("position"), programId)
                    .chain(tracks -> Milestone.<Milestone>list("programId", Sort.by("position"), programId)
                            .chain(milestones -> MilestoneChange.<MilestoneChange>list(
                                            "milestoneId in ?1", Sort.by("changedAt"),
                                            milestones.stream().map(m -> m.id).toList())
                                    .chain(changes -> GroupSession.<GroupSession>list("programId", Sort.by("position"), programId)
                                            .map(sessions -> {
                                        Map<UUID, List<Milestone>> byTrack = new LinkedHashMap<>();
                                        tracks.forEach(t -> byTrack.put(t.id, new ArrayList<>()));
                                        milestones.forEach(m -> byTrack.get(m.trackId).add(m));
                                        Map<UUID, List<MilestoneChange>> changesByMilestone = changes.stream()
                                                .collect(Collectors.groupingBy(c -> c.milestoneId, LinkedHashMap::new,
                                                        Collectors.toList()));
                                        return new ProgramAggregate(program, tracks, byTrack, changesByMilestone,
                                                sessions.stream().collect(Collectors.groupingBy(x -> x.milestoneId,
                                                        LinkedHashMap::new, Collectors.toList())));
                                    }))));
        });
    }
}
