package org.imrflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code deploy/kubernetes} (kustomize: {@code base/} and {@code overlays/production/}) against the services' own
 * configuration and the event contract. Every YAML document is loaded with fabric8 (typed classes for the core kinds,
 * {@link GenericKubernetesResource} for the operators' custom resources); no cluster and no kubectl are needed.
 *
 * <p>What it holds the manifests to: every document parses and names its apiVersion, kind and name, with no field the
 * core kinds do not have; every kustomization's files exist and every patch and image names something of the base;
 * every topic of the AsyncAPI document, of {@code ImrTopics.ALL} and of the services' channels has a KafkaTopic of 12
 * partitions, 3 replicas and min.insync.replicas 2; each service's KafkaUser may read what it consumes, in its groups,
 * write its dead letters and its outbox's events, and no more; KEDA's triggers are its consumer groups' topics; each
 * Deployment's ports, probes, Service, NetworkPolicy, PodDisruptionBudget and environment agree with its
 * {@code application.properties} ({@link ServiceConfiguration}).
 */
class KubernetesManifestsTest {
    private static final Path REPOSITORY = ServiceConfiguration.REPOSITORY;
    private static final Path KUBERNETES = REPOSITORY.resolve("deploy/kubernetes");
    private static final Path BASE = KUBERNETES.resolve("base");
    private static final Path PRODUCTION = KUBERNETES.resolve("overlays/production");
    private static final Path ASYNCAPI = REPOSITORY.resolve("events/src/main/resources/asyncapi.yaml");
    private static final Path EVENTS_SOURCES = REPOSITORY.resolve("events/src/main/java");

    private static final int PARTITIONS = 12;
    private static final String KAFKA_CLUSTER = "imrflow-kafka";
    private static final Set<String> CORE_API_VERSIONS =
            Set.of("v1", "apps/v1", "policy/v1", "networking.k8s.io/v1");
    private static final Pattern OUTBOX_APPEND = Pattern.compile("outbox\\.append\\(\\s*EventType\\.([A-Z_]+)");
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kmgKMG])");
    /**
     * Variables a Deployment may set that no property of the service names: the image's run-java.sh reads the JVM's,
     * Quarkus reads its own standard ones, and two are read indirectly (kafka-client.properties and KEDA).
     */
    private static final Map<String, String> PLATFORM_ENVIRONMENT = Map.of(
            "JAVA_OPTS_APPEND", "run-java.sh (the image)",
            "JAVA_MAX_MEM_RATIO", "run-java.sh (the image)",
            "GC_CONTAINER_OPTIONS", "run-java.sh (the image)",
            "KUBERNETES_NAMESPACE", "the variable quarkus-kubernetes sets",
            "QUARKUS_CONFIG_LOCATIONS", "quarkus.config.locations: the Kafka client settings file",
            "IMRFLOW_KAFKA_SASL_JAAS_CONFIG", "kafka-client.properties (kafka.sasl.jaas.config)",
            "IMRFLOW_KAFKA_USERNAME", "KEDA's TriggerAuthentication",
            "QUARKUS_MAILER_USERNAME", "quarkus.mailer.username (the SMTP relay's login)",
            "QUARKUS_MAILER_PASSWORD", "quarkus.mailer.password (the SMTP relay's login)");
    /** Secrets the operator creates before applying (deploy/kubernetes/README.md); the others come from operators. */
    private static final Set<String> OPERATOR_SECRETS = Set.of("imrflow-web-client", "notification-smtp", "imrflow-backup-s3");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization KUBERNETES_SERIALIZATION = new KubernetesSerialization();

    /** Every document of every manifest (kustomization files aside), in file order. */
    private static List<Manifest> manifests;
    /** What the base deploys: every document its kustomizations reach. */
    private static List<Manifest> base;

    /** One YAML document of one file. */
    record Manifest(Path file, int index, JsonNode node, Object typed) {
        String apiVersion() {
            return node.path("apiVersion").asText("");
        }

        String kind() {
            return node.path("kind").asText("");
        }

        String name() {
            return node.path("metadata").path("name").asText("");
        }

        <T> T as(Class<T> type) {
            return type.cast(typed);
        }

        @Override
        public String toString() {
            return KUBERNETES.relativize(file) + (index > 0 ? " (document " + (index + 1) + ")" : "")
                    + " " + kind() + " " + name();
        }
    }

    @BeforeAll
    static void loadManifests() throws IOException {
        assertTrue(Files.isDirectory(KUBERNETES), KUBERNETES + " is missing");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(KUBERNETES)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .filter(file -> !isKustomization(file))
                    .sorted()
                    .toList();
        }
        assertFalse(files.isEmpty(), KUBERNETES + " has no manifests");
        manifests = new ArrayList<>();
        for (Path file : files) {
            manifests.addAll(documents(file));
        }
        base = new ArrayList<>();
        for (Path file : kustomizedFiles(BASE)) {
            base.addAll(documents(file));
        }
    }

    static List<String> services() {
        return ServiceConfiguration.SERVICES;
    }

    // ------------------------------------------------------------------------------------------------ documents

    @Test
    void every_document_parses_and_names_its_api_version_kind_and_name() {
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : manifests) {
            for (String field : List.of("apiVersion", "kind")) {
                if (manifest.node.path(field).asText("").isBlank()) {
                    problems.add(manifest + ": no " + field);
                }
            }
            if (manifest.name().isBlank()) {
                problems.add(manifest + ": no metadata.name");
            }
            if (CORE_API_VERSIONS.contains(manifest.apiVersion())) {
                if (manifest.typed instanceof GenericKubernetesResource) {
                    problems.add(manifest + ": apiVersion " + manifest.apiVersion() + " kind " + manifest.kind()
                            + " is not a kind fabric8 knows (a typo in kind?)");
                } else {
                    List<String> unknown = new ArrayList<>();
                    unknownFields(manifest.typed, manifest.kind(), unknown);
                    unknown.forEach(path -> problems.add(manifest + ": field " + path + " does not exist in "
                            + manifest.apiVersion() + " " + manifest.kind()));
                }
            } else if (!(manifest.typed instanceof GenericKubernetesResource)) {
                problems.add(manifest + ": expected a custom resource, fabric8 read " + manifest.typed.getClass());
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void every_kustomization_names_files_that_exist_and_every_patch_targets_a_resource_of_its_base() throws IOException {
        List<Path> kustomizations;
        try (Stream<Path> walk = Files.walk(KUBERNETES)) {
            kustomizations = walk.filter(KubernetesManifestsTest::isKustomization).sorted().toList();
        }
        assertTrue(kustomizations.stream().anyMatch(k -> k.getParent().equals(BASE)), "base/kustomization.yaml is missing");
        assertTrue(kustomizations.stream().anyMatch(k -> k.getParent().equals(PRODUCTION)),
                "overlays/production/kustomization.yaml is missing");
        List<String> problems = new ArrayList<>();
        for (Path kustomization : kustomizations) {
            Path directory = kustomization.getParent();
            JsonNode node = YAML.readTree(kustomization.toFile());
            String where = KUBERNETES.relativize(kustomization).toString();
            for (JsonNode resource : node.path("resources")) {
                Path target = directory.resolve(resource.asText()).normalize();
                if (!Files.isRegularFile(target) && !Files.isRegularFile(target.resolve("kustomization.yaml"))) {
                    problems.add(where + ": resources entry " + resource.asText()
                            + " is neither a file nor a directory with a kustomization.yaml");
                }
            }
            if (!node.path("patches").isMissingNode() || !node.path("images").isMissingNode()) {
                List<Manifest> resources = new ArrayList<>();
                for (Path file : kustomizedFiles(directory)) {
                    resources.addAll(documents(file));
                }
                for (JsonNode patch : node.path("patches")) {
                    problems.addAll(patchProblems(where, directory, patch, resources));
                }
                Set<String> images = resources.stream().filter(m -> m.kind().equals("Deployment"))
                        .flatMap(m -> m.as(Deployment.class).getSpec().getTemplate().getSpec().getContainers().stream())
                        .map(container -> container.getImage().replaceFirst(":[^:/]+$", ""))
                        .collect(Collectors.toSet());
                for (JsonNode image : node.path("images")) {
                    if (!images.contains(image.path("name").asText())) {
                        problems.add(where + ": images entry " + image.path("name").asText()
                                + " matches no container image of its resources " + images
                                + " (kustomize would ignore it silently)");
                    }
                }
            }
        }
        // and no manifest of the base lies outside every kustomization, where nothing would ever apply it
        Set<Path> reached = new TreeSet<>(kustomizedFiles(BASE));
        manifests.stream().map(Manifest::file).filter(file -> file.startsWith(BASE)).distinct()
                .filter(file -> !reached.contains(file))
                .forEach(file -> problems.add(KUBERNETES.relativize(file) + ": no kustomization of base/ lists it"));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void the_production_overlay_runs_two_pods_per_service_and_three_database_instances() throws IOException {
        List<Manifest> production = new ArrayList<>();
        for (JsonNode patch : YAML.readTree(PRODUCTION.resolve("kustomization.yaml").toFile()).path("patches")) {
            production.addAll(documents(PRODUCTION.resolve(patch.path("path").asText())));
        }
        for (String service : ServiceConfiguration.SERVICES) {
            Manifest deployment = find(production, "Deployment", service).orElseThrow(() ->
                    new AssertionError("overlays/production patches no Deployment " + service));
            assertEquals(2, deployment.node.path("spec").path("replicas").asInt(),
                    deployment + ": spec.replicas in production");
            Manifest scaled = find(production, "ScaledObject", service).orElseThrow(() ->
                    new AssertionError("overlays/production patches no ScaledObject " + service));
            assertEquals(2, scaled.node.path("spec").path("minReplicaCount").asInt(),
                    scaled + ": spec.minReplicaCount in production");
            String cluster = databaseCluster(service).name();
            Manifest database = find(production, "Cluster", cluster).orElseThrow(() ->
                    new AssertionError("overlays/production patches no CloudNativePG Cluster " + cluster));
            assertEquals(3, database.node.path("spec").path("instances").asInt(), database + ": spec.instances in production");
        }
    }

    // ------------------------------------------------------------------------------------------------ Kafka

    @Test
    void every_topic_of_the_asyncapi_document_has_a_kafka_topic() throws IOException {
        JsonNode channels = YAML.readTree(ASYNCAPI.toFile()).path("channels");
        assertTrue(channels.size() > 0, ASYNCAPI + " has no channels");
        Set<String> topics = kafkaTopics().keySet();
        List<String> missing = new ArrayList<>();
        channels.fields().forEachRemaining(channel -> {
            String address = channel.getValue().path("address").asText("");
            assertFalse(address.isBlank(), ASYNCAPI + ": channel " + channel.getKey() + " has no address");
            if (!topics.contains(address)) {
                missing.add(address + " (channel " + channel.getKey() + ")");
            }
        });
        assertTrue(missing.isEmpty(), "asyncapi.yaml's topics with no KafkaTopic in base/kafka: " + missing);
    }

    @Test
    void every_topic_the_local_stack_creates_and_every_topic_a_service_names_has_a_kafka_topic() throws IOException {
        Set<String> topics = kafkaTopics().keySet();
        Set<String> wanted = new TreeSet<>(ServiceConfiguration.localStackTopics());
        for (String service : ServiceConfiguration.SERVICES) {
            for (Channel channel : channels(service)) {
                if (!channel.pattern()) {
                    wanted.addAll(channel.topics());
                }
                channel.deadLetterTopic().ifPresent(wanted::add);
            }
        }
        wanted.removeAll(topics);
        assertTrue(wanted.isEmpty(), "topics of ImrTopics.ALL or of the services' application.properties (incoming"
                + " topic/topics, dead-letter-queue.topic) with no KafkaTopic in base/kafka: " + wanted);
    }

    @Test
    void every_topic_a_service_names_is_created_by_the_local_stack() {
        // the local stack and compose create ImrTopics.ALL before the services start, with auto-creation as a fallback
        // only; a dead-letter topic missing there would get the broker's defaults, not the stack's partitions
        Set<String> named = new TreeSet<>();
        for (String service : ServiceConfiguration.SERVICES) {
            for (Channel channel : channels(service)) {
                if (!channel.pattern()) {
                    named.addAll(channel.topics());
                }
                channel.deadLetterTopic().ifPresent(named::add);
            }
        }
        named.removeAll(ServiceConfiguration.localStackTopics());
        assertTrue(named.isEmpty(), "topics the services' application.properties name (incoming topic/topics,"
                + " dead-letter-queue.topic) that ImrTopics.ALL does not create: " + named);
    }

    @Test
    void every_kafka_topic_has_12_partitions_3_replicas_and_min_insync_replicas_2() {
        Map<String, Manifest> topics = kafkaTopics();
        assertFalse(topics.isEmpty(), "base/kafka has no KafkaTopic");
        List<String> problems = new ArrayList<>();
        for (Manifest topic : topics.values()) {
            JsonNode spec = topic.node.path("spec");
            if (spec.path("replicas").asInt() != 3) {
                problems.add(topic + ": spec.replicas is " + spec.path("replicas") + ", not 3");
            }
            if (spec.path("partitions").asInt() != PARTITIONS) {
                problems.add(topic + ": spec.partitions is " + spec.path("partitions") + ", not " + PARTITIONS);
            }
            if (!spec.path("config").path("min.insync.replicas").asText().equals("2")) {
                problems.add(topic + ": spec.config.min.insync.replicas is " + spec.path("config").path("min.insync.replicas")
                        + ", not 2");
            }
            if (!KAFKA_CLUSTER.equals(topic.node.path("metadata").path("labels").path("strimzi.io/cluster").asText())) {
                problems.add(topic + ": metadata.labels.strimzi.io/cluster is not " + KAFKA_CLUSTER
                        + " (the topic operator would ignore it)");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @ParameterizedTest
    @MethodSource("services")
    void its_kafka_user_may_read_what_it_consumes_write_what_it_produces_and_no_more(String service) {
        Manifest user = find(base, "KafkaUser", service).orElseThrow(() ->
                new AssertionError("base/kafka has no KafkaUser " + service));
        String where = user + ": spec.authorization.acls";
        List<Acl> acls = acls(user);
        assertEquals("scram-sha-512", user.node.path("spec").path("authentication").path("type").asText(),
                user + ": spec.authentication.type");
        Set<String> consumed = new TreeSet<>();
        Set<String> deadLetters = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (Channel channel : channels(service)) {
            groups.add(channel.group());
            channel.deadLetterTopic().ifPresent(deadLetters::add);
            if (!channel.pattern()) {
                consumed.addAll(channel.topics());
                for (String topic : channel.topics()) {
                    assertTrue(allows(acls, "topic", topic, "Read"), where + " do not let " + service + " Read " + topic
                            + ", which its channel " + channel.name() + " consumes");
                    assertTrue(allows(acls, "topic", topic, "Describe"), where + " do not let " + service
                            + " Describe " + topic + " (channel " + channel.name() + ")");
                    // the dead-letter replay sends a dead letter back to the topic it was consumed from
                    assertTrue(allows(acls, "topic", topic, "Write"), where + " do not let " + service + " Write "
                            + topic + ", where its dead-letter replay (DeadLetterCourier) sends channel "
                            + channel.name() + "'s dead letters back");
                }
            }
            assertTrue(allows(acls, "group", channel.group(), "Read"), where + " do not let " + service
                    + " Read its consumer group " + channel.group() + " (channel " + channel.name() + ")");
        }
        for (String topic : deadLetters) {
            for (String operation : List.of("Write", "Read", "Describe")) {
                assertTrue(allows(acls, "topic", topic, operation), where + " do not let " + service + " " + operation
                        + " its dead-letter topic " + topic);
            }
        }
        Set<String> produced = producedTopics(service);
        for (String topic : produced) {
            assertTrue(allows(acls, "topic", topic, "Write"), where + " do not let " + service + " Write " + topic
                    + ", which it appends to its outbox");
        }
        // nothing beyond: Read only what it consumes and its dead letters, Write only those and what it produces
        for (Acl acl : acls) {
            if (acl.type().equals("topic") && acl.operations().contains("Read")) {
                assertTrue(acl.literal() && (consumed.contains(acl.name()) || deadLetters.contains(acl.name())),
                        where + ": Read on topic " + acl.name() + " (" + acl.patternType() + "), which " + service
                                + " does not consume");
            }
            if (acl.type().equals("topic") && acl.operations().contains("Write")) {
                assertTrue(acl.literal() && (consumed.contains(acl.name()) || deadLetters.contains(acl.name())
                                || produced.contains(acl.name())),
                        where + ": Write on topic " + acl.name() + " (" + acl.patternType() + "), which " + service
                                + " neither produces nor consumes");
            }
            if (acl.type().equals("group") && acl.operations().contains("Read")) {
                assertTrue(acl.literal() && groups.contains(acl.name()), where + ": Read on group " + acl.name()
                        + ", which is not one of " + service + "'s consumer groups " + groups);
            }
            assertFalse(acl.operations().contains("All") || acl.type().equals("cluster"),
                    where + ": " + acl + " is wider than a service needs");
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void keda_scales_it_on_the_lag_of_each_of_its_consumer_groups_topics(String service) {
        Manifest scaled = find(base, "ScaledObject", service).orElseThrow(() ->
                new AssertionError("base has no ScaledObject " + service));
        JsonNode spec = scaled.node.path("spec");
        assertEquals(service, spec.path("scaleTargetRef").path("name").asText(), scaled + ": spec.scaleTargetRef.name");
        assertEquals(PARTITIONS, spec.path("maxReplicaCount").asInt(),
                scaled + ": spec.maxReplicaCount (a replica beyond the partitions reads nothing)");
        assertTrue(spec.path("minReplicaCount").asInt() >= 1 && spec.path("minReplicaCount").asInt() <= PARTITIONS,
                scaled + ": spec.minReplicaCount " + spec.path("minReplicaCount"));
        String bootstrap = configMapData(service).get("KAFKA_BOOTSTRAP_SERVERS");
        Set<String> expected = new TreeSet<>();
        for (Channel channel : channels(service)) {
            if (!channel.pattern()) {
                channel.topics().forEach(topic -> expected.add(channel.group() + " " + topic));
            }
        }
        Set<String> triggers = new TreeSet<>();
        for (JsonNode trigger : spec.path("triggers")) {
            JsonNode metadata = trigger.path("metadata");
            String which = scaled + ": spec.triggers[" + metadata.path("consumerGroup").asText() + " "
                    + metadata.path("topic").asText() + "]";
            assertEquals("kafka", trigger.path("type").asText(), which + ".type");
            assertEquals(bootstrap, metadata.path("bootstrapServers").asText(),
                    which + ".metadata.bootstrapServers, against the ConfigMap's KAFKA_BOOTSTRAP_SERVERS");
            assertTrue(metadata.path("lagThreshold").asInt() > 0, which + ".metadata.lagThreshold is not set");
            assertEquals(ServiceConfiguration.of(service).property("mp.messaging.connector.smallrye-kafka.auto.offset.reset")
                            .orElse("latest"), metadata.path("offsetResetPolicy").asText("latest"),
                    which + ".metadata.offsetResetPolicy, against the consumers' auto.offset.reset");
            String authentication = trigger.path("authenticationRef").path("name").asText();
            assertTrue(find(base, "TriggerAuthentication", authentication).isPresent(),
                    which + ".authenticationRef names no TriggerAuthentication: " + authentication);
            triggers.add(metadata.path("consumerGroup").asText() + " " + metadata.path("topic").asText());
        }
        assertEquals(expected, triggers, scaled + ": spec.triggers' consumer groups and topics, against the channels"
                + " of " + service + "'s application.properties");
    }

    // ------------------------------------------------------------------------------------------------ the services

    @ParameterizedTest
    @MethodSource("services")
    void its_deployment_ports_and_probes_match_its_http_and_management_ports(String service) {
        ServiceConfiguration config = ServiceConfiguration.of(service);
        int http = config.httpPort();
        int management = config.managementPort();
        Manifest manifest = deploymentManifest(service);
        Deployment deployment = manifest.as(Deployment.class);
        Container container = container(manifest);
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (ContainerPort port : container.getPorts()) {
            ports.put(port.getName(), port.getContainerPort());
        }
        assertEquals(Map.of("http", http, "management", management), ports, manifest + ": spec.template.spec.containers["
                + service + "].ports, against quarkus.http.port " + http + " and quarkus.management.port " + management);
        Map<String, Probe> probes = new LinkedHashMap<>();
        probes.put("/q/health/live", container.getLivenessProbe());
        probes.put("/q/health/ready", container.getReadinessProbe());
        probes.put("/q/health/started", container.getStartupProbe());
        String[] names = {"livenessProbe", "readinessProbe", "startupProbe"};
        int i = 0;
        for (Map.Entry<String, Probe> probe : probes.entrySet()) {
            String field = manifest + ": spec.template.spec.containers[" + service + "]." + names[i++];
            assertNotNull(probe.getValue(), field + " is missing");
            assertNotNull(probe.getValue().getHttpGet(), field + ".httpGet is missing");
            assertEquals(probe.getKey(), probe.getValue().getHttpGet().getPath(), field + ".httpGet.path");
            assertEquals(management, portNumber(probe.getValue().getHttpGet().getPort(), ports),
                    field + ".httpGet.port, against quarkus.management.port");
        }
        Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        assertEquals(String.valueOf(management), annotations.get("prometheus.io/port"),
                manifest + ": spec.template.metadata.annotations.prometheus.io/port");
        assertEquals("/q/metrics", annotations.get("prometheus.io/path"),
                manifest + ": spec.template.metadata.annotations.prometheus.io/path");
        for (String label : List.of("app.kubernetes.io/name", "app.kubernetes.io/version", "app.kubernetes.io/managed-by")) {
            assertTrue(deployment.getSpec().getTemplate().getMetadata().getLabels().containsKey(label),
                    manifest + ": spec.template.metadata.labels lacks " + label);
        }
        assertEquals(service, deployment.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/name"),
                manifest + ": spec.template.metadata.labels.app.kubernetes.io/name");
        // the management interface listens on loopback unless told otherwise: the kubelet's probes would fail
        assertEquals("0.0.0.0", environment(service).get("IMRFLOW_MANAGEMENT_HOST"), manifest
                + ": IMRFLOW_MANAGEMENT_HOST (env or its ConfigMap), else quarkus.management.host stays 127.0.0.1");

        Manifest serviceManifest = find(base, "Service", service).orElseThrow(() ->
                new AssertionError("base has no Service " + service));
        Service kubernetesService = serviceManifest.as(Service.class);
        Map<String, Integer> targets = new LinkedHashMap<>();
        for (ServicePort port : kubernetesService.getSpec().getPorts()) {
            targets.put(port.getName(), portNumber(port.getTargetPort(), ports));
        }
        assertEquals(Map.of("http", http, "management", management), targets,
                serviceManifest + ": spec.ports[].targetPort, against quarkus.http.port and quarkus.management.port");
        assertTrue(selects(kubernetesService.getSpec().getSelector(), deployment.getSpec().getTemplate().getMetadata().getLabels()),
                serviceManifest + ": spec.selector does not select the pods of Deployment " + service);
        assertEquals(String.valueOf(management), kubernetesService.getMetadata().getAnnotations().get("prometheus.io/port"),
                serviceManifest + ": metadata.annotations.prometheus.io/port");

        List<Manifest> monitors = base.stream().filter(m -> m.kind().equals("ServiceMonitor")).toList();
        assertTrue(monitors.stream().anyMatch(monitor -> scrapes(monitor, kubernetesService)), "no ServiceMonitor of"
                + " base selects Service " + service + " and scrapes /q/metrics on its port \"management\"");
    }

    @ParameterizedTest
    @MethodSource("services")
    void its_network_policy_and_disruption_budget_fit_its_ports_and_pods(String service) {
        ServiceConfiguration config = ServiceConfiguration.of(service);
        Manifest deploymentManifest = deploymentManifest(service);
        Map<String, String> podLabels = deploymentManifest.as(Deployment.class).getSpec().getTemplate().getMetadata().getLabels();
        Manifest policyManifest = find(base, "NetworkPolicy", service).orElseThrow(() ->
                new AssertionError("base has no NetworkPolicy " + service));
        NetworkPolicy policy = policyManifest.as(NetworkPolicy.class);
        assertTrue(selects(policy.getSpec().getPodSelector().getMatchLabels(), podLabels),
                policyManifest + ": spec.podSelector does not select the pods of Deployment " + service);
        assertTrue(policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")),
                policyManifest + ": spec.policyTypes " + policy.getSpec().getPolicyTypes());
        Set<Integer> ingress = new TreeSet<>();
        for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
            assertFalse(rule.getPorts() == null || rule.getPorts().isEmpty(),
                    policyManifest + ": spec.ingress rule " + rule.getFrom() + " opens every port");
            for (NetworkPolicyPort port : rule.getPorts()) {
                ingress.add(port.getPort().getIntVal());
            }
        }
        assertEquals(new TreeSet<>(Set.of(config.httpPort(), config.managementPort())), ingress,
                policyManifest + ": spec.ingress[].ports, against quarkus.http.port and quarkus.management.port");
        String cluster = databaseCluster(service).name();
        assertTrue(policy.getSpec().getEgress().stream().anyMatch(rule -> rule.getTo().stream().anyMatch(peer ->
                        peer.getPodSelector() != null && cluster.equals(peer.getPodSelector().getMatchLabels().get("cnpg.io/cluster")))),
                policyManifest + ": spec.egress lets it reach no pod of its database cluster " + cluster);

        Manifest budgetManifest = find(base, "PodDisruptionBudget", service).orElseThrow(() ->
                new AssertionError("base has no PodDisruptionBudget " + service));
        PodDisruptionBudget budget = budgetManifest.as(PodDisruptionBudget.class);
        assertEquals(1, budget.getSpec().getMinAvailable().getIntVal(), budgetManifest + ": spec.minAvailable");
        assertTrue(selects(budget.getSpec().getSelector().getMatchLabels(), podLabels),
                budgetManifest + ": spec.selector does not select the pods of Deployment " + service);
    }

    @ParameterizedTest
    @MethodSource("services")
    void its_deployment_sets_what_its_prod_profile_requires_from_objects_that_exist(String service) {
        ServiceConfiguration config = ServiceConfiguration.of(service);
        Manifest manifest = deploymentManifest(service);
        Container container = container(manifest);
        Map<String, String> environment = environment(service);
        for (String variable : config.requiredEnvironment()) {
            assertTrue(environment.containsKey(variable), manifest + ": " + variable + " has no default in " + service
                    + "'s prod profile and neither env nor its ConfigMap sets it");
            assertFalse(environment.get(variable).isBlank(), manifest + ": " + variable + " is set empty");
        }
        Set<String> read = config.readEnvironment();
        Set<String> unread = new TreeSet<>(environment.keySet());
        unread.removeAll(read);
        unread.removeAll(PLATFORM_ENVIRONMENT.keySet());
        assertTrue(unread.isEmpty(), manifest + ": sets " + unread + " (env or its ConfigMap), which " + service
                + " never reads: a typo, or a dead setting");
        assertTrue(environment.getOrDefault("IMRFLOW_OTLP_ENDPOINT", "").contains("otel-collector"), manifest
                + ": IMRFLOW_OTLP_ENDPOINT should name the otel-collector service, not "
                + environment.get("IMRFLOW_OTLP_ENDPOINT"));

        // every ConfigMap and Secret it reads exists, or is made by an operator from a resource that does
        for (EnvFromSource source : container.getEnvFrom()) {
            assertNotNull(source.getConfigMapRef(), manifest + ": envFrom " + source + " is not a ConfigMap");
            String name = source.getConfigMapRef().getName();
            assertTrue(find(base, "ConfigMap", name).isPresent(), manifest + ": envFrom names ConfigMap " + name
                    + ", which base does not have");
        }
        for (EnvVar variable : container.getEnv()) {
            SecretKeySelector secret = variable.getValueFrom() == null ? null : variable.getValueFrom().getSecretKeyRef();
            if (secret != null) {
                assertTrue(secretExists(secret.getName()), manifest + ": env " + variable.getName()
                        + " reads Secret " + secret.getName() + ", which no CloudNativePG Cluster (<cluster>-app) nor"
                        + " KafkaUser makes, and which is not one the README tells the operator to create");
            }
        }
        // the database: its own cluster's generated owner secret, its own database in the URLs
        String prefix = ServiceConfiguration.environmentName(service.replace("-service", ""));
        Manifest cluster = databaseCluster(service);
        String database = cluster.node.path("spec").path("bootstrap").path("initdb").path("database").asText();
        assertEquals(cluster.name() + "-app", secretOf(container, prefix + "_DB_PASSWORD"),
                manifest + ": env " + prefix + "_DB_PASSWORD.valueFrom.secretKeyRef.name");
        for (String url : List.of(prefix + "_DB_JDBC_URL", prefix + "_DB_REACTIVE_URL")) {
            String value = environment.getOrDefault(url, "");
            assertTrue(value.contains("//" + cluster.name() + "-rw.") && value.endsWith("/" + database),
                    manifest + ": " + url + " is " + value + ", not the read-write service of " + cluster.name()
                            + " and its database " + database);
        }
        // the heap the measurements were taken with, inside the container's memory
        Matcher xmx = XMX.matcher(environment.getOrDefault("JAVA_OPTS_APPEND", ""));
        assertTrue(xmx.find(), manifest + ": JAVA_OPTS_APPEND sets no -Xmx");
        long heap = Long.parseLong(xmx.group(1)) * switch (xmx.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1024L;
            case "m" -> 1024L * 1024;
            default -> 1024L * 1024 * 1024;
        };
        Quantity request = container.getResources().getRequests().get("memory");
        Quantity limit = container.getResources().getLimits().get("memory");
        assertNotNull(request, manifest + ": resources.requests.memory is missing");
        assertNotNull(limit, manifest + ": resources.limits.memory is missing");
        assertTrue(heap < request.getNumericalAmount().longValue(), manifest + ": -Xmx " + xmx.group()
                + " leaves nothing of resources.requests.memory " + request + " for the rest of the JVM");
        assertTrue(request.getNumericalAmount().compareTo(limit.getNumericalAmount()) <= 0,
                manifest + ": resources.requests.memory " + request + " above resources.limits.memory " + limit);
    }

    @Test
    void the_documents_volume_is_read_write_many_and_mounted_where_the_store_looks() {
        Manifest claim = find(base, "PersistentVolumeClaim", "imrflow-documents").orElseThrow(() ->
                new AssertionError("base has no PersistentVolumeClaim imrflow-documents"));
        assertEquals(List.of("ReadWriteMany"), claim.as(PersistentVolumeClaim.class).getSpec().getAccessModes(),
                claim + ": spec.accessModes (intake, review and notification pods on different nodes mount it)");
        for (String service : ServiceConfiguration.SERVICES) {
            Manifest manifest = deploymentManifest(service);
            List<Volume> volumes = manifest.as(Deployment.class).getSpec().getTemplate().getSpec().getVolumes();
            Optional<Volume> documents = volumes.stream().filter(volume -> volume.getPersistentVolumeClaim() != null
                    && claim.name().equals(volume.getPersistentVolumeClaim().getClaimName())).findFirst();
            if (documents.isEmpty()) {
                continue;
            }
            String directory = environment(service).get("IMRFLOW_DOCUMENTS_DIRECTORY");
            assertNotNull(directory, manifest + ": mounts " + claim.name() + " but sets no IMRFLOW_DOCUMENTS_DIRECTORY");
            assertTrue(container(manifest).getVolumeMounts().stream().anyMatch(mount ->
                            mount.getName().equals(documents.get().getName()) && mount.getMountPath().equals(directory)),
                    manifest + ": volumeMounts put " + claim.name() + " elsewhere than IMRFLOW_DOCUMENTS_DIRECTORY " + directory);
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    private static boolean isKustomization(Path file) {
        String name = file.getFileName().toString();
        return name.equals("kustomization.yaml") || name.equals("kustomization.yml");
    }

    private static List<Manifest> documents(Path file) {
        List<Manifest> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            int index = 0;
            while (iterator.hasNextValue()) {
                JsonNode node = iterator.nextValue();
                if (node == null || node.isNull() || node.isMissingNode() || (node.isObject() && node.isEmpty())) {
                    continue; // a document of comments only
                }
                Object typed;
                try {
                    typed = KUBERNETES_SERIALIZATION.unmarshal(YAML.writeValueAsString(node));
                } catch (RuntimeException e) {
                    throw new AssertionError(KUBERNETES.relativize(file) + " document " + (index + 1)
                            + " does not load as a Kubernetes resource: " + e.getMessage(), e);
                }
                assertInstanceOf(HasMetadata.class, typed, KUBERNETES.relativize(file) + " document " + (index + 1)
                        + " is not a Kubernetes resource");
                documents.add(new Manifest(file, index++, node, typed));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return documents;
    }

    /** The manifest files a kustomization directory reaches through its resources, depth first. */
    private static List<Path> kustomizedFiles(Path directory) {
        List<Path> files = new ArrayList<>();
        Path kustomization = directory.resolve("kustomization.yaml");
        JsonNode node;
        try {
            node = YAML.readTree(kustomization.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + kustomization, e);
        }
        for (JsonNode resource : node.path("resources")) {
            Path target = directory.resolve(resource.asText()).normalize();
            if (Files.isRegularFile(target)) {
                files.add(target);
            } else if (Files.isRegularFile(target.resolve("kustomization.yaml"))) {
                files.addAll(kustomizedFiles(target));
            }
        }
        return files;
    }

    private static List<String> patchProblems(String where, Path directory, JsonNode patch, List<Manifest> resources) {
        List<String> problems = new ArrayList<>();
        JsonNode target = patch.path("target");
        if (patch.has("path")) {
            Path file = directory.resolve(patch.path("path").asText()).normalize();
            if (!Files.isRegularFile(file)) {
                problems.add(where + ": patches entry " + patch.path("path").asText() + " does not exist");
                return problems;
            }
            if (target.isMissingNode()) { // a strategic merge patch names its target itself
                for (Manifest document : documents(file)) {
                    if (find(resources, document.kind(), document.name()).isEmpty()) {
                        problems.add(where + ": patch " + document + " targets no resource of its base");
                    } else if (!find(resources, document.kind(), document.name()).get().apiVersion().equals(document.apiVersion())) {
                        problems.add(where + ": patch " + document + " has apiVersion " + document.apiVersion()
                                + ", the base's " + document.kind() + " another");
                    }
                }
            }
        }
        if (!target.isMissingNode()) {
            Predicate<Manifest> matches = manifest ->
                    (!target.has("kind") || manifest.kind().equals(target.path("kind").asText()))
                            && (!target.has("name") || manifest.name().matches(target.path("name").asText()));
            if (resources.stream().noneMatch(matches)) {
                problems.add(where + ": patch target " + target + " matches no resource of its base");
            }
        }
        return problems;
    }

    private static Optional<Manifest> find(List<Manifest> in, String kind, String name) {
        return in.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst();
    }

    private static Map<String, Manifest> kafkaTopics() {
        Map<String, Manifest> topics = new LinkedHashMap<>();
        for (Manifest manifest : base) {
            if (manifest.kind().equals("KafkaTopic")) {
                String name = manifest.node.path("spec").path("topicName").asText(manifest.name());
                assertFalse(topics.containsKey(name), manifest + ": a second KafkaTopic for " + name);
                topics.put(name, manifest);
            }
        }
        return topics;
    }


    /** An incoming channel of a service, as its prod profile configures it. */
    record Channel(String name, boolean pattern, List<String> topics, String group, Optional<String> deadLetterTopic) {
    }

    /**
     * The service's incoming channels: those its prod profile configures (its application.properties and the events
     * module's defaults, as {@link ServiceConfiguration} merges them).
     * A channel's topic is its {@code topic} or {@code topics}, its group its {@code group.id} or the connector's.
     */
    private static List<Channel> channels(String service) {
        ServiceConfiguration config = ServiceConfiguration.of(service);
        String application = config.property("quarkus.application.name").orElse(service);
        Set<String> names = new LinkedHashSet<>();
        Pattern incoming = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\..*");
        for (String key : config.propertyNames()) {
            Matcher channel = incoming.matcher(key);
            if (channel.matches()) {
                names.add(channel.group(1));
            }
        }
        List<Channel> channels = new ArrayList<>();
        for (String name : names) {
            String prefix = "mp.messaging.incoming." + name + ".";
            boolean pattern = config.property(prefix + "pattern").map(Boolean::parseBoolean).orElse(false);
            List<String> topics = config.property(prefix + "topic").or(() -> config.property(prefix + "topics"))
                    .map(value -> Stream.of(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                    .orElse(List.of(name)); // without a topic, the connector reads the channel's name
            String group = config.property(prefix + "group.id")
                    .or(() -> config.property("mp.messaging.connector.smallrye-kafka.group.id"))
                    .orElse(application)
                    .replace("${quarkus.application.name}", application);
            Optional<String> deadLetter = config.property(prefix + "dead-letter-queue.topic")
                    .map(topic -> topic.replace("${quarkus.application.name}", application));
            channels.add(new Channel(name, pattern, topics, group, deadLetter));
        }
        assertFalse(channels.isEmpty(), service + " has no incoming channel");
        return channels;
    }

    /** The topics of the event types the service (and the events module it runs) appends to its outbox. */
    private static Set<String> producedTopics(String service) {
        Set<String> topics = new TreeSet<>();
        for (Path sources : List.of(REPOSITORY.resolve(service).resolve("src/main/java"), EVENTS_SOURCES)) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher append = OUTBOX_APPEND.matcher(Files.readString(file));
                    while (append.find()) {
                        // EventType.CASE_RECEIVED is topic imr.case-received (EventType.topic())
                        topics.add("imr." + append.group(1).toLowerCase(Locale.ROOT).replace('_', '-'));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + sources, e);
            }
        }
        assertFalse(topics.isEmpty(), service + " appends no event to its outbox (Outbox.append): the scan found none");
        return topics;
    }

    record Acl(String type, String name, String patternType, Set<String> operations) {
        boolean literal() {
            return patternType.equals("literal");
        }

        boolean covers(String resourceType, String resource) {
            return type.equals(resourceType) && (name.equals("*")
                    || (literal() ? name.equals(resource) : resource.startsWith(name)));
        }
    }

    private static List<Acl> acls(Manifest user) {
        List<Acl> acls = new ArrayList<>();
        for (JsonNode acl : user.node.path("spec").path("authorization").path("acls")) {
            Set<String> operations = new TreeSet<>();
            acl.path("operations").forEach(operation -> operations.add(operation.asText()));
            if (acl.has("operation")) {
                operations.add(acl.path("operation").asText());
            }
            JsonNode resource = acl.path("resource");
            acls.add(new Acl(resource.path("type").asText(), resource.path("name").asText(""),
                    resource.path("patternType").asText("literal"), operations));
        }
        assertFalse(acls.isEmpty(), user + ": spec.authorization.acls is empty");
        return acls;
    }

    private static boolean allows(List<Acl> acls, String type, String resource, String operation) {
        return acls.stream().anyMatch(acl -> acl.covers(type, resource)
                && (acl.operations().contains(operation) || acl.operations().contains("All")));
    }

    private static Manifest deploymentManifest(String service) {
        return find(base, "Deployment", service).orElseThrow(() -> new AssertionError("base has no Deployment " + service));
    }

    private static Container container(Manifest deployment) {
        return deployment.as(Deployment.class).getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(container -> container.getName().equals(deployment.name())).findFirst()
                .orElseThrow(() -> new AssertionError(deployment + ": spec.template.spec.containers has none named "
                        + deployment.name()));
    }

    private static Map<String, String> configMapData(String service) {
        Manifest deployment = deploymentManifest(service);
        Map<String, String> data = new LinkedHashMap<>();
        for (EnvFromSource source : container(deployment).getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                find(base, "ConfigMap", source.getConfigMapRef().getName())
                        .map(m -> m.as(ConfigMap.class).getData()).ifPresent(data::putAll);
            }
        }
        return data;
    }

    /** What the container's environment holds: its ConfigMaps' data, then its env (values of secrets as "secret"). */
    private static Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>(configMapData(service));
        for (EnvVar variable : container(deploymentManifest(service)).getEnv()) {
            environment.put(variable.getName(), variable.getValue() != null ? variable.getValue()
                    : variable.getValueFrom() != null ? "<from " + variable.getValueFrom() + ">" : "");
        }
        return environment;
    }

    private static String secretOf(Container container, String variable) {
        return container.getEnv().stream().filter(env -> env.getName().equals(variable))
                .map(EnvVar::getValueFrom).filter(Objects::nonNull)
                .map(source -> source.getSecretKeyRef() == null ? null : source.getSecretKeyRef().getName())
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static boolean secretExists(String name) {
        return OPERATOR_SECRETS.contains(name)
                || base.stream().anyMatch(m -> m.kind().equals("Cluster") && (m.name() + "-app").equals(name))
                || base.stream().anyMatch(m -> m.kind().equals("KafkaUser") && m.name().equals(name))
                || base.stream().anyMatch(m -> m.kind().equals("Kafka") && (m.name() + "-cluster-ca-cert").equals(name));
    }

    /** The CloudNativePG Cluster whose -app Secret the service's DB password comes from. */
    private static Manifest databaseCluster(String service) {
        String prefix = ServiceConfiguration.environmentName(service.replace("-service", ""));
        String secret = secretOf(container(deploymentManifest(service)), prefix + "_DB_PASSWORD");
        assertNotNull(secret, deploymentManifest(service) + ": env " + prefix + "_DB_PASSWORD is not from a Secret");
        return base.stream().filter(m -> m.kind().equals("Cluster") && (m.name() + "-app").equals(secret)).findFirst()
                .orElseThrow(() -> new AssertionError(deploymentManifest(service) + ": " + prefix + "_DB_PASSWORD reads"
                        + " Secret " + secret + ", the -app Secret of no CloudNativePG Cluster of base"));
    }

    private static int portNumber(IntOrString port, Map<String, Integer> named) {
        if (port == null) {
            return -1;
        }
        return port.getIntVal() != null ? port.getIntVal() : named.getOrDefault(port.getStrVal(), -1);
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    private static boolean scrapes(Manifest monitor, Service service) {
        JsonNode spec = monitor.node.path("spec");
        Map<String, String> selector = new LinkedHashMap<>();
        spec.path("selector").path("matchLabels").fields()
                .forEachRemaining(label -> selector.put(label.getKey(), label.getValue().asText()));
        if (!selects(selector, service.getMetadata().getLabels())) {
            return false;
        }
        for (JsonNode endpoint : spec.path("endpoints")) {
            if (endpoint.path("port").asText().equals("management") && endpoint.path("path").asText().equals("/q/metrics")
                    && service.getSpec().getPorts().stream().anyMatch(port -> "management".equals(port.getName()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The paths of the fields fabric8 kept as additional properties: fields the kind does not have (a typo such as
     * {@code livenesProbe} would otherwise load silently).
     */
    private static void unknownFields(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                unknownFields(element, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> unknownFields(element, path + "." + key, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else if (!(value instanceof Quantity) && !(value instanceof IntOrString)) {
                String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                unknownFields(child, path + "." + field, unknown);
            }
        }
    }

    @Test
    void no_manifest_is_left_empty() {
        Map<Path, Long> byFile = manifests.stream().collect(Collectors.groupingBy(Manifest::file, Collectors.counting()));
        assertTrue(byFile.size() > 0, "no manifests loaded");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(KUBERNETES)) {
            walk.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".yaml"))
                    .filter(file -> !isKustomization(file)).forEach(files::add);
        } catch (IOException e) {
            fail(e);
        }
        files.removeIf(byFile::containsKey);
        assertTrue(files.isEmpty(), "manifests with no Kubernetes document: " + files);
    }
}
