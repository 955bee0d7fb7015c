package org.imrflow.assignment.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.imrflow.assignment.domain.ConditionSpecialties;
import org.imrflow.assignment.domain.SpecialtyRule;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** Reads the matching table, matching/condition-specialties.json, once at start; a broken table stops start-up. */
public class MatchingRulesFile {
    static final String RESOURCE = "/matching/condition-specialties.json";

    /** The file as written: {@code about} is for its readers. */
    record Contents(String about, Map<String, String> specialtyAliases, List<SpecialtyRule> rules) {
    }

    @Produces
    @Singleton
    ConditionSpecialties conditionSpecialties(ObjectMapper json) {
        return read(json);
    }

    public static ConditionSpecialties read(ObjectMapper json) {
        try (InputStream in = MatchingRulesFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No matching table at " + RESOURCE);
            }
            Contents contents = json.readValue(in, Contents.class);
            return new ConditionSpecialties(contents.rules(), contents.specialtyAliases() == null ? Map.of() : contents.specialtyAliases());
        } catch (IOException e) {
            throw new IllegalStateException("The matching table " + RESOURCE + " is unreadable", e);
        }
    }
}
