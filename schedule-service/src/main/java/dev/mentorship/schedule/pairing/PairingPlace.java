package dev.mentorship.schedule.pairing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a pairing meets unless a meeting says otherwise: a location ("Zoom", "Room 4.12"), an https video link, or
 * both. Either member sets it; it exists once first set (from then on a change needs its ETag). Deleted with the pairing.
 */
@Entity
@Table(name = "pairing_place")
public class PairingPlace extends PanacheEntityBase {

    @Id
    @Column(name = "pairing_id")
    public UUID pairingId;

    @Column
    public String location;

    @Column(name = "video_url")
    public String videoUrl;

    /** Every change moves it on (optimistic locking); the ETag of conditional writes. */
    @jakarta.persistence.Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public UUID updatedBy;
}
