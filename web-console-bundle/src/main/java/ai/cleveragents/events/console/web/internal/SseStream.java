package ai.cleveragents.events.console.web.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One Server-Sent Events stream to one browser. Writes come from the catch-up subscription's thread and
 * from the ping timer, so each is one locked write and flush. The first failed write (the browser went
 * away) closes the stream: it runs the closer once, and every later write is ignored.
 */
final class SseStream {

    /** How long a browser waits before it reconnects, in milliseconds. */
    static final int RETRY_MS = 2000;

    private final Object lock = new Object();
    private final OutputStream out;
    /** Guarded by {@link #lock}. */
    private Runnable closer;
    /** Guarded by {@link #lock}. */
    private boolean closed;

    SseStream(OutputStream out) {
        this.out = out;
    }

    /** @param closer what ends the stream (once): close the subscription, complete the request */
    void onClose(Runnable closer) {
        synchronized (lock) {
            this.closer = closer;
            if (!closed) {
                return;
            }
        }
        runCloser();
    }

    /** Writes the reconnection delay; the first write, which commits the answer. */
    void open() {
        write("retry: " + RETRY_MS + "\n\n");
    }

    /**
     * @param id   the event id, sent as the {@code id:} the browser resumes from
     * @param json the event, on one line
     */
    void event(String id, String json) {
        write("id: " + id + "\ndata: " + json + "\n\n");
    }

    /** A comment line that keeps the connection from idling out. */
    void ping() {
        write(": ping\n\n");
    }

    /** @return whether the stream was closed */
    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private void write(String text) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
                return;
            } catch (IOException | RuntimeException e) {
                closed = true;
            }
        }
        runCloser();
    }

    /** Closes the stream (once). */
    void close() {
        synchronized (lock) {
            closed = true;
        }
        runCloser();
    }

    private void runCloser() {
        Runnable c;
        synchronized (lock) {
            c = closer;
            closer = null;
        }
        if (c != null) {
            c.run();
        }
    }
}
