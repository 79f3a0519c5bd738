package dev.mentorship.participant.registration.rest;

import dev.mentorship.participant.registration.Answers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** New answers for a registration (they replace the old ones). */
public record RegistrationUpdate(@NotNull @Valid Answers answers) {
}
