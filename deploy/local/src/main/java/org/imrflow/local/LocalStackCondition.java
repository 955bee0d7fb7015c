package org.imrflow.local;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.Annotation;
import java.util.HashSet;
import java.util.Set;

/**
 * Skips the tests that run on the local stack's Kafka and PostgreSQL when {@code IMRFLOW_INFRA=containers} asks for
 * containers and no Docker engine answers, with a message that says so, rather than failing each of them on a
 * start-up error. Those tests are every {@code @QuarkusTest} (each service's tests run on
 * {@link LocalStackTestResource}) and the system tests ({@code org.imrflow.system}, which start {@link LocalSystem}).
 * Registered through JUnit's extension auto-detection (the root pom turns it on for every module).
 */
public final class LocalStackCondition implements ExecutionCondition {
    private static final String QUARKUS_TEST = "io.quarkus.test.junit.QuarkusTest";
    private static final String SYSTEM_TESTS = "org.imrflow.system";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!"containers".equals(System.getenv("IMRFLOW_INFRA"))) {
            return ConditionEvaluationResult.enabled("the local stack's own Kafka and PostgreSQL, or containers when Docker answers");
        }
        boolean usesTheStack = context.getTestClass().map(LocalStackCondition::usesTheStack).orElse(false);
        if (!usesTheStack || ContainerInfrastructure.dockerReachable()) {
            return ConditionEvaluationResult.enabled("Kafka and PostgreSQL in containers");
        }
        return ConditionEvaluationResult.disabled("Skipped: IMRFLOW_INFRA=containers asks for Kafka and PostgreSQL in"
                + " containers, and no Docker engine answers (DOCKER_HOST is unset and /var/run/docker.sock does not"
                + " answer). Unset IMRFLOW_INFRA to run on the embedded stack.");
    }

    static boolean usesTheStack(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            if (type.getPackageName().startsWith(SYSTEM_TESTS) || annotatedWith(type.getAnnotations(), QUARKUS_TEST, new HashSet<>())) {
                return true;
            }
        }
        return false;
    }

    /** Directly or through a meta-annotation (a stereotype of {@code @QuarkusTest}). */
    private static boolean annotatedWith(Annotation[] annotations, String name, Set<Class<?>> seen) {
        for (Annotation annotation : annotations) {
            Class<? extends Annotation> type = annotation.annotationType();
            if (type.getName().equals(name)) {
                return true;
            }
            if (seen.add(type) && !type.getName().startsWith("java.lang")
                    && annotatedWith(type.getAnnotations(), name, seen)) {
                return true;
            }
        }
        return false;
    }
}
