package org.imrflow.deploy;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one IMR Flow service reads from its configuration when it runs for real, in the {@code prod} profile, taken from
 * the repository's source files (paths relative to this module: {@link #REPOSITORY}).
 *
 * <p>The configuration is the service's {@code src/main/resources/application.properties} over the defaults of the
 * project modules it depends on ({@code events}, {@code http-api}, ...: their
 * {@code META-INF/microprofile-config.properties}), each with its {@code %prod.} entries over its unprofiled ones, and
 * a higher source over a lower one, as SmallRye Config resolves them. Values are kept as written: expressions such as
 * {@code ${INTAKE_DB_PASSWORD}} are not resolved.
 *
 * <p>Environment variables are what a deployment sets. {@link #requiredEnvironment()} are those the service cannot
 * start without; {@link #readEnvironment()} every one it reads at all, so that a deployment can be checked for settings
 * nobody reads.
 */
public final class ServiceConfiguration {
    /** The repository's root, from this module's directory ({@code deploy/manifests}), where Maven runs the tests. */
    public static final Path REPOSITORY = Path.of("../..");
    /** The four services, by their Maven module (= {@code quarkus.application.name}). */
    public static final List<String> SERVICES =
            List.of("intake-service", "assignment-service", "review-service", "notification-service");

    private static final String PROFILE = "prod";
    private static final String SHARED_DEFAULTS = "src/main/resources/META-INF/microprofile-config.properties";
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern GETENV_LITERAL = Pattern.compile("System\\.getenv\\(\\s*\"([A-Z][A-Z0-9_]*)\"\\s*\\)");
    private static final Pattern GETENV_CONSTANT = Pattern.compile("System\\.getenv\\(\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*\\)");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");

    /** Where the local stack lists every topic it creates ({@code ImrTopics.ALL}); deploy/local is no dependency here. */
    public static final Path TOPICS_SOURCE = REPOSITORY.resolve("deploy/local/src/main/java/org/imrflow/local/ImrTopics.java");

    /** The topics of {@code ImrTopics.ALL}, in its order, read from its source. */
    public static List<String> localStackTopics() {
        String java;
        try {
            java = Files.readString(TOPICS_SOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + TOPICS_SOURCE, e);
        }
        Matcher list = Pattern.compile("ALL\\s*=\\s*List\\.of\\((.*?)\\);", Pattern.DOTALL).matcher(java);
        if (!list.find()) {
            throw new IllegalStateException(TOPICS_SOURCE + " has no ALL = List.of(...)");
        }
        List<String> topics = new java.util.ArrayList<>();
        Matcher literal = Pattern.compile("\"([^\"]+)\"").matcher(list.group(1));
        while (literal.find()) {
            topics.add(literal.group(1));
        }
        if (topics.isEmpty()) {
            throw new IllegalStateException(TOPICS_SOURCE + ": ImrTopics.ALL lists no topics");
        }
        return topics;
    }

    private final String serviceName;
    private final Map<String, String> properties;
    private final Set<String> javaEnvironment;
    private final Set<String> javaPropertyNames;

    private ServiceConfiguration(String serviceName, Map<String, String> properties, Set<String> javaEnvironment,
                                 Set<String> javaPropertyNames) {
        this.serviceName = serviceName;
        this.properties = properties;
        this.javaEnvironment = javaEnvironment;
        this.javaPropertyNames = javaPropertyNames;
    }

    /**
     * Reads the configuration of a service, for example {@code of("intake-service")}: its module directory under
     * {@link #REPOSITORY} and the project modules its pom depends on outside the test scope.
     */
    public static ServiceConfiguration of(String serviceName) {
        Path module = REPOSITORY.resolve(serviceName);
        Path applicationProperties = module.resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(applicationProperties)) {
            throw new IllegalArgumentException("No service " + serviceName + ": " + applicationProperties + " is missing");
        }
        List<Path> modules = new ArrayList<>();
        for (String dependency : projectDependencies(module.resolve("pom.xml"))) {
            modules.add(REPOSITORY.resolve(dependency));
        }
        // lowest first: the modules' defaults (ordinal 100), then the service's application.properties (250)
        Map<String, String> merged = new LinkedHashMap<>();
        for (Path dependency : modules) {
            Path defaults = dependency.resolve(SHARED_DEFAULTS);
            if (Files.isRegularFile(defaults)) {
                merged.putAll(prodView(load(defaults)));
            }
        }
        merged.putAll(prodView(load(applicationProperties)));
        modules.add(module);

        Set<String> environment = new TreeSet<>();
        Set<String> propertyNames = new TreeSet<>();
        for (Path source : modules) {
            scanJava(source.resolve("src/main/java"), environment, propertyNames);
        }
        return new ServiceConfiguration(serviceName, Collections.unmodifiableMap(merged),
                Collections.unmodifiableSet(environment), Collections.unmodifiableSet(propertyNames));
    }

    public String serviceName() {
        return serviceName;
    }

    /** {@code quarkus.http.port}: the API's port. */
    public int httpPort() {
        return intProperty("quarkus.http.port");
    }

    /** {@code quarkus.management.port}: health, metrics and OpenAPI. */
    public int managementPort() {
        return intProperty("quarkus.management.port");
    }

    /** Every property the prod profile sets: the service's own and its project modules' defaults. */
    public Set<String> propertyNames() {
        return properties.keySet();
    }

    /** A property's value in the prod profile, as written (expressions unresolved); empty when nothing sets it. */
    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /**
     * The environment variables the service needs in the prod profile: every {@code ${NAME}} without a default
     * ({@code ${NAME:default}} has one) in a value the prod profile sees. Only upper-case names count: a lower-case one
     * ({@code ${quarkus.oidc.auth-server-url}}) names another property.
     */
    public Set<String> requiredEnvironment() {
        Set<String> required = new TreeSet<>();
        for (String value : properties.values()) {
            for (Expression expression : expressions(value)) {
                if (expression.defaultValue() == null && ENVIRONMENT_NAME.matcher(expression.name()).matches()) {
                    required.add(expression.name());
                }
            }
        }
        return Collections.unmodifiableSet(required);
    }

    /**
     * Every environment variable the service reads in the prod profile: the {@code ${NAME}} and {@code ${NAME:default}}
     * of its values; the environment-variable form of each property it sets ({@code imrflow.spine.services.intake-service.api}
     * is read from {@code IMRFLOW_SPINE_SERVICES_INTAKE_SERVICE_API}, as SmallRye Config maps names) or injects
     * ({@code @ConfigProperty(name = ...)} in its Java sources and its project modules'); and what that Java reads with
     * {@code System.getenv}.
     */
    public Set<String> readEnvironment() {
        Set<String> read = new TreeSet<>(javaEnvironment);
        for (String value : properties.values()) {
            for (Expression expression : expressions(value)) {
                if (ENVIRONMENT_NAME.matcher(expression.name()).matches()) {
                    read.add(expression.name());
                }
            }
        }
        properties.keySet().forEach(key -> read.add(environmentName(key)));
        javaPropertyNames.forEach(key -> read.add(environmentName(key)));
        return Collections.unmodifiableSet(read);
    }

    /** The environment variable SmallRye Config reads a property from: upper case, each other character an {@code _}. */
    public static String environmentName(String propertyName) {
        return propertyName.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return serviceName;
    }

    private int intProperty(String key) {
        String value = property(key).orElseThrow(() ->
                new IllegalStateException(serviceName + " sets no " + key + " in its application.properties"));
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(serviceName + "'s " + key + " is not a number: " + value, e);
        }
    }

    private static Properties load(Path file) {
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            loaded.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return loaded;
    }

    /** One source as the prod profile sees it: its unprofiled entries, then its %prod. ones over them. */
    private static Map<String, String> prodView(Properties source) {
        Map<String, String> view = new LinkedHashMap<>();
        Map<String, String> profiled = new LinkedHashMap<>();
        for (String key : source.stringPropertyNames()) {
            String value = source.getProperty(key);
            if (!key.startsWith("%")) {
                view.put(key, value);
                continue;
            }
            int dot = key.indexOf('.');
            if (dot < 0) {
                continue;
            }
            List<String> profiles = List.of(key.substring(1, dot).split(","));
            if (profiles.contains(PROFILE)) {
                profiled.put(key.substring(dot + 1), value);
            }
        }
        view.putAll(profiled);
        return view;
    }

    /** The artifactIds of the pom's dependencies on this project's modules (groupId org.imrflow), tests excluded. */
    private static List<String> projectDependencies(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(pom.toFile());
            List<String> dependencies = new ArrayList<>();
            NodeList nodes = document.getElementsByTagName("dependency");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element dependency = (Element) nodes.item(i);
                if (!(dependency.getParentNode() instanceof Element parent) || !"dependencies".equals(parent.getTagName())
                        || !(parent.getParentNode() instanceof Element project) || !"project".equals(project.getTagName())) {
                    continue; // dependencyManagement, plugins
                }
                String groupId = child(dependency, "groupId");
                String artifactId = child(dependency, "artifactId");
                String scope = child(dependency, "scope");
                String type = child(dependency, "type");
                if (("org.imrflow".equals(groupId) || "${project.groupId}".equals(groupId))
                        && !"test".equals(scope) && !"test-jar".equals(type)
                        && Files.isDirectory(REPOSITORY.resolve(artifactId)) && !dependencies.contains(artifactId)) {
                    dependencies.add(artifactId);
                }
            }
            return dependencies;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the dependencies of " + pom, e);
        }
    }

    private static String child(Element parent, String name) {
        NodeList children = parent.getElementsByTagName(name);
        return children.getLength() == 0 ? null : children.item(0).getTextContent().strip();
    }

    private static void scanJava(Path sources, Set<String> environment, Set<String> propertyNames) {
        if (!Files.isDirectory(sources)) {
            return;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String java = Files.readString(file);
                Matcher literal = GETENV_LITERAL.matcher(java);
                while (literal.find()) {
                    environment.add(literal.group(1));
                }
                Matcher constant = GETENV_CONSTANT.matcher(java);
                while (constant.find()) {
                    // System.getenv(VARIABLE) with VARIABLE = "IMRFLOW_OTLP_ENDPOINT" in the same file
                    String name = constant.group(1).substring(constant.group(1).lastIndexOf('.') + 1);
                    Matcher declaration = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*=\\s*\"([A-Z][A-Z0-9_]*)\"")
                            .matcher(java);
                    if (declaration.find()) {
                        environment.add(declaration.group(1));
                    }
                }
                Matcher configProperty = CONFIG_PROPERTY.matcher(java);
                while (configProperty.find()) {
                    propertyNames.add(configProperty.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + sources, e);
        }
    }

    private record Expression(String name, String defaultValue) {
    }

    /** Every {@code ${name}} and {@code ${name:default}} in a value, those nested in a default included. */
    private static List<Expression> expressions(String value) {
        List<Expression> found = new ArrayList<>();
        int start = value.indexOf("${");
        while (start >= 0) {
            int depth = 0;
            int end = -1;
            for (int i = start; i < value.length(); i++) {
                if (value.startsWith("${", i)) {
                    depth++;
                    i++;
                } else if (value.charAt(i) == '}' && --depth == 0) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                break; // unbalanced: not an expression
            }
            String inner = value.substring(start + 2, end);
            int colon = inner.indexOf(':');
            int nested = inner.indexOf("${");
            if (colon >= 0 && (nested < 0 || colon < nested)) {
                String defaultValue = inner.substring(colon + 1);
                found.add(new Expression(inner.substring(0, colon), defaultValue));
                found.addAll(expressions(defaultValue));
            } else {
                found.add(new Expression(inner, null));
            }
            start = value.indexOf("${", end + 1);
        }
        return found;
    }
}
