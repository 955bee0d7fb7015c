package org.imrflow.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds protected health information in the log files of a local system run: every service's and the broker's. */
final class PhiInLogs {
    private PhiInLogs() {
    }

    /** Each log line, with its file, that contains any of the texts. */
    static List<String> find(Path dataDir, List<String> phi) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path log : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                    lines.filter(line -> phi.stream().anyMatch(line::contains))
                            .forEach(line -> found.add(dataDir.relativize(log) + ": " + line));
                } catch (UncheckedIOException e) {
                    // not UTF-8 (a binary file named .log): nothing a person reads
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
