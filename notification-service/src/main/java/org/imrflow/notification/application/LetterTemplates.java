package org.imrflow.notification.application;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.letters.DocumentRenderer;

/** The one renderer of this service's documents, signed by the IMR organization named in the settings. */
public class LetterTemplates {

    @Produces
    @Singleton
    DocumentRenderer renderer(@ConfigProperty(name = "imrflow.imro-name") String imroName,
                              @ConfigProperty(name = "imrflow.imro-address") String imroAddress) {
        return new DocumentRenderer(imroName, imroAddress);
    }
}
