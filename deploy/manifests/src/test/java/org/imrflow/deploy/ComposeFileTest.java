package org.imrflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code deploy/compose/docker-compose.yml} against the services' own configuration: whatever a service needs in its
 * prod profile is set, nothing it does not read is, its ports, health check and Dockerfile agree with its
 * {@code application.properties}, and Kafka's init creates every topic of the event stream. No Docker is needed: the
 * file is read as YAML, with the repository's sources beside it.
 */
class ComposeFileTest {
    private static final Path COMPOSE_DIRECTORY = ServiceConfiguration.REPOSITORY.resolve("deploy/compose");
    private static final Path COMPOSE_FILE = COMPOSE_DIRECTORY.resolve("docker-compose.yml");
    private static final int PARTITIONS = 12;
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

    private static JsonNode compose;
    private static JsonNode services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        assertTrue(Files.isRegularFile(COMPOSE_FILE), COMPOSE_FILE + " is missing");
        compose = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE_FILE.toFile());
        services = compose.path("services");
        assertTrue(services.isObject(), COMPOSE_FILE + " has no services");
    }

    static List<String> services() {
        return ServiceConfiguration.SERVICES;
    }

    @Test
    void every_service_is_in_the_compose_file() {
        List<String> missing = ServiceConfiguration.SERVICES.stream().filter(name -> !services.has(name)).toList();
        assertTrue(missing.isEmpty(), "docker-compose.yml lacks the services " + missing);
    }

    @ParameterizedTest
    @MethodSource("services")
    void publishes_the_api_and_management_ports_of_its_application_properties(String name) {
        ServiceConfiguration config = ServiceConfiguration.of(name);
        Map<Integer, Integer> published = publishedPorts(name);
        for (int port : List.of(config.httpPort(), config.managementPort())) {
            String setting = port == config.httpPort() ? "quarkus.http.port" : "quarkus.management.port";
            assertTrue(published.containsKey(port), name + ": its " + setting + " is " + port
                    + ", but the compose file publishes container ports " + published.keySet());
            // the same number on the host: imrflow-web's redirect URIs and the README's URLs name these ports
            assertEquals(port, published.get(port), name + ": container port " + port + " (" + setting
                    + ") is published on host port " + published.get(port) + ", not on the same port");
        }
        Set<Integer> others = new TreeSet<>(published.keySet());
        others.removeAll(Set.of(config.httpPort(), config.managementPort()));
        assertTrue(others.isEmpty(), name + ": publishes container ports " + others
                + " that are neither its quarkus.http.port nor its quarkus.management.port");
    }

    @ParameterizedTest
    @MethodSource("services")
    void sets_every_environment_variable_its_prod_profile_requires(String name) {
        ServiceConfiguration config = ServiceConfiguration.of(name);
        Map<String, String> environment = environment(name);
        for (String variable : config.requiredEnvironment()) {
            assertTrue(environment.containsKey(variable), name + ": " + variable
                    + " has no default in its prod profile and the compose file does not set it");
            assertFalse(environment.get(variable) == null || environment.get(variable).isBlank(),
                    name + ": " + variable + " is set empty, and the prod profile requires it");
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void sets_no_environment_variable_the_service_does_not_read(String name) {
        ServiceConfiguration config = ServiceConfiguration.of(name);
        Set<String> read = config.readEnvironment();
        Set<String> dead = new TreeSet<>(environment(name).keySet());
        dead.removeAll(read);
        assertTrue(dead.isEmpty(), name + ": the compose file sets " + dead + ", which " + name
                + " never reads (not in its properties, its modules' defaults, nor its Java's System.getenv or"
                + " @ConfigProperty): a typo, or a dead setting");
    }

    @ParameterizedTest
    @MethodSource("services")
    void its_database_settings_name_its_own_database(String name) {
        ServiceConfiguration config = ServiceConfiguration.of(name);
        Map<String, String> environment = environment(name);
        for (String key : List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.reactive.url")) {
            String value = config.property(key).orElseThrow(() ->
                    new AssertionError(name + ": its prod profile sets no " + key));
            Matcher expression = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):[^}]*/([A-Za-z0-9_]+)}").matcher(value);
            assertTrue(expression.matches(), name + ": " + key + " is " + value
                    + ", not ${VARIABLE:<default URL ending in the database>}");
            String variable = expression.group(1);
            String database = expression.group(2);
            String url = environment.get(variable);
            assertNotNull(url, name + ": " + variable + " (" + key + ") is not set, so the service would use its"
                    + " default, localhost");
            assertTrue(url.matches(".*://postgres:5432/" + Pattern.quote(database) + "(\\?.*)?"),
                    name + ": " + variable + " is " + url + ", not database " + database + " on postgres:5432");
        }
        String user = config.property("quarkus.datasource.username").orElse("");
        Matcher userVariable = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}].*").matcher(user);
        assertTrue(userVariable.matches(), name + ": quarkus.datasource.username is " + user + ", not from a variable");
        String database = name.replace("-service", "");
        assertEquals(database, environment.get(userVariable.group(1)), name + ": " + userVariable.group(1)
                + " should be the role that owns database " + database + " (postgres-init)");
        String init = postgresInitScripts();
        assertTrue(Pattern.compile("\\b" + Pattern.quote(database) + "\\b").matcher(init).find(),
                name + ": the postgres init scripts in deploy/compose/postgres-init never name database " + database);
    }

    @ParameterizedTest
    @MethodSource("services")
    void its_health_check_asks_the_management_port(String name) {
        ServiceConfiguration config = ServiceConfiguration.of(name);
        JsonNode test = services.path(name).path("healthcheck").path("test");
        assertFalse(test.isMissingNode(), name + ": has no healthcheck");
        String command = text(test);
        Matcher url = Pattern.compile("https?://[^/:\\s\"']+:(\\d+)(/[^\\s\"']*)").matcher(command);
        assertTrue(url.find(), name + ": its healthcheck names no http://host:port/path: " + command);
        assertEquals(config.managementPort(), Integer.parseInt(url.group(1)), name + ": its healthcheck asks port "
                + url.group(1) + ", not its quarkus.management.port " + config.managementPort() + ": " + command);
        assertTrue(url.group(2).startsWith("/q/health"), name + ": its healthcheck asks " + url.group(2)
                + ", not /q/health on the management port");
    }

    @ParameterizedTest
    @MethodSource("services")
    void starts_after_its_infrastructure_and_the_topics(String name) {
        JsonNode dependsOn = services.path(name).path("depends_on");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("postgres", "service_healthy");
        expected.put("kafka", "service_healthy");
        expected.put("keycloak", "service_healthy");
        expected.put(topicInitService(), "service_completed_successfully");
        expected.forEach((dependency, condition) -> assertEquals(condition,
                dependsOn.path(dependency).path("condition").asText(null),
                name + ": depends_on " + dependency + " should have condition " + condition));
    }

    @ParameterizedTest
    @MethodSource("services")
    void is_built_from_a_dockerfile_that_exposes_its_ports(String name) throws IOException {
        ServiceConfiguration config = ServiceConfiguration.of(name);
        JsonNode service = services.path(name);
        assertTrue(service.path("image").asText("").startsWith("imrflow/" + name + ":"),
                name + ": image should be imrflow/" + name + ":<version>, is " + service.path("image").asText(null));
        JsonNode build = service.path("build");
        assertTrue(build.path("context").isTextual(), name + ": has no build.context");
        Path context = COMPOSE_DIRECTORY.resolve(build.path("context").asText()).normalize();
        assertEquals(ServiceConfiguration.REPOSITORY.resolve(name).normalize(), context,
                name + ": build.context should be its module, where target/quarkus-app is");
        Path dockerfile = context.resolve(build.path("dockerfile").asText("Dockerfile"));
        assertTrue(Files.isRegularFile(dockerfile), name + ": its Dockerfile " + dockerfile + " does not exist");
        Set<Integer> exposed = new TreeSet<>();
        for (String line : Files.readAllLines(dockerfile)) {
            if (line.strip().toUpperCase().startsWith("EXPOSE ")) {
                for (String port : line.strip().substring("EXPOSE ".length()).trim().split("\\s+")) {
                    exposed.add(Integer.parseInt(port.replaceAll("/.*", "")));
                }
            }
        }
        assertTrue(exposed.contains(config.httpPort()), name + ": " + dockerfile + " EXPOSEs " + exposed
                + ", not its quarkus.http.port " + config.httpPort());
        assertTrue(exposed.contains(config.managementPort()), name + ": " + dockerfile + " EXPOSEs " + exposed
                + ", not its quarkus.management.port " + config.managementPort());
    }

    @Test
    void the_kafka_init_creates_every_topic_of_the_event_stream() throws IOException {
        String initService = topicInitService();
        String script = text(services.path(initService).path("entrypoint")) + "\n"
                + text(services.path(initService).path("command"));
        Set<String> created = new TreeSet<>();
        Matcher topic = Pattern.compile("(?<![\\w.-])imr\\.[a-z0-9][a-z0-9.-]*[a-z0-9]").matcher(script);
        while (topic.find()) {
            created.add(topic.group());
        }
        Set<String> wanted = new TreeSet<>(ServiceConfiguration.localStackTopics());
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(created);
        assertTrue(missing.isEmpty(), initService + " does not create the topics " + missing + " of ImrTopics.ALL");
        Set<String> extra = new TreeSet<>(created);
        extra.removeAll(wanted);
        assertTrue(extra.isEmpty(), initService + " creates topics " + extra + " that ImrTopics.ALL does not have");
        assertTrue(script.matches("(?s).*--partitions\\s+" + PARTITIONS + "\\b.*"),
                initService + " should create every topic with --partitions " + PARTITIONS);
        assertEquals("service_healthy", services.path(initService).path("depends_on").path("kafka").path("condition")
                .asText(null), initService + ": depends_on kafka should have condition service_healthy");
    }

    @Test
    void images_are_the_versions_the_build_pins() throws IOException {
        String pom = Files.readString(ServiceConfiguration.REPOSITORY.resolve("pom.xml"));
        Map<String, String> images = Map.of(
                "keycloak", "quay.io/keycloak/keycloak:" + pomProperty(pom, "keycloak.version"),
                "greenmail", "greenmail/standalone:" + pomProperty(pom, "greenmail.version"),
                "kafka", "apache/kafka:" + pomProperty(pom, "kafka.version"));
        images.forEach((service, image) -> assertEquals(image, services.path(service).path("image").asText(null),
                service + ": its image should be the version the root pom.xml pins"));
    }

    @Test
    void every_variable_the_compose_file_takes_from_env_is_in_the_example() throws IOException {
        Set<String> referenced = new TreeSet<>();
        Matcher reference = VARIABLE_REFERENCE.matcher(Files.readString(COMPOSE_FILE).replace("$$", ""));
        while (reference.find()) {
            referenced.add(reference.group(1));
        }
        Path example = COMPOSE_DIRECTORY.resolve(".env.example");
        assertTrue(Files.isRegularFile(example), example + " is missing");
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(example)) {
            Matcher entry = Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]*)=(.*)$").matcher(line.strip());
            if (entry.matches()) {
                documented.add(entry.group(1));
                boolean secret = entry.group(1).matches(".*(PASSWORD|SECRET).*");
                assertFalse(secret && !entry.group(2).isBlank(), ".env.example gives " + entry.group(1)
                        + " a value: secrets stay empty there, so that a copy nobody filled in stops compose");
            }
        }
        Set<String> missing = new TreeSet<>(referenced);
        missing.removeAll(documented);
        assertTrue(missing.isEmpty(), "docker-compose.yml reads " + missing + " from .env, but .env.example does not"
                + " list them");
    }

    /** The compose service that runs kafka-topics.sh. */
    private static String topicInitService() {
        List<String> found = new ArrayList<>();
        services.fieldNames().forEachRemaining(name -> {
            JsonNode service = services.path(name);
            if ((text(service.path("command")) + text(service.path("entrypoint"))).contains("kafka-topics.sh")) {
                found.add(name);
            }
        });
        assertEquals(1, found.size(), "docker-compose.yml should have one service that runs kafka-topics.sh, has "
                + found);
        return found.get(0);
    }


    /** Container port to host port, from short ("127.0.0.1:8081:8081") and long (target/published) syntax. */
    private static Map<Integer, Integer> publishedPorts(String name) {
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        for (JsonNode entry : services.path(name).path("ports")) {
            if (entry.isObject()) {
                int target = entry.path("target").asInt();
                ports.put(target, entry.path("published").asInt(target));
            } else {
                String[] parts = entry.asText().replaceAll("/(tcp|udp)$", "").split(":");
                int target = Integer.parseInt(parts[parts.length - 1]);
                ports.put(target, parts.length == 1 ? target : Integer.parseInt(parts[parts.length - 2]));
            }
        }
        return ports;
    }

    /** A service's environment, from the map or the list ("NAME=value") form. */
    private static Map<String, String> environment(String name) {
        JsonNode environment = services.path(name).path("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment.isObject()) {
            environment.fields().forEachRemaining(field ->
                    variables.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText()));
        } else {
            for (JsonNode entry : environment) {
                String[] parts = entry.asText().split("=", 2);
                variables.put(parts[0], parts.length == 2 ? parts[1] : null);
            }
        }
        return variables;
    }

    private static String postgresInitScripts() {
        Set<String> mounted = new LinkedHashSet<>();
        for (JsonNode volume : services.path("postgres").path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts.length >= 2 && parts[1].startsWith("/docker-entrypoint-initdb.d")) {
                mounted.add(parts[0]);
            }
        }
        assertFalse(mounted.isEmpty(), "postgres: nothing is mounted on /docker-entrypoint-initdb.d");
        StringBuilder scripts = new StringBuilder();
        for (String source : mounted) {
            Path path = COMPOSE_DIRECTORY.resolve(source).normalize();
            try {
                if (Files.isDirectory(path)) {
                    try (var files = Files.list(path)) {
                        for (Path file : files.sorted().toList()) {
                            scripts.append(Files.readString(file)).append('\n');
                        }
                    }
                } else {
                    scripts.append(Files.readString(path)).append('\n');
                }
            } catch (IOException e) {
                fail("postgres: cannot read its init scripts " + path + ": " + e);
            }
        }
        return scripts.toString();
    }

    private static String pomProperty(String pom, String name) {
        Matcher property = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertTrue(property.find(), "the root pom.xml has no <" + name + ">");
        return property.group(1).strip();
    }

    /** A string, or a list's items joined by spaces. */
    private static String text(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            return items.stream().collect(Collectors.joining(" "));
        }
        return node.asText();
    }
}
