package org.imrflow.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every REST resource carries {@code @Cancellable(false)}. By default Quarkus REST cancels a request's Uni when its
 * client hangs up; a Hibernate Reactive transaction cancelled in flight keeps its pooled connection for good
 * (quarkusio/quarkus#51576, hibernate-reactive#2926), and a chaos run whose clients timed out while a restarted service
 * was still warming up left intake with an empty pool. A request that has begun now runs to its end, committed or
 * rolled back, whoever is still listening.
 */
class ResourcesOutliveTheirClientsTest {
    private static final Pattern CLASS_PATH = Pattern.compile("^@Path\\(", Pattern.MULTILINE);

    @Test
    void everyResourceRunsToItsEndWhenItsClientHangsUp() throws IOException {
        Path root = Path.of(System.getProperty("imrflow.repository-root", "..")).toAbsolutePath().normalize();
        List<Path> resources;
        try (Stream<Path> files = Files.walk(root, 12)) {
            resources = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> file.toString().contains("/src/main/java/"))
                    .filter(file -> !file.toString().contains("/target/") && !file.toString().contains("/.imr-flow/"))
                    .filter(file -> CLASS_PATH.matcher(read(file)).find())
                    .toList();
        }
        assertFalse(resources.isEmpty(), "resources found under " + root);
        List<Path> cancellable = resources.stream().filter(file -> !read(file).contains("@Cancellable(false)")).toList();
        assertEquals(List.of(), cancellable, "resources a client's hang-up would cancel mid-transaction");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
