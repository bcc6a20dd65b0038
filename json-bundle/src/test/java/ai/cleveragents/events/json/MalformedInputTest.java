package ai.cleveragents.events.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;
import org.junit.rules.Timeout;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * The corpus of malformed inputs in {@code src/test/resources/malformed}: every file must fail to decode
 * with an {@link EventCodecException} whose message contains the fragment listed for it in
 * {@code expected-messages.properties}, promptly, through every decode entry point.
 */
@RunWith(Parameterized.class)
public class MalformedInputTest {

    /** Small enough for the corpus' oversized input to exceed it, large enough for every other file. */
    static final int LIMIT = 4096;

    private static final String INDEX = "expected-messages.properties";

    @Rule
    public final Timeout timeout = new Timeout(10, TimeUnit.SECONDS);

    private final String file;
    private final String expected;
    private final EventCodec codec = new EventCodec(LIMIT);

    public MalformedInputTest(String file, String expected) {
        this.file = file;
        this.expected = expected;
    }

    @Parameters(name = "{0}")
    public static Collection<Object[]> corpus() throws IOException, URISyntaxException {
        Properties index = new Properties();
        try (Reader in = Files.newBufferedReader(dir().resolve(INDEX), StandardCharsets.UTF_8)) {
            index.load(in);
        }
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(dir())) {
            list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).forEach(files::add);
        }
        assertEquals("every corpus file has an expected message, and only those", files, new TreeSet<>(
                index.stringPropertyNames()));
        assertTrue("the corpus has " + files.size() + " files, fewer than 50", files.size() >= 50);
        List<Object[]> cases = new ArrayList<>();
        for (String f : files) {
            cases.add(new Object[] {f, index.getProperty(f)});
        }
        return cases;
    }

    private static Path dir() throws URISyntaxException {
        URL url = MalformedInputTest.class.getResource("/malformed/" + INDEX);
        return Paths.get(url.toURI()).getParent();
    }

    private byte[] bytes() throws IOException, URISyntaxException {
        return Files.readAllBytes(dir().resolve(file));
    }

    @Test
    public void decodingBytesFailsWithAUsefulMessage() throws Exception {
        assertFails(() -> codec.decode(bytes()));
    }

    @Test
    public void decodingAStringFailsWithAUsefulMessage() throws Exception {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes())).toString();
        } catch (CharacterCodingException e) {
            return; // invalid UTF-8 has no String form
        }
        if (text.indexOf('\0') >= 0) {
            return; // UTF-16 or UTF-32 bytes are not text either
        }
        assertFails(() -> codec.decode(text));
    }

    @Test
    public void readingItAsJsonLinesFailsWithTheLineNumber() throws Exception {
        byte[] input = bytes();
        if (new String(input, StandardCharsets.ISO_8859_1).contains("\n")) {
            return;
        }
        try (InputStream in = new ByteArrayInputStream(input);
                JsonLinesReader reader = new JsonLinesReader(in, codec)) {
            if (input.length == 0) {
                assertNull(reader.next());
                return;
            }
            EventCodecException e = assertThrows(EventCodecException.class, reader::next);
            assertTrue(e.getMessage(), e.getMessage().startsWith("line 1: "));
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
        }
    }

    private void assertFails(ThrowingRunnable decode) {
        EventCodecException e = assertThrows(file, EventCodecException.class, decode);
        assertTrue(file + ": message '" + e.getMessage() + "' lacks '" + expected + "'",
                e.getMessage().contains(expected));
    }
}
