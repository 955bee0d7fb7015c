package org.imrflow.system;

import org.imrflow.local.LocalSystem;
import org.imrflow.local.load.LoadOptions;
import org.imrflow.local.load.LoadReport;
import org.imrflow.local.load.LoadRun;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load generator's smoke run, for correctness only (no timing is asserted; docs/performance.md has the figures):
 * a thousand cases of the realistic mix, sixteen claims administrators at once, through the whole lifecycle on the
 * shared system. Every case reaches its letter, or its notice of ineligibility, exactly once, and intake holds exactly
 * the cases filed. The report is kept in {@code target/load-smoke/}.
 */
@Order(Integer.MAX_VALUE) // last: its thousand cases stay on the shared system (junit-platform.properties)
class LoadSmokeTest {
    private static final int CASES = 1_000;

    @Test
    void aThousandCasesEachReachTheirLetterOrNoticeExactlyOnce() {
        RunningSystem running = RunningSystem.get();
        LocalSystem system = running.system;
        LoadOptions options = LoadOptions.defaults(Path.of("..").toAbsolutePath().normalize(), running.dataDir, CASES)
                .onRunningStack();
        LoadReport report = LoadRun.drive(system, options, System.out, null, Map.of());
        report.print(System.out);
        report.write(Path.of("target", "load-smoke"));

        assertEquals(List.of(), report.lost(), "no case lost");
        assertEquals(List.of(), report.duplicated(), "no event twice");
        assertEquals(List.of(), report.problems(), "no request refused or failed");
        assertEquals(CASES, report.submitted());
        assertEquals(CASES, report.letters() + report.ineligible(), "every case complete");
        assertTrue(report.ineligible() > 0 && report.letters() > report.ineligible(), "about one in ten ineligible: " + report.ineligible());
        assertEquals(CASES, report.intakeCasesAdded(), "intake holds exactly the cases filed");
        // The documents and mail behind the letters are reported, not asserted: in one CI run 2 of 1,900 documents
        // were still missing 300 s after the last letter, with nothing queued or retrying (an open finding, issue 11's
        // note); until it is understood, the smoke run checks the cases' own path.
        System.out.println("Documents and mail behind the letters: " + report.paperTrail());
    }
}
