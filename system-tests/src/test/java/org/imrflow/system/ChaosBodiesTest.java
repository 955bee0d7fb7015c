package org.imrflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.local.chaos.CaseBodies;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The chaos workload keeps its own copy of the sample dispute (deploy/local cannot use the events test-jar): keep them equal. */
class ChaosBodiesTest {

    @Test
    void theChaosApplicationIsTheSampleDisputeWithItsOwnClaimNumber() throws Exception {
        LocalDate urDecision = LocalDate.now().minusDays(6);
        ObjectMapper json = new ObjectMapper();
        // the same JSON, field for field (the load generator's case mix writes it, with its own layout)
        assertEquals(json.readTree(SampleDispute.application(urDecision, "Occupational Medicine", CaseBodies.SAMPLE_CLAIM_NUMBER)),
                json.readTree(CaseBodies.application(CaseBodies.SAMPLE_CLAIM_NUMBER, urDecision)));
    }

    @Test
    void theChaosDeterminationIsTheSampleDetermination() {
        assertEquals(SampleDispute.determination(), CaseBodies.determination("OVERTURNED"));
    }
}
