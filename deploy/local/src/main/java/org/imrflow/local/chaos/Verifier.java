package org.imrflow.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import org.imrflow.local.chaos.Finding.Kind;
import org.imrflow.local.chaos.Workload.CaseRun;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * After the drain, checks every case of the workload end to end: exactly one case at intake for its claim number,
 * with one assignment, one review with its decision and one letter (REST, listed and one by one), intake showing the
 * letter, and on the wire one event id per step (a redelivered copy of an id is fine, a second id is a duplicate).
 */
final class Verifier {
    private static final long ANSWER_WITHIN_MS = 60_000;

    private final String intake;
    private final String assignment;
    private final String review;
    private final String notification;
    private final List<Kill> kills;
    private final long runStart;
    private final RetryingHttp http;

    Verifier(String intake, String assignment, String review, String notification, List<Kill> kills, long runStart,
             java.util.function.Function<String, String> tokens) {
        this.http = new RetryingHttp(tokens);
        this.intake = intake;
        this.assignment = assignment;
        this.review = review;
        this.notification = notification;
        this.kills = kills;
        this.runStart = runStart;
    }

    record IntakeCase(String caseNumber, String claimNumber, String status, long receivedAt) {
    }

    record Totals(long intakeCases, long assignments, long reviews, long letters) {
    }

    record Result(List<Finding> findings, Totals totals, WireLog wire) {
    }

    Result verify(List<CaseRun> cases, WireLog wire) {
        Map<String, List<IntakeCase>> byClaim = new HashMap<>();
        long intakeTotal = listAll(intake + "/api/cases", item -> {
            IntakeCase found = new IntakeCase(item.path("caseNumber").asText(), item.path("claimNumber").asText(),
                    item.path("status").asText(), instant(item.path("receivedAt").asText(null)));
            List<IntakeCase> same = byClaim.computeIfAbsent(found.claimNumber(), c -> new ArrayList<>());
            if (same.stream().noneMatch(c -> c.caseNumber().equals(found.caseNumber()))) {
                same.add(found);
            }
        });
        Totals totals = new Totals(intakeTotal, total(assignment + "/api/assignments"), total(review + "/api/reviews"),
                total(notification + "/api/letters"));

        List<Finding> findings = new ArrayList<>();
        for (CaseRun run : cases) {
            findings.addAll(check(run, byClaim.getOrDefault(run.claimNumber, List.of()), wire));
        }
        return new Result(findings, totals, wire);
    }

    private List<Finding> check(CaseRun run, List<IntakeCase> atIntake, WireLog wire) {
        List<Finding> findings = new ArrayList<>();
        String claim = run.claimNumber;
        if (run.rejected != null) {
            findings.add(finding(claim, Kind.LOST, "intake refused the submission: " + run.rejected, run.submittedAt));
            return findings;
        }
        Set<String> caseNumbers = new LinkedHashSet<>();
        atIntake.stream().sorted(Comparator.comparing(IntakeCase::caseNumber)).forEach(c -> caseNumbers.add(c.caseNumber()));
        caseNumbers.addAll(wire.casesOfClaim(claim));
        if (run.caseNumber != null) {
            caseNumbers.add(run.caseNumber);
        }
        if (caseNumbers.isEmpty()) {
            findings.add(finding(claim, Kind.LOST, "no case at intake" + (run.acceptedAt == 0 ? " (the POST never got an answer)" : ""),
                    run.submittedAt));
            return findings;
        }
        if (atIntake.size() > 1) {
            IntakeCase second = atIntake.stream().sorted(Comparator.comparingLong(IntakeCase::receivedAt)).toList().get(1);
            findings.add(finding(claim, Kind.DUPLICATED, atIntake.size() + " cases at intake for one submission ("
                    + run.submitAttempts + " POST attempts with one Idempotency-Key): "
                    + atIntake.stream().map(c -> c.caseNumber() + " " + c.status()).toList(), second.receivedAt()));
        }
        // The case our POST was answered with is the one that must reach its letter; any other is the duplicate above.
        String primary = run.caseNumber != null ? run.caseNumber : caseNumbers.iterator().next();
        for (String caseNumber : caseNumbers) {
            checkWire(claim, caseNumber, wire, findings);
        }
        if (atIntake.size() <= 1) {
            List<String> onWire = wire.casesOfClaim(claim);
            if (onWire.size() > 1) {
                findings.add(finding(claim, Kind.DUPLICATED, onWire.size() + " case numbers announced on imr.case-received "
                        + "for one claim: " + onWire, 0));
            }
        }
        if (run.redecisions > 0) {
            findings.add(finding(claim, Kind.LOST, primary + ": a determination acknowledged with 200 was lost (the review was"
                    + " ACCEPTED again; decided " + (run.redecisions + 1) + " times)", run.decidedAt));
        }
        checkStages(run, primary, atIntake, wire, findings);
        return findings;
    }

    private void checkWire(String claim, String caseNumber, WireLog wire, List<Finding> findings) {
        for (String topic : WireLog.ONCE_PER_CASE) {
            Map<String, Long> ids = wire.ids(caseNumber, topic);
            if (ids.size() > 1) {
                List<Map.Entry<String, Long>> seen = new ArrayList<>(ids.entrySet());
                StringBuilder what = new StringBuilder(caseNumber + ": " + ids.size() + " distinct ce_id on " + topic + ":");
                seen.forEach(e -> what.append(' ').append(e.getKey()).append(" @").append(String.format("%.1f s", (e.getValue() - runStart) / 1000.0)));
                findings.add(finding(claim, Kind.DUPLICATED, what.toString(), seen.get(1).getValue()));
            }
        }
    }

    private void checkStages(CaseRun run, String caseNumber, List<IntakeCase> atIntake, WireLog wire, List<Finding> findings) {
        String claim = run.claimNumber;
        String deadLetters = wire.deadLetters(caseNumber).stream()
                .map(d -> d.topic() + " (" + Workload.abbreviate(d.reason()) + ")").reduce((a, b) -> a + "; " + b)
                .map(s -> "; dead-lettered on " + s).orElse("");
        long deadLetteredAt = wire.deadLetters(caseNumber).stream().mapToLong(WireLog.DeadLetter::timestamp).min().orElse(0);
        long stuckSince = deadLetteredAt > 0 ? deadLetteredAt : Math.max(run.acceptedAt, run.decidedAt);

        Optional<JsonNode> assigned = one(assignment + "/api/assignments/" + caseNumber);
        Optional<JsonNode> reviewed = one(review + "/api/reviews/" + caseNumber);
        Optional<JsonNode> letter = one(notification + "/api/letters/" + caseNumber);
        Optional<JsonNode> atIntakeNow = one(intake + "/api/cases/" + caseNumber);
        String lost = null;
        if (atIntakeNow.isEmpty()) {
            lost = "no case " + caseNumber + " at intake, though the POST was answered with it";
        } else if (assigned.isEmpty() || !List.of("OFFERED", "ACCEPTED", "DECIDED").contains(assigned.get().path("status").asText())) {
            lost = caseNumber + " never assigned (assignment: " + assigned.map(a -> a.path("status").asText()).orElse("none") + ")";
        } else if (reviewed.isEmpty()) {
            lost = caseNumber + " assigned but never reached review-service";
        } else if (!"DECIDED".equals(reviewed.get().path("status").asText())) {
            lost = caseNumber + " on the worklist but not decided (review " + reviewed.get().path("status").asText() + ")";
        } else if (letter.isEmpty()) {
            lost = caseNumber + " decided but no letter";
        } else if (!"DETERMINATION_ISSUED".equals(atIntakeNow.get().path("status").asText())) {
            lost = caseNumber + " has its letter but intake still says " + atIntakeNow.get().path("status").asText();
        }
        if (lost != null) {
            findings.add(finding(claim, Kind.LOST, lost + deadLetters, stuckSince));
            return;
        }
        for (String topic : WireLog.STEPS) {
            if (wire.ids(caseNumber, topic).isEmpty()) {
                findings.add(finding(claim, Kind.LOST, caseNumber + " completed over REST but no event on " + topic, stuckSince));
            }
        }
        if (!deadLetters.isEmpty()) {
            findings.add(finding(claim, Kind.LOST, caseNumber + " completed, but an event of it was dead-lettered" + deadLetters,
                    deadLetteredAt));
        }
    }

    private Finding finding(String claim, Kind kind, String what, long at) {
        return new Finding(claim, kind, what, at, nearKill(at));
    }

    /** The kill -9 that an anomaly at {@code at} most likely followed: the latest one killed before it, if it was still down or back less than 30 s. */
    String nearKill(long at) {
        if (at <= 0) {
            return "time unknown";
        }
        Kill near = null;
        for (Kill kill : kills) {
            long backAt = kill.restarted() ? kill.readyAt() : Long.MAX_VALUE / 2;
            if (kill.killedAt() <= at + 2_000 && at <= backAt + 30_000) {
                near = kill;
            }
        }
        if (near == null) {
            return "no kill within 30 s before it";
        }
        return String.format("after kill -9 %s at %.1f s (back at %s)", near.target().label(), (near.killedAt() - runStart) / 1000.0,
                near.restarted() ? String.format("%.1f s", (near.readyAt() - runStart) / 1000.0) : "never");
    }

    private Optional<JsonNode> one(String url) {
        return http.get(RetryingHttp.OPERATIONS, url, within(ANSWER_WITHIN_MS)).filter(RetryingHttp.Response::ok).map(r -> Workload.tree(r.body()));
    }

    private long total(String listUrl) {
        return http.get(RetryingHttp.OPERATIONS, listUrl + "?size=1", within(ANSWER_WITHIN_MS)).filter(RetryingHttp.Response::ok)
                .map(r -> Workload.tree(r.body()).path("total").asLong(-1)).orElse(-1L);
    }

    /** Pages through a list; returns its total. Duplicate rows across pages (unstable order) are harmless here. */
    private long listAll(String listUrl, java.util.function.Consumer<JsonNode> each) {
        long total = 0;
        for (int page = 0; ; page++) {
            JsonNode body = http.get(RetryingHttp.OPERATIONS, listUrl + "?size=100&page=" + page, within(ANSWER_WITHIN_MS)).filter(RetryingHttp.Response::ok)
                    .map(r -> Workload.tree(r.body()))
                    .orElseThrow(() -> new IllegalStateException("Could not list " + listUrl));
            total = body.path("total").asLong();
            body.path("items").forEach(each);
            if (body.path("items").size() < 100 || (long) (page + 1) * 100 >= total) {
                return total;
            }
        }
    }

    /** Retries of one request stop after this long: a service that stays down makes its cases count as lost. */
    private static BooleanSupplier within(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        return () -> System.currentTimeMillis() > deadline;
    }

    private static long instant(String iso) {
        try {
            return iso == null ? 0 : java.time.Instant.parse(iso).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            return 0;
        }
    }
}
