package ai.cleveragents.events.runtime;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A command's output stream that passes every byte through and notes whether a line began with a Java
 * exception's class name ({@code java.net.MalformedURLException: no protocol: x}): Gogo's built-in
 * commands ({@code start}, {@code install}, ...) report a failure they caught that way and return
 * normally, so this is how a script learns that such a command failed. Not thread-safe: one per command.
 */
final class ReportedFailures extends FilterOutputStream {

    /** A qualified class name ending in Exception or Error, then a colon or the end of the line. */
    static final Pattern EXCEPTION_LINE = Pattern.compile("([a-z_$][\\w$]*\\.)+[\\w$]*(Exception|Error)(:.*)?");
    private static final int PREFIX = 256;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private String failure;

    ReportedFailures(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        if (b == '\n') {
            check();
        } else if (line.size() < PREFIX) {
            line.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    private void check() {
        String text = line.toString(StandardCharsets.UTF_8).strip();
        line.reset();
        if (failure == null && EXCEPTION_LINE.matcher(text).matches()) {
            failure = text;
        }
    }

    /** @return the first exception line written so far, or {@code null} */
    String failure() {
        if (line.size() > 0) {
            check();
        }
        return failure;
    }
}
