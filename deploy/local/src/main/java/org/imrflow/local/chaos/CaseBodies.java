package org.imrflow.local.chaos;

import org.imrflow.local.load.CaseMix;

import java.time.LocalDate;
import java.util.List;

/**
 * The REST bodies the chaos workload sends: the published sample letter's dispute (the same application as
 * {@code org.imrflow.events.testing.SampleDispute}, which lives in a test-jar this module cannot depend on; a system
 * test keeps the two equal) with a claim number of its own per case, and the reviewer's determination.
 */
public final class CaseBodies {
    public static final String SAMPLE_CLAIM_NUMBER = "WC-2005-88123";
    private static final String NEUROTOMY = "Cervical medial branch neurotomy at bilateral C2 C3 C4";

    private CaseBodies() {
    }

    public static String application(String claimNumber, LocalDate urDecision) {
        return CaseMix.application(new CaseMix.Dispute(List.of(new CaseMix.Item(NEUROTOMY, "INJECTIONS", false)), false, true),
                claimNumber, urDecision);
    }

    /** The sample's determination of its one item, {@code OVERTURNED} or {@code UPHELD}. */
    public static String determination(String outcome) {
        return """
                {
                  "clinicalCaseSummary": "The injured worker is a represented employee who has filed a claim for chronic neck pain reportedly associated with an industrial injury of December 27, 2005. Thus far, the applicant has been treated with the following: Analgesic medications; transfer of care to and from various providers in various specialties; muscle relaxants; and unspecified amounts of physical therapy over the course of the claim. In a Utilization Review Report, the claims administrator denied a request for cervical medial branch blocks. In an appeal letter, the attending provider stated that medial branch blocks were being sought at the C2 through C4 levels, and that the applicant's primary complaint of headaches was ameliorated through earlier C2 through C4 neurotomy procedures.",
                  "decisions": [
                    { "itemNumber": 1, "outcome": "%s",
                      "reviewerGuideline": { "evidenceLevel": "MTUS", "source": "MTUS ACOEM",
                                             "chapter": "Chapter 8 Neck and Upper Back Complaints", "pages": "174" },
                      "rationale": "The MTUS/ACOEM Guidelines in Chapter 8, page 174, there is limited evidence that radiofrequency neurotomy procedures may be effective in relieving or reducing cervical facet joint pain among employees who have had a positive response to facet injections. The employee's successful return to and maintenance of regular duty work status does constitute prima facie evidence of functional improvement as defined in MTUS 9792.20f. Accordingly, the request for cervical medial branch neurotomy at bilateral C2 C3 C4 is medically necessary and appropriate." }
                  ]
                }
                """.formatted(outcome);
    }

    /** A small PDF standing for one case's medical records: its own bytes, so each case's document is its own. */
    public static byte[] medicalRecord(String claimNumber) {
        return ("%PDF-1.4\n% medical records of claim " + claimNumber + "\n1 0 obj << /Type /Catalog >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
