package org.imrflow.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PipelineTest {

    @Test
    void ratesAreCasesPerMinuteAndARateOutIsTheNextStagesRateIn() {
        Pipeline pipeline = Pipeline.of(
                Map.of(CaseStage.RECEIVED, 4L, CaseStage.ASSIGNED, 6L, CaseStage.DEFERRED, 1L, CaseStage.LETTER_ISSUED, 9L),
                Map.of(CaseStage.RECEIVED, 50L, CaseStage.INELIGIBLE, 5L, CaseStage.ASSIGNED, 40L, CaseStage.DECIDED, 30L,
                        CaseStage.LETTER_ISSUED, 25L),
                Duration.ofMinutes(5));

        assertEquals(20, pipeline.received().count(), "every case seen, at whatever stage");
        assertEquals(11.0, pipeline.received().inPerMinute(), 1e-9, "new cases: received, ineligible or deferred");
        Pipeline.StageFigures waiting = pipeline.stages().get(0);
        assertEquals("RECEIVED", waiting.stage());
        assertEquals(10.0, waiting.inPerMinute(), 1e-9);
        assertEquals(8.0, waiting.outPerMinute(), 1e-9, "out of waiting = into assigned");
        Pipeline.StageFigures decided = pipeline.stages().get(4);
        assertEquals("DECIDED", decided.stage());
        assertEquals(0, decided.count());
        assertEquals(5.0, decided.outPerMinute(), 1e-9, "out of decided = letters issued");
        assertNull(pipeline.stages().get(5).outPerMinute(), "a case ends at letter issued");
        assertNull(pipeline.stages().get(1).outPerMinute(), "and at ineligible");
    }

    @Test
    void noCasesIsEveryStageAtZero() {
        Pipeline pipeline = Pipeline.of(Map.of(), Map.of(), Duration.ofMinutes(1));
        assertEquals(CaseStage.values().length, pipeline.stages().size());
        pipeline.stages().forEach(stage -> {
            assertEquals(0, stage.count());
            assertEquals(0.0, stage.inPerMinute());
        });
    }
}
