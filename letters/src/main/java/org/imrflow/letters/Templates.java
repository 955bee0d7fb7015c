package org.imrflow.letters;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.TemplateNode;
import io.quarkus.qute.Variant;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The documents' Qute templates ({@code templates/<id>.xhtml} on the class path), rendered to XHTML with every value
 * escaped, and that XHTML read back as a DOM for the text and PDF forms. One engine for the whole JVM: it is
 * thread-safe, and it parses each template once.
 */
final class Templates {
    private static final String FOLDER = "templates/";
    private static final String SUFFIX = ".xhtml";
    private static final Variant XHTML = new Variant(Locale.US, StandardCharsets.UTF_8, "application/xhtml+xml");

    private static final Engine ENGINE = Engine.builder()
            .addDefaults()
            .addLocator(Templates::locate)
            .addResultMapper(new XhtmlEscaper())
            .strictRendering(true)
            .build();

    private static final DocumentBuilderFactory XML = xmlParsers();
    /** Fails on any error, and prints nothing to stderr (the parser's default handler does). */
    private static final DefaultHandler STRICT = new DefaultHandler() {
        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }
    };
    private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(() -> {
        try {
            return XML.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    private Templates() {
    }

    /** Parses these templates now (and builds the engine and the XML parser with this class), not on first use. */
    static void load(String... ids) {
        for (String id : ids) {
            if (ENGINE.getTemplate(id) == null) {
                throw new IllegalStateException("No template " + FOLDER + id + SUFFIX);
            }
        }
        PARSER.get();
    }

    /** The template's XHTML with these data; a null value is allowed (and tested with {@code #if} in the template). */
    static String render(String id, Map<String, ?> data) {
        Template template = ENGINE.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("No template " + FOLDER + id + SUFFIX);
        }
        TemplateInstance instance = template.instance();
        data.forEach(instance::data);
        return instance.render();
    }

    /** Strict XML: a template that is not well-formed XHTML fails here, in the tests, not in a party's mailbox. */
    static Document parse(String xhtml) {
        DocumentBuilder parser = PARSER.get();
        parser.reset();
        parser.setErrorHandler(STRICT);
        try {
            return parser.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXException e) {
            throw new IllegalStateException("Not well-formed XHTML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<TemplateLocator.TemplateLocation> locate(String id) {
        URL url = Templates.class.getClassLoader().getResource(FOLDER + id + SUFFIX);
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(new TemplateLocator.TemplateLocation() {
            @Override
            public Reader read() {
                try {
                    return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(XHTML);
            }
        });
    }

    private static DocumentBuilderFactory xmlParsers() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return factory;
    }

    /**
     * Every value a template prints is escaped for XML: {@code & < > " '} as references, characters XML cannot hold
     * (control characters, unpaired surrogates) dropped, a vertical tab or form feed read as the line break it was.
     * openhtmltopdf parses strict XML, so one stray {@code &} or {@code <} in a name would otherwise break the PDF.
     */
    static final class XhtmlEscaper implements ResultMapper {
        @Override
        public boolean appliesTo(TemplateNode.Origin origin, Object result) {
            return !(result instanceof RawString);
        }

        @Override
        public String map(Object result, Expression expression) {
            return result == null ? "" : escape(result.toString());
        }

        static String escape(String value) {
            StringBuilder escaped = new StringBuilder(value.length() + 16);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '&' -> escaped.append("&amp;");
                    case '<' -> escaped.append("&lt;");
                    case '>' -> escaped.append("&gt;");
                    case '"' -> escaped.append("&quot;");
                    case '\'' -> escaped.append("&#39;");
                    case '\t', '\n', '\r' -> escaped.append(c);
                    case '\u000B', '\u000C' -> escaped.append('\n');
                    default -> {
                        if (Character.isHighSurrogate(c) && i + 1 < value.length()
                                && Character.isLowSurrogate(value.charAt(i + 1))) {
                            escaped.append(c).append(value.charAt(++i));
                        } else if (c >= 0x20 && !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF') {
                            escaped.append(c);
                        }
                    }
                }
            }
            return escaped.toString();
        }
    }
}
