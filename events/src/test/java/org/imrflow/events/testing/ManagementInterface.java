package org.imrflow.events.testing;

import org.eclipse.microprofile.config.ConfigProvider;

/** Health and metrics of the service under test: its management interface, not the API's port. */
public final class ManagementInterface {
    private ManagementInterface() {
    }

    /** {@code url("/q/metrics")} */
    public static String url(String path) {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return "http://127.0.0.1:" + port + path;
    }
}
