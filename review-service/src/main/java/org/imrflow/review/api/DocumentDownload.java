package org.imrflow.review.api;

import jakarta.ws.rs.core.MediaType;
import org.imrflow.review.store.CaseDocumentRow;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A document's bytes as a download: its media type, and its name in a Content-Disposition that no uploaded name can
 * break (RFC 6266: a plain ASCII fallback, and the exact name in UTF-8). Always an attachment, never sniffed: a
 * document is never rendered as a page of this service.
 */
final class DocumentDownload {
    private DocumentDownload() {
    }

    static RestResponse<byte[]> of(CaseDocumentRow document, byte[] bytes) {
        return RestResponse.ResponseBuilder.ok(bytes, mediaType(document.mediaType))
                .header("Content-Disposition", contentDisposition(document.name))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    static String contentDisposition(String name) {
        String fallback = name.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
        String exact = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + exact;
    }

    /** The uploader's media type, or bytes of no particular type when it is not one. */
    static MediaType mediaType(String given) {
        try {
            return MediaType.valueOf(given);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM_TYPE;
        }
    }
}
