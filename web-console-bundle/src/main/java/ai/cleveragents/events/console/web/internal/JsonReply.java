package ai.cleveragents.events.console.web.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes the JSON answers of the console's endpoints: UTF-8, never cached, never sniffed.
 */
final class JsonReply {

    static final JsonFactory JSON = new JsonFactory();

    /** Writes the body of an answer. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private JsonReply() {
    }

    /**
     * Sends a 200 answer.
     *
     * @param response the response
     * @param body     what to write
     * @throws IOException if the client is gone
     */
    static void ok(HttpServletResponse response, Body body) throws IOException {
        send(response, HttpServletResponse.SC_OK, body);
    }

    /**
     * Sends an error as {@code {"error": message}}.
     *
     * @param response the response
     * @param status   the HTTP status
     * @param message  one line saying what is wrong
     * @throws IOException if the client is gone
     */
    static void error(HttpServletResponse response, int status, String message) throws IOException {
        send(response, status, json -> {
            json.writeStartObject();
            json.writeStringField("error", message);
            json.writeEndObject();
        });
    }

    private static void send(HttpServletResponse response, int status, Body body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        OutputStream out = response.getOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            body.write(json);
        }
    }
}
