package org.imrflow.system;

import org.imrflow.local.ImrService;
import org.imrflow.local.LocalSystem;
import org.imrflow.system.OtlpReceiver.ReceivedSpan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One trace follows a case through the four services, each its own process exporting its spans over OTLP: from the
 * claims administrator's submission through assignment and review, the reviewer's decision (a request of its own,
 * days later in real life) included, to the letter.
 */
class CaseTraceSystemTest {
    private static LocalSystem system;
    private static OtlpReceiver traces;

    @BeforeAll
    static void startTheSystem() {
        RunningSystem running = RunningSystem.get();
        system = running.system;
        traces = running.traces;
    }

    @Test
    void oneTraceFollowsTheSampleCaseFromItsSubmissionToItsLetter() throws IOException {
        String caseNumber = SampleCases.filed(system);
        SampleCases.awaitOnTheDesk(system, caseNumber);
        SampleCases.decided(system, caseNumber);

        // The case's trace is the one its case-received went out in; the letter's publication must come to it.
        ReceivedSpan submitted = await().atMost(Duration.ofSeconds(60)).until(
                () -> publication(caseNumber, "intake-service", "imr.case-received"), spans -> spans.size() == 1).get(0);
        String traceId = submitted.traceId();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertEquals(List.of(traceId),
                publication(caseNumber, "notification-service", "imr.letter-issued").stream().map(ReceivedSpan::traceId)
                        .toList(), () -> "the letter's publication, in the case's trace " + describe(traceId)));

        List<ReceivedSpan> trace = traces.trace(traceId);
        assertEquals(Set.of("intake-service", "assignment-service", "review-service", "notification-service"),
                trace.stream().map(ReceivedSpan::service).collect(Collectors.toSet()), describe(traceId));
        List<ReceivedSpan> roots = trace.stream().filter(ReceivedSpan::isRoot).toList();
        assertEquals(List.of("intake-service SERVER POST /api/cases"),
                roots.stream().map(root -> root.service() + " " + root.kind() + " " + root.name()).toList(),
                "the trace begins with the submission " + describe(traceId));
        for (String step : List.of(
                "intake-service imr.case-received publish",
                "assignment-service imr.case-received process",
                "assignment-service imr.reviewer-assigned publish",
                "review-service imr.reviewer-assigned process",
                "review-service record determination",
                "review-service imr.decision-recorded publish",
                "notification-service imr.decision-recorded process",
                "notification-service imr.letter-issued publish")) {
            assertTrue(trace.stream().anyMatch(span -> (span.service() + " " + span.name()).equals(step)
                            && caseNumber.equals(span.attributes().get("imrflow.case_number"))),
                    step + " of " + caseNumber + " " + describe(traceId));
        }

        // The reviewer's request is a trace of its own, and it and the recording of the decision link to each other.
        ReceivedSpan recording = trace.stream().filter(span -> span.name().equals("record determination")).findFirst()
                .orElseThrow();
        ReceivedSpan request = await().atMost(Duration.ofSeconds(30)).until(() -> traces.spans(span ->
                span.service().equals("review-service") && span.kind().equals("SERVER")
                        && span.linkedSpanIds().contains(recording.spanId())), spans -> !spans.isEmpty()).get(0);
        assertNotEquals(traceId, request.traceId());
        assertEquals("POST /api/reviews/{caseNumber}/determination", request.name());
        assertEquals(List.of(request.spanId()), recording.linkedSpanIds());

        // Log lines carry the trace id: the review service's line about the decision names the case's trace.
        List<String> decided = Files.readAllLines(system.process(ImrService.REVIEW).log()).stream()
                .filter(line -> line.contains("Case " + caseNumber + " decided")).toList();
        assertEquals(1, decided.size(), decided::toString);
        assertTrue(decided.get(0).contains("traceId=" + traceId + " spanId=" + recording.spanId()), decided.get(0));
        assertFalse(decided.get(0).contains("traceId= "), decided.get(0));
    }

    private static List<ReceivedSpan> publication(String caseNumber, String service, String topic) {
        return traces.spans(span -> span.service().equals(service) && span.name().equals(topic + " publish")
                && caseNumber.equals(span.attributes().get("imrflow.case_number")));
    }

    private static String describe(String traceId) {
        return traces.trace(traceId).stream().map(ReceivedSpan::toString)
                .collect(Collectors.joining("\n  ", "(trace " + traceId + ":\n  ", ")"));
    }
}
