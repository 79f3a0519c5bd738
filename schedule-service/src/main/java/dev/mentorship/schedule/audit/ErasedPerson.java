package dev.mentorship.schedule.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A person who erased their data, known by their audit pseudonym only: an audit record that arrives after the erasure
 * is stored under the pseudonym as well.
 */
@Entity
@Table(name = "erased_person")
public class ErasedPerson extends PanacheEntityBase {

    @Id
    public String pseudonym;

    @Column(name = "erased_at", nullable = false)
    public Instant erasedAt;
}
