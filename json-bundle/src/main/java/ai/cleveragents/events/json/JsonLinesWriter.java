package ai.cleveragents.events.json;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

import ai.cleveragents.events.DomainEvent;

/**
 * Writes events as JSON Lines: each event's single-line JSON followed by {@code \n}. Not thread-safe;
 * does not buffer beyond what the given stream does.
 */
public final class JsonLinesWriter implements Closeable, Flushable {

    private final OutputStream out;
    private final EventCodec codec;

    /**
     * @param out   the output; closed by {@link #close()}
     * @param codec the codec
     */
    public JsonLinesWriter(OutputStream out, EventCodec codec) {
        this.out = Objects.requireNonNull(out, "out");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /**
     * @param event the event to append
     * @throws IOException if the output fails
     */
    public void write(DomainEvent event) throws IOException {
        try {
            codec.encode(event, out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.write('\n');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
