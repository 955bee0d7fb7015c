package org.imrflow.events.testing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The dispute of the published sample letter (shared/domain/sample-final-determination.txt), with its dates shifted
 * to be recent so that it is timely: the intake application and the reviewer's determination, as JSON bodies of the
 * REST APIs. Every service's tests and the system tests drive the same case.
 */
public final class SampleDispute {
    public static final String NEUROTOMY = "Cervical medial branch neurotomy at bilateral C2 C3 C4";
    /** A sentence of the determination's clinical case summary: PHI that must never reach a log. */
    public static final String SUMMARY_SENTENCE = "the applicant's primary complaint of headaches was ameliorated";

    private SampleDispute() {
    }

    /** With the sample's reviewer specialty, Occupational Medicine, as the requesting physician's. */
    public static String application(LocalDate urDecision) {
        return application(urDecision, "Occupational Medicine");
    }

    /** A claim number of its own for each call: filing the same dispute twice is refused as a duplicate. */
    public static String application(LocalDate urDecision, String specialty) {
        return application(urDecision, specialty, newClaimNumber());
    }

    public static String newClaimNumber() {
        return "WC-2005-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    public static String application(LocalDate urDecision, String specialty, String claimNumber) {
        return """
                {
                  "reviewType": "STANDARD",
                  "employee": { "name": "Pat Example", "represented": true,
                                "email": "pat.example@example.com", "mailingAddress": "12 Elm Street, Fresno, CA 93701",
                                "representative": { "name": "Robin Counsel", "firm": "Counsel & Co", "firmId": "counsel-co",
                                                    "email": "robin@counsel-co.example",
                                                    "mailingAddress": "400 Capitol Mall, Sacramento, CA 95814" } },
                  "claim": { "claimNumber": "%s", "dateOfInjury": "2005-12-27", "employer": "City Fleet Services",
                             "employerId": "95-1234567", "employerEmail": "risk@cityfleet.example",
                             "employerMailingAddress": "1 Depot Road, Fresno, CA 93706" },
                  "claimsAdministrator": { "orgId": "acme-claims", "name": "Acme Claims Services",
                                           "email": "imr@acme-claims.example",
                                           "mailingAddress": "PO Box 1000, Oakland, CA 94604" },
                  "requestingPhysician": { "name": "Dr. Lee Treating", "npi": "1234567893", "specialty": "%s",
                                           "email": "office@lee-treating.example",
                                           "mailingAddress": "88 Clinic Way, Fresno, CA 93710" },
                  "urDecision": { "date": "%s", "type": "DENIED", "servedBy": "MAIL", "attached": true,
                                  "guideline": { "basedOnMtus": false,
                                                 "citation": "Non-MTUS Citation (ODG) Official Disability Guidelines ACOEM" } },
                  "applicationSignedDate": "%s", "applicationSignedBy": "REPRESENTATIVE",
                  "disputedItems": [
                    { "description": "%s", "category": "INJECTIONS", "icd10Code": "M54.2" }
                  ]
                }
                """.formatted(claimNumber, specialty, urDecision, urDecision.plusDays(3), NEUROTOMY);
    }

    public static String determination() {
        return """
                {
                  "clinicalCaseSummary": "The injured worker is a represented employee who has filed a claim for chronic neck pain reportedly associated with an industrial injury of December 27, 2005. Thus far, the applicant has been treated with the following: Analgesic medications; transfer of care to and from various providers in various specialties; muscle relaxants; and unspecified amounts of physical therapy over the course of the claim. In a Utilization Review Report, the claims administrator denied a request for cervical medial branch blocks. In an appeal letter, the attending provider stated that medial branch blocks were being sought at the C2 through C4 levels, and that the applicant's primary complaint of headaches was ameliorated through earlier C2 through C4 neurotomy procedures.",
                  "decisions": [
                    { "itemNumber": 1, "outcome": "OVERTURNED",
                      "reviewerGuideline": { "evidenceLevel": "MTUS", "source": "MTUS ACOEM",
                                             "chapter": "Chapter 8 Neck and Upper Back Complaints", "pages": "174" },
                      "rationale": "The MTUS/ACOEM Guidelines in Chapter 8, page 174, there is limited evidence that radiofrequency neurotomy procedures may be effective in relieving or reducing cervical facet joint pain among employees who have had a positive response to facet injections. The employee's successful return to and maintenance of regular duty work status does constitute prima facie evidence of functional improvement as defined in MTUS 9792.20f. Accordingly, the request for cervical medial branch neurotomy at bilateral C2 C3 C4 is medically necessary and appropriate." }
                  ]
                }
                """;
    }

    /** The sample dispute as intake announces it, filed by the given claims administrator organization. */
    public static org.imrflow.events.CaseReceived caseReceived(String caseNumber, String claimsAdministratorOrg) {
        return new org.imrflow.events.CaseReceived(caseNumber, java.time.Instant.now(), org.imrflow.events.ReviewType.STANDARD,
                claimsAdministratorOrg,
                new org.imrflow.events.CaseReceived.Parties("Pat Example", true, "Robin Counsel", "Counsel & Co", "counsel-co",
                        "City Fleet Services", "95-1234567", "Acme Claims Services", "Dr. Lee Treating", "1234567893",
                        "Occupational Medicine", null),
                newClaimNumber(), LocalDate.of(2005, 12, 27), LocalDate.now().minusDays(5),
                new org.imrflow.events.ClaimsAdministratorGuideline(false, "Non-MTUS Citation (ODG) Official Disability Guidelines ACOEM"),
                java.util.List.of(new org.imrflow.events.DisputedItem(1, NEUROTOMY, org.imrflow.events.ItemCategory.INJECTIONS, "M54.2")),
                contacts());
    }

    /** The sample's parties' contacts, as in {@link #application}. */
    public static java.util.List<org.imrflow.events.PartyContact> contacts() {
        return java.util.List.of(
                new org.imrflow.events.PartyContact(org.imrflow.events.PartyRole.EMPLOYEE, "Pat Example",
                        "pat.example@example.com", "12 Elm Street, Fresno, CA 93701"),
                new org.imrflow.events.PartyContact(org.imrflow.events.PartyRole.REPRESENTATIVE, "Robin Counsel",
                        "robin@counsel-co.example", "400 Capitol Mall, Sacramento, CA 95814"),
                new org.imrflow.events.PartyContact(org.imrflow.events.PartyRole.EMPLOYER, "City Fleet Services",
                        "risk@cityfleet.example", "1 Depot Road, Fresno, CA 93706"),
                new org.imrflow.events.PartyContact(org.imrflow.events.PartyRole.REQUESTING_PHYSICIAN, "Dr. Lee Treating",
                        "office@lee-treating.example", "88 Clinic Way, Fresno, CA 93710"),
                new org.imrflow.events.PartyContact(org.imrflow.events.PartyRole.CLAIMS_ADMINISTRATOR, "Acme Claims Services",
                        "imr@acme-claims.example", "PO Box 1000, Oakland, CA 94604"));
    }
}
