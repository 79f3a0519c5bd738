package dev.mentorship.participant.registration;

import dev.mentorship.participant.profile.ProfileInput;
import dev.mentorship.participant.registration.Answers;
import dev.mentorship.participant.registration.Registration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registration for one track, as a participant sends it. */
public record RegistrationInput(
        @NotNull Registration.Role role,
        @NotNull @Schema(description = "Must be true: registration requires accepting the program's code of conduct")
        Boolean codeOfConductAccepted,
        @NotBlank @Size(max = 64) @Schema(description = "The version accepted; the track's codeOfConductVersion", example = "2025")
        String codeOfConductVersion,
        @Valid Answers answers,
        @Valid @Schema(description = "Your profile, saved with the registration; required unless you saved one with PUT /me")
        ProfileInput profile) {
}
