package org.imrflow.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --fresh} wipes the stack's data and keeps the reports a person reads later. */
class FreshStartTest {

    @Test
    void aFreshStartWipesTheDataAndKeepsTheReports(@TempDir Path dataDir) throws Exception {
        Path report = Files.createDirectories(dataDir.resolve(StackOptions.REPORTS).resolve("load").resolve("20261127-000000"))
                .resolve("summary.txt");
        Files.writeString(report, "CLEAN");
        Path postgres = Files.createDirectories(dataDir.resolve("postgres").resolve("base"));
        Files.writeString(postgres.resolve("1"), "data");
        Files.writeString(dataDir.resolve("launcher.pids"), "1");

        EmbeddedInfrastructure.wipeKeepingReports(dataDir);

        assertTrue(Files.isRegularFile(report), "the report is kept");
        assertFalse(Files.exists(dataDir.resolve("postgres")), "the database is gone");
        assertFalse(Files.exists(dataDir.resolve("launcher.pids")));
    }
}
