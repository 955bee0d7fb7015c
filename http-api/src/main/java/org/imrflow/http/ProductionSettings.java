package org.imrflow.http;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What production must set, with no default: the database password and the identity provider. Quarkus reads the
 * datasource's password as optional and would go on without one, and quarkus-oidc notices a missing issuer only
 * after the database has been migrated. As required properties here, a missing one stops start-up before anything
 * is touched, and the message names the setting ({@code imrflow.production.database-password}, which each service
 * takes from its {@code <SERVICE>_DB_PASSWORD}; {@code quarkus.oidc.auth-server-url}, from {@code IMRFLOW_OIDC_ISSUER}).
 */
@Startup
@ApplicationScoped
@IfBuildProfile("prod")
public class ProductionSettings {
    ProductionSettings(@ConfigProperty(name = "imrflow.production.database-password") String databasePassword,
                       @ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer) {
        if (databasePassword.isBlank() || issuer.isBlank()) {
            throw new IllegalStateException("The database password or the OpenID Connect issuer is empty: set both");
        }
    }
}
