package org.imrflow.notification.domain;

import org.imrflow.events.EvidenceLevel;
import org.imrflow.events.ItemCategory;
import org.imrflow.events.Outcome;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A search of the public archive of de-identified Final Determinations, checked before it reaches the database:
 * anyone on the internet may send one. A blank field is no filter. The enumerated fields take their constant's name
 * in any case, with hyphens or spaces for underscores ("physical-therapy-or-rehab").
 */
public final class ArchiveQuery {
    /** IMR began in 2013 (SB 863): no determination is older. */
    public static final int FIRST_YEAR = 2013;
    public static final int MAX_TEXT_LENGTH = 200;
    public static final int MAX_SPECIALTY_LENGTH = 100;

    private final String text;
    private final ItemCategory category;
    private final Outcome outcome;
    private final Integer year;
    private final String specialty;
    private final EvidenceLevel evidenceLevel;

    private ArchiveQuery(String text, ItemCategory category, Outcome outcome, Integer year, String specialty,
                         EvidenceLevel evidenceLevel) {
        this.text = text;
        this.category = category;
        this.outcome = outcome;
        this.year = year;
        this.specialty = specialty;
        this.evidenceLevel = evidenceLevel;
    }

    public static ArchiveQuery of(String text, String category, String outcome, Integer year, String specialty,
                                  String evidenceLevel) {
        return of(text, category, outcome, year, specialty, evidenceLevel, Clock.systemUTC());
    }

    /**
     * The query, or {@link InvalidArchiveQuery} with every field that is wrong.
     *
     * @param clock what this year is: up to the next one is accepted, so that a searcher whose new year has begun
     *              before ours is not refused
     */
    public static ArchiveQuery of(String text, String category, String outcome, Integer year, String specialty,
                                  String evidenceLevel, Clock clock) {
        List<InvalidArchiveQuery.FieldError> errors = new ArrayList<>();
        String searchText = freeText("text", text, MAX_TEXT_LENGTH, errors);
        ItemCategory itemCategory = constant("category", category, ItemCategory.class, errors);
        Outcome itemOutcome = constant("outcome", outcome, Outcome.class, errors);
        int lastYear = Year.now(clock).getValue() + 1;
        if (year != null && (year < FIRST_YEAR || year > lastYear)) {
            errors.add(new InvalidArchiveQuery.FieldError("year",
                    "must be from " + FIRST_YEAR + " to " + lastYear + "."));
        }
        String searchSpecialty = freeText("specialty", specialty, MAX_SPECIALTY_LENGTH, errors);
        EvidenceLevel level = constant("evidenceLevel", evidenceLevel, EvidenceLevel.class, errors);
        if (!errors.isEmpty()) {
            throw new InvalidArchiveQuery(errors);
        }
        return new ArchiveQuery(searchText, itemCategory, itemOutcome, year, searchSpecialty, level);
    }

    /** The text stripped; null when blank. */
    private static String freeText(String field, String value, int maxLength, List<InvalidArchiveQuery.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > maxLength) {
            errors.add(new InvalidArchiveQuery.FieldError(field, "must be at most " + maxLength + " characters."));
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new InvalidArchiveQuery.FieldError(field, "must not contain control characters, such as a line "
                    + "break or a tab."));
        }
        return stripped;
    }

    /** The constant a value names; null when blank. The message lists them, never echoes the value. */
    private static <E extends Enum<E>> E constant(String field, String value, Class<E> type,
                                                  List<InvalidArchiveQuery.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        errors.add(new InvalidArchiveQuery.FieldError(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")) + "."));
        return null;
    }

    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    public Optional<ItemCategory> category() {
        return Optional.ofNullable(category);
    }

    public Optional<Outcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    public Optional<Integer> year() {
        return Optional.ofNullable(year);
    }

    public Optional<String> specialty() {
        return Optional.ofNullable(specialty);
    }

    public Optional<EvidenceLevel> evidenceLevel() {
        return Optional.ofNullable(evidenceLevel);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArchiveQuery query && Objects.equals(text, query.text)
                && category == query.category && outcome == query.outcome && Objects.equals(year, query.year)
                && Objects.equals(specialty, query.specialty) && evidenceLevel == query.evidenceLevel;
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, category, outcome, year, specialty, evidenceLevel);
    }

    @Override
    public String toString() {
        return "ArchiveQuery[text=" + text + ", category=" + category + ", outcome=" + outcome + ", year=" + year
                + ", specialty=" + specialty + ", evidenceLevel=" + evidenceLevel + "]";
    }
}
