package org.imrflow.notification.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.imrflow.events.PartyContact;

import java.io.UncheckedIOException;
import java.util.List;

/** The events and contacts this service keeps in text columns, as JSON with the service's own mapper. */
@ApplicationScoped
public class StoredJson {
    private static final TypeReference<List<PartyContact>> CONTACTS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    StoredJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<PartyContact> contacts(String value) {
        try {
            return json.readValue(value, CONTACTS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
