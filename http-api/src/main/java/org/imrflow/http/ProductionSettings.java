package org.imrflow.http;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What production must set, with no default: the database password. Quarkus reads the datasource's password as
 * optional and would go on without one; as a required property here, a missing one stops start-up, and the message
 * names the variable ({@code imrflow.production.database-password=${INTAKE_DB_PASSWORD}} in each service). The
 * issuer is required by quarkus-oidc itself.
 */
@Startup
@ApplicationScoped
@IfBuildProfile("prod")
public class ProductionSettings {
    ProductionSettings(@ConfigProperty(name = "imrflow.production.database-password") String databasePassword) {
        if (databasePassword.isBlank()) {
            throw new IllegalStateException("The database password is empty: set it in the environment");
        }
    }
}
