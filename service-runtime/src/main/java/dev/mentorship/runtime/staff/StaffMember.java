package dev.mentorship.runtime.staff;

import dev.mentorship.runtime.persistence.JsonText;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One person on one program's staff, with their grants. schedule-service owns it (appointments through its REST API);
 * every other service keeps a replica from {@link ProgramStaffChanged}. Name and email are what notices to the staff
 * need; they leave with the person (erasure removes them from every staff).
 */
@Entity
@Table(name = "program_staff")
public class StaffMember extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    @Convert(converter = JsonText.StringList.class)
    @Column(nullable = false)
    public List<String> grants = new ArrayList<>();

    public boolean has(Grant grant) {
        return grants.contains(grant.name());
    }

    public static Uni<StaffMember> of(UUID programId, UUID personId) {
        return find("programId = ?1 and personId = ?2", programId, personId).firstResult();
    }

    public static Uni<List<StaffMember>> ofProgram(UUID programId) {
        return list("programId = ?1 order by name, personId", programId);
    }

    /** The programs in which a person holds a grant. */
    public static Uni<List<UUID>> programsOf(UUID personId, Grant grant) {
        return StaffMember.<StaffMember>list("personId", personId)
                .map(rows -> rows.stream().filter(m -> m.has(grant)).map(m -> m.programId).distinct().toList());
    }

    public ProgramStaffChanged.Member data() {
        return new ProgramStaffChanged.Member(personId, name, email,
                grants.stream().map(Grant::valueOf).sorted().toList());
    }
}
