package org.imrflow.local.load;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadOptionsTest {
    private static final Path ROOT = Path.of("/repo");

    @Test
    void theDefaultsAreAThousandCasesSixteenAtATime() {
        LoadOptions options = LoadOptions.parse(new String[0], ROOT);
        assertEquals(1_000, options.cases());
        assertEquals(16, options.concurrency());
        assertEquals(ROOT.resolve(".imr-flow-load"), options.dataDir());
        assertTrue(options.restartCheck());
        assertFalse(options.oneCaseAtATime());
        assertEquals(10_000, options.kafkaProbeMessages());
        assertEquals(1, options.replicas());
        assertEquals(12, options.partitions());
    }

    @Test
    void everyOptionIsRead() {
        LoadOptions options = LoadOptions.parse(new String[] {"--cases", "100000", "--concurrency", "64", "--seed", "9",
                "--ineligible", "0.2", "--expedited", "0", "--kafka-probe", "0", "--drain", "60", "--documents-wait", "90", "--heap", "192m",
                "--replicas", "2", "--partitions", "3", "--no-restart-check", "--one-at-a-time"}, ROOT);
        assertEquals(100_000, options.cases());
        assertEquals(64, options.concurrency());
        assertEquals(9, options.seed());
        assertEquals(0.2, options.ineligibleShare());
        assertEquals(0, options.expeditedShare());
        assertEquals(0, options.kafkaProbeMessages());
        assertEquals(60, options.drain().toSeconds());
        assertEquals(90, options.documentsWait().toSeconds());
        assertEquals("192m", options.serviceHeap());
        assertEquals(2, options.replicas());
        assertEquals(3, options.partitions());
        assertFalse(options.restartCheck());
        assertTrue(options.oneCaseAtATime());
    }

    @Test
    void aBadOptionSaysWhich() {
        assertEquals("--cases needs a number, not many",
                assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--cases", "many"}, ROOT)).getMessage());
        assertEquals("--concurrency must be between 1 and 1024",
                assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--concurrency", "0"}, ROOT)).getMessage());
        assertEquals("Unknown option --fast",
                assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--fast", "yes"}, ROOT)).getMessage());
        assertEquals("--seed needs a value",
                assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--seed"}, ROOT)).getMessage());
    }

    @Test
    void kafkasSummaryLinesAreRead() {
        String output = "0\t2.1\n1000\t1.2\nAvg latency: 1.4321 ms\nPercentiles: 50th = 1, 99th = 3, 99.9th = 12\n";
        KafkaProbe probe = KafkaProbe.parse(10_000, output).orElseThrow();
        assertEquals(1.4321, probe.averageMillis());
        assertEquals(1, probe.p50Millis());
        assertEquals(3, probe.p99Millis());
        assertEquals(12, probe.p999Millis());
        assertTrue(KafkaProbe.parse(10, "Exception in thread main").isEmpty());
    }
}
