package org.imrflow.notification.domain;

import org.imrflow.events.CaseReceived;
import org.imrflow.events.PartyContact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every value that identifies a party of one case: what DWC removes before it publishes a Final Determination, and
 * what must never reach the public archive. The values are PHI themselves: they are matched against text, never
 * logged.
 *
 * <p>A person's name also gives each of its words of three or more letters as a value of its own, because a rationale
 * may say "Mr. Okafor" or "Adaeze". An organization's name gives itself and the same without its legal form ("Acme
 * Freight" for "Acme Freight, Inc."), not its words: "Home" of "Home Depot" would strike every home exercise program.
 * An address gives its street line as well, as a letter may quote only that.
 */
public final class IdentifyingFields {

    /** What a value is, so that it can be replaced by a phrase that keeps the sentence readable. */
    public enum Kind {
        EMPLOYEE_NAME,
        REPRESENTATIVE_NAME,
        REPRESENTATIVE_FIRM,
        REPRESENTATIVE_FIRM_ID,
        EMPLOYER_NAME,
        EMPLOYER_ID,
        CLAIMS_ADMINISTRATOR_NAME,
        CLAIMS_ADMINISTRATOR_ID,
        PHYSICIAN_NAME,
        PHYSICIAN_NPI,
        MEDICAL_GROUP_ID,
        UR_ORGANIZATION_ID,
        CLAIM_NUMBER,
        CASE_NUMBER,
        EMAIL,
        MAILING_ADDRESS,
        DATE_OF_INJURY,
        /** The name on a contact whose role is not known. */
        PARTY_NAME;

        /** Whether the value names a person, who may be written with a title ("Dr. Raman"). */
        public boolean isPerson() {
            return this == EMPLOYEE_NAME || this == REPRESENTATIVE_NAME || this == PHYSICIAN_NAME || this == PARTY_NAME;
        }
    }

    /** One identifying value; the date of injury is written in ISO form. */
    public record Value(Kind kind, String text) {
        @Override
        public String toString() {
            // the kind only: the text is PHI, and objects end up in logs and assertion messages
            return "Value[" + kind + "]";
        }
    }

    /**
     * Words that are never a value on their own: a name token equal to one would strike it all over a letter. The
     * words of the phrases that replace values are here too, so that a replacement is never replaced again.
     */
    private static final Set<String> COMMON_WORDS = Set.of(
            "the", "and", "for", "inc", "llc", "llp", "ltd", "corp", "company", "corporation", "insurance",
            "services", "service", "medical", "group", "county", "city", "state", "california", "san", "los",
            "mrs", "miss", "prof", "iii", "esq", "phd", "dds", "dmd", "dpm", "mph", "facs", "psyd",
            "employee", "employer", "representative", "firm", "requesting", "physician", "claims", "administrator",
            "party", "number", "email", "address", "removed",
            // clinical words that are also surnames: "Dr. Lee Treating" must not strike "the primary treating provider"
            "treating", "doctor", "nurse", "patient", "worker", "injured", "clinic", "health", "care", "center");

    private static final Pattern LEGAL_FORM = Pattern.compile(
            "[\\s,]+(inc|llc|llp|ltd|lp|plc|pc|apc|corp|corporation|co|company)\\.?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_THE = Pattern.compile("^the\\s+", Pattern.CASE_INSENSITIVE);

    private final List<Value> values;
    private final LocalDate dateOfInjury;

    private IdentifyingFields(List<Value> values, LocalDate dateOfInjury) {
        this.values = List.copyOf(values);
        this.dateOfInjury = dateOfInjury;
    }

    /** Everything the accepted application tells of the parties, the claim and the case. */
    public static IdentifyingFields of(CaseReceived received) {
        Values values = new Values();
        values.add(Kind.CASE_NUMBER, received.caseNumber());
        values.add(Kind.CLAIM_NUMBER, received.claimNumber());
        values.add(Kind.CLAIMS_ADMINISTRATOR_ID, received.claimsAdministratorOrg());
        CaseReceived.Parties parties = received.parties();
        if (parties != null) {
            values.person(Kind.EMPLOYEE_NAME, parties.employeeName());
            values.person(Kind.REPRESENTATIVE_NAME, parties.representativeName());
            values.organization(Kind.REPRESENTATIVE_FIRM, parties.representativeFirm());
            values.add(Kind.REPRESENTATIVE_FIRM_ID, parties.representativeFirmId());
            values.organization(Kind.EMPLOYER_NAME, parties.employer());
            values.add(Kind.EMPLOYER_ID, parties.employerId());
            values.organization(Kind.CLAIMS_ADMINISTRATOR_NAME, parties.claimsAdministrator());
            values.person(Kind.PHYSICIAN_NAME, parties.requestingPhysician());
            values.add(Kind.PHYSICIAN_NPI, parties.requestingPhysicianNpi());
            values.add(Kind.MEDICAL_GROUP_ID, parties.requestingPhysicianMedicalGroupId());
            values.add(Kind.UR_ORGANIZATION_ID, parties.urOrganizationId());
        }
        values.contacts(received.contacts());
        values.date(received.dateOfInjury());
        return new IdentifyingFields(values.list(), received.dateOfInjury());
    }

    /** What is known before or without the application's parties, e.g. from a case-ineligible event. */
    public static IdentifyingFields of(String caseNumber, String claimNumber, List<PartyContact> contacts,
                                       LocalDate dateOfInjury) {
        Values values = new Values();
        values.add(Kind.CASE_NUMBER, caseNumber);
        values.add(Kind.CLAIM_NUMBER, claimNumber);
        values.contacts(contacts);
        values.date(dateOfInjury);
        return new IdentifyingFields(values.list(), dateOfInjury);
    }

    /** Each value once, in the order the application gives them; blank ones are left out. */
    public List<Value> values() {
        return values;
    }

    public Optional<LocalDate> dateOfInjury() {
        return Optional.ofNullable(dateOfInjury);
    }

    /** The words of a person's name that count as values of their own: three letters or more, no common word. */
    static List<String> nameTokens(String name) {
        List<String> tokens = new ArrayList<>();
        for (String word : name.split("[\\s,;/()]+")) {
            addToken(tokens, word);
            if (word.indexOf('-') >= 0) {
                // a double-barrelled name: each part alone too, as "Okafor" of "Okafor-Lindqvist"
                for (String part : word.split("-+")) {
                    addToken(tokens, part);
                }
            }
        }
        return tokens;
    }

    private static void addToken(List<String> tokens, String word) {
        String token = word.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
        String folded = Folded.fold(token);
        if (folded.length() >= 3 && folded.chars().allMatch(Character::isLetter) && !COMMON_WORDS.contains(folded)
                && !tokens.contains(token)) {
            tokens.add(token);
        }
    }

    /** An organization's name without "The" before it and its legal form after it; the name itself when it has none. */
    static String withoutLegalForm(String name) {
        String shorter = LEADING_THE.matcher(name.strip()).replaceFirst("");
        String before;
        do {
            before = shorter;
            shorter = LEGAL_FORM.matcher(shorter).replaceFirst("").strip();
        } while (!shorter.equals(before));
        return shorter;
    }

    /** Collects values once each, skipping blank ones. */
    private static final class Values {
        private final Set<Value> values = new LinkedHashSet<>();

        void add(Kind kind, String text) {
            if (text != null && !text.isBlank()) {
                values.add(new Value(kind, text.strip()));
            }
        }

        void person(Kind kind, String name) {
            add(kind, name);
            if (name != null) {
                nameTokens(name).forEach(token -> add(kind, token));
            }
        }

        void organization(Kind kind, String name) {
            add(kind, name);
            if (name != null) {
                add(kind, withoutLegalForm(name));
            }
        }

        void address(String address) {
            add(Kind.MAILING_ADDRESS, address);
            if (address != null) {
                String street = address.strip().split("[,\\n]", 2)[0];
                if (!street.equals(address.strip()) && street.matches(".*\\p{L}.*") && street.matches(".*\\p{N}.*")) {
                    add(Kind.MAILING_ADDRESS, street);
                }
            }
        }

        void contacts(List<PartyContact> contacts) {
            if (contacts == null) {
                return;
            }
            for (PartyContact contact : contacts) {
                if (contact == null) {
                    continue;
                }
                if (contact.role() == null) {
                    person(Kind.PARTY_NAME, contact.name());
                } else {
                    switch (contact.role()) {
                        case EMPLOYEE -> person(Kind.EMPLOYEE_NAME, contact.name());
                        case REPRESENTATIVE -> person(Kind.REPRESENTATIVE_NAME, contact.name());
                        case REQUESTING_PHYSICIAN -> person(Kind.PHYSICIAN_NAME, contact.name());
                        case EMPLOYER -> organization(Kind.EMPLOYER_NAME, contact.name());
                        case CLAIMS_ADMINISTRATOR -> organization(Kind.CLAIMS_ADMINISTRATOR_NAME, contact.name());
                    }
                }
                add(Kind.EMAIL, contact.email());
                address(contact.mailingAddress());
            }
        }

        void date(LocalDate dateOfInjury) {
            if (dateOfInjury != null) {
                add(Kind.DATE_OF_INJURY, dateOfInjury.toString());
            }
        }

        List<Value> list() {
            return new ArrayList<>(values);
        }
    }

    @Override
    public String toString() {
        // never the values: they are PHI, and objects end up in logs
        return "IdentifyingFields[" + values.size() + " values]";
    }
}
