package org.imrflow.assignment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imrflow.assignment.domain.ConditionSpecialties;
import org.imrflow.assignment.domain.SpecialtyRule;
import org.imrflow.http.identity.Roles;

import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/matching-rules")
@Cancellable(false)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Matching rules")
@RolesAllowed(Roles.OPERATIONS)
public class MatchingRulesResource {
    private final ConditionSpecialties specialties;

    MatchingRulesResource(ConditionSpecialties specialties) {
        this.specialties = specialties;
    }

    /** The table as matching reads it: the first rule that fits an item decides its specialties. */
    public record MatchingRules(List<SpecialtyRule> rules, Map<String, String> specialtyAliases) {
    }

    @GET
    @Operation(summary = "Which specialties may review an item, by its category and ICD-10 code: first matching rule wins")
    public MatchingRules get() {
        return new MatchingRules(specialties.rules(), specialties.specialtyAliases());
    }
}
