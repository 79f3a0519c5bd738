package dev.mentorship.runtime.staff;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A program's staff revision: schedule-service raises it with every appointment or removal; a replica applies a
 * {@link ProgramStaffChanged} only if its revision is newer, so a replayed or late event never undoes a newer one.
 */
@Entity
@Table(name = "staffed_program")
public class StaffedProgram extends PanacheEntityBase {

    @Id
    @Column(name = "program_id")
    public UUID programId;

    @Column(nullable = false)
    public long revision;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
