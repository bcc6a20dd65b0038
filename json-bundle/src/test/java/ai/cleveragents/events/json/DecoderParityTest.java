package ai.cleveragents.events.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import ai.cleveragents.events.DomainEvent;

import org.junit.Test;

/**
 * {@link PlainEventReader}, the decoder's fast path, against the full (Jackson) decoder: on seeded random
 * events it decodes what it accepts to an equal event; on thousands of mutations of them (bytes deleted,
 * inserted, repeated) it never accepts anything the full decoder rejects or decodes differently, so that
 * strictness and every error message stay the full decoder's.
 */
public class DecoderParityTest {

    private static final long SEED = 20261203L;
    private static final int EVENTS = 3_000;
    private static final int MUTATIONS = 8;
    private static final byte[] SIGNIFICANT = " \t\r\n{}[]\",:\\-+.0123456789eEtrufalsnx\u0001".getBytes(StandardCharsets.ISO_8859_1);

    private final EventCodec codec = new EventCodec();

    @Test
    public void acceptedEventsDecodeAsTheFullDecoderDecodesThem() {
        Random random = new Random(SEED);
        int plain = 0;
        for (int i = 0; i < EVENTS; i++) {
            DomainEvent e = RandomEvents.event(random);
            byte[] json = codec.encodeToBytes(e);
            DomainEvent fast = PlainEventReader.read(json, 0, json.length);
            DomainEvent full = codec.decodeFully(json, 0, json.length);
            if (fast != null) {
                assertEquals("event " + i + " of seed " + SEED, full, fast);
                assertEquals(e, fast);
                plain++;
            }
            assertEquals(full, codec.decode(json));
        }
        assertTrue("the fast path took only " + plain + " of " + EVENTS + " events", plain > EVENTS / 10);
    }

    @Test
    public void mutatedInputIsNeverAcceptedUnlessTheFullDecoderAgrees() {
        Random random = new Random(SEED + 1);
        int accepted = 0;
        for (int i = 0; i < EVENTS; i++) {
            byte[] json = codec.encodeToBytes(RandomEvents.event(random));
            for (int m = 0; m < MUTATIONS; m++) {
                byte[] mutant = mutate(json, random);
                if (!wellFormed(mutant)) {
                    continue;
                }
                DomainEvent fast = PlainEventReader.read(mutant, 0, mutant.length);
                if (fast != null) {
                    accepted++;
                    assertEquals(new String(mutant, StandardCharsets.UTF_8), codec.decodeFully(mutant, 0, mutant.length), fast);
                }
            }
        }
        assertTrue("no mutant was plain: the test checks nothing", accepted > 0);
    }

    @Test
    public void whatTheWriterNeverWritesIsLeftToTheFullDecoder() {
        for (String json : new String[] {
            "{\"event_id\":\"01JDQ7J9Z0ABCDEFGHJKMNPQRS\",\"event_id\":\"01JDQ7J9Z0ABCDEFGHJKMNPQRS\"}",
            "\ufeff{}", "{\"event\\u005fid\":1}", "{\"details\":{\"a\":1.5}}", "{\"details\":{\"a\":01}}",
            "{\"details\":{\"a\":1,\"a\":2}}", "{\"details\":{\"a\":nullx}}", "{\"details\":{\"a\":1e3}}",
            "{\"details\":{\"a\":1234567890123456789}}", "{\"details\":{\"a\":-}}", "{\"colour\":\"red\"}",
            "{\"event_id\":null}", "[]", "{} {}", "{\"details\":" + "[".repeat(40) + "]".repeat(40) + "}"}) {
            byte[] b = json.getBytes(StandardCharsets.UTF_8);
            assertNull(json, PlainEventReader.read(b, 0, b.length));
        }
    }

    private static boolean wellFormed(byte[] b) {
        try {
            WellFormedUtf8.require(b, 0, b.length);
            return true;
        } catch (EventCodecException e) {
            return false;
        }
    }

    private static byte[] mutate(byte[] json, Random r) {
        int at = r.nextInt(json.length);
        switch (r.nextInt(3)) {
            case 0: {
                byte[] out = new byte[json.length - 1];
                System.arraycopy(json, 0, out, 0, at);
                System.arraycopy(json, at + 1, out, at, json.length - at - 1);
                return out;
            }
            case 1: {
                byte[] out = new byte[json.length + 1];
                System.arraycopy(json, 0, out, 0, at);
                out[at] = SIGNIFICANT[r.nextInt(SIGNIFICANT.length)];
                System.arraycopy(json, at, out, at + 1, json.length - at);
                return out;
            }
            default: {
                int len = Math.min(1 + r.nextInt(12), json.length - at);
                byte[] out = Arrays.copyOf(json, json.length + len);
                System.arraycopy(json, at, out, at + len, json.length - at);
                return out;
            }
        }
    }
}
