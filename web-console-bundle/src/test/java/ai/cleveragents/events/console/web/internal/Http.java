package ai.cleveragents.events.console.web.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A real HTTP client for the endpoint tests, and a reader of Server-Sent Events streams. */
final class Http {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<String> get(URI uri, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.GET().build());
    }

    static HttpResponse<String> post(URI uri, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An open event stream; its lines are read by a thread of its own into a queue. */
    static final class Sse implements AutoCloseable {

        final HttpResponse<Stream<String>> response;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Thread reader;

        Sse(URI uri, String... headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri);
            if (headers.length > 0) {
                b.headers(headers);
            }
            response = CLIENT.send(b.GET().build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new AssertionError("HTTP " + response.statusCode() + ": " + String.join("\n", response.body().toList()));
            }
            reader = new Thread(() -> {
                try {
                    response.body().forEach(lines::add);
                    lines.add("[end]");
                } catch (UncheckedIOException e) {
                    lines.add("[closed]");
                }
            }, "sse test reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** @return the next line, waiting at most 10 s */
        String line() throws InterruptedException {
            String line = lines.poll(10, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("no line within 10 s");
            }
            return line;
        }

        /** @return the next {@code n} events' {@code data:} lines, each after its {@code id:} line */
        List<String[]> events(int n) throws InterruptedException {
            List<String[]> out = new ArrayList<>();
            String id = null;
            while (out.size() < n) {
                String line = line();
                if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ")) {
                    out.add(new String[] {id, line.substring(6)});
                }
            }
            return out;
        }

        @Override
        public void close() {
            response.body().close();
            reader.interrupt();
        }
    }
}
