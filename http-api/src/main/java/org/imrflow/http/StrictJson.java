package org.imrflow.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How every service reads a JSON request body: Quarkus's ObjectMapper plus three rules Jackson does not keep by
 * default.
 * <ul>
 *   <li>Strings: no control characters other than tab, line feed and carriage return (see {@link PlainText}).</li>
 *   <li>Enums: only the exact constant name, as a JSON string. No ordinals ({@code 0}, {@code "0"}), no trimming,
 *       no other case.</li>
 *   <li>{@link LocalDate}: only a {@code yyyy-MM-dd} string with a four-digit year; no date-time, no day number.</li>
 * </ul>
 * A refused value fails the request with a 400 that names the field ({@link ProblemMappers}).
 * <p>
 * It is a {@link ContextResolver} and so applies to REST bodies only. The CDI ObjectMapper, which also reads events
 * and stored JSON, is left as it is: data accepted before these rules must stay readable.
 */
@Provider
@Singleton
public class StrictJson implements ContextResolver<ObjectMapper> {
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final ObjectMapper rest;

    public StrictJson(ObjectMapper quarkus) {
        this.rest = quarkus.copy().registerModule(module());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return rest;
    }

    /** The three rules as a Jackson module, to add to any ObjectMapper. */
    public static Module module() {
        SimpleModule module = new SimpleModule("imrflow-strict-json");
        module.addDeserializer(String.class, new PlainTextDeserializer());
        module.addDeserializer(LocalDate.class, new IsoDateDeserializer());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description, JsonDeserializer<?> deserializer) {
                return new ExactEnumDeserializer(type.getRawClass());
            }
        });
        return module;
    }

    static final class PlainTextDeserializer extends StdScalarDeserializer<String> {
        PlainTextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            String violation = text == null ? null : PlainText.violation(text);
            if (violation != null) {
                throw new RejectedJsonValueException(parser, String.class, violation);
            }
            return text;
        }
    }

    static final class IsoDateDeserializer extends StdScalarDeserializer<LocalDate> {
        IsoDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING && DATE.matcher(parser.getText()).matches()) {
                try {
                    return LocalDate.parse(parser.getText());
                } catch (DateTimeParseException e) {
                    throw new RejectedJsonValueException(parser, LocalDate.class, "must be a real date as yyyy-MM-dd");
                }
            }
            throw new RejectedJsonValueException(parser, LocalDate.class, "must be a date as yyyy-MM-dd");
        }
    }

    static final class ExactEnumDeserializer extends StdScalarDeserializer<Object> {
        private final Class<?> enumType;

        ExactEnumDeserializer(Class<?> enumType) {
            super(enumType);
            this.enumType = enumType;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                String name = parser.getText();
                for (Object constant : enumType.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(name)) {
                        return constant;
                    }
                }
            }
            String allowed = Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", ", "[", "]"));
            throw InvalidFormatException.from(parser, "not one of " + allowed,
                    parser.currentToken().isScalarValue() ? parser.getText() : parser.currentToken().asString(), enumType);
        }
    }
}
