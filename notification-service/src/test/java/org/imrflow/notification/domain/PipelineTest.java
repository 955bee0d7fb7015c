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
                Map.of(),
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
    void aWithdrawalLeavesTheStageItTookTheCaseOutOfAndEndsInWithdrawn() {
        Pipeline pipeline = Pipeline.of(
                Map.of(CaseStage.RECEIVED, 2L, CaseStage.ASSIGNED, 3L, CaseStage.WITHDRAWN, 4L),
                Map.of(CaseStage.RECEIVED, 10L, CaseStage.ASSIGNED, 5L, CaseStage.DECIDED, 5L, CaseStage.WITHDRAWN, 6L),
                Map.of(CaseStage.RECEIVED, 3L, CaseStage.ASSIGNED, 2L, CaseStage.DECIDED, 1L),
                Duration.ofMinutes(1));

        assertEquals(9, pipeline.received().count(), "withdrawn cases are among every case seen");
        assertEquals(10.0, pipeline.received().inPerMinute(), 1e-9, "a withdrawal is no new case");
        assertEquals(8.0, figures(pipeline, CaseStage.RECEIVED).outPerMinute(), 1e-9, "5 assigned and 3 withdrawn");
        assertEquals(7.0, figures(pipeline, CaseStage.ASSIGNED).outPerMinute(), 1e-9, "5 decided and 2 withdrawn");
        assertEquals(1.0, figures(pipeline, CaseStage.DECIDED).outPerMinute(), 1e-9, "no letter yet, 1 withdrawn");
        Pipeline.StageFigures withdrawn = figures(pipeline, CaseStage.WITHDRAWN);
        assertEquals(4, withdrawn.count());
        assertEquals(6.0, withdrawn.inPerMinute(), 1e-9, "every withdrawal, the stage it left known or not");
        assertNull(withdrawn.outPerMinute(), "a case ends there: nothing goes out, which is no rate of 0");
        assertEquals("WITHDRAWN", pipeline.stages().get(pipeline.stages().size() - 1).stage(), "shown last, beside the letter");
    }

    private static Pipeline.StageFigures figures(Pipeline pipeline, CaseStage stage) {
        return pipeline.stages().stream().filter(s -> s.stage().equals(stage.name())).findFirst().orElseThrow();
    }

    @Test
    void noCasesIsEveryStageAtZero() {
        Pipeline pipeline = Pipeline.of(Map.of(), Map.of(), Map.of(), Duration.ofMinutes(1));
        assertEquals(CaseStage.values().length, pipeline.stages().size());
        pipeline.stages().forEach(stage -> {
            assertEquals(0, stage.count());
            assertEquals(0.0, stage.inPerMinute());
        });
    }
}
