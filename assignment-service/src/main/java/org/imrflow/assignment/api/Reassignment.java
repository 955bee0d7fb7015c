package org.imrflow.assignment.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imrflow.events.EventLimits;

/** Operations take a case from its reviewer and offer it to another. */
public record Reassignment(
        @Schema(description = "The reviewer to offer the case to; absent for the next eligible one")
        @Size(max = EventLimits.REVIEWER_ID) @Pattern(regexp = "[a-z0-9-]+", message = "may hold only lower-case letters, digits and '-'")
        String reviewerId,
        @Schema(description = "Why, kept with the new offer", example = "Reviewer on leave until March")
        @NotBlank @Size(max = 500) String reason) {
}
