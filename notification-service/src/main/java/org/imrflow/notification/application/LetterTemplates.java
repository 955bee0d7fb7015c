package org.imrflow.notification.application;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.letters.DeterminationLetter;
import org.imrflow.letters.DocumentRenderer;

/** The one renderer of this service's documents, signed by the IMR organization named in the settings. */
public class LetterTemplates {

    @Produces
    @Singleton
    DocumentRenderer renderer(@ConfigProperty(name = "imrflow.imro-name") String imroName,
                              @ConfigProperty(name = "imrflow.imro-address") String imroAddress) {
        return new DocumentRenderer(imroName, imroAddress);
    }

    /** The letter's templates load at start-up, on the main thread, not on the event loop that composes a letter first. */
    void loadAtStartUp(@Observes StartupEvent startup) {
        DeterminationLetter.loadTemplates();
    }
}
