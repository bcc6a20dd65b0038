package ai.cleveragents.events.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

import org.junit.Test;

/** Ill-formed UTF-8 that Jackson alone would accept is rejected; every well-formed form decodes. */
public class WellFormedUtf8Test {

    private final EventCodec codec = new EventCodec();

    /** A valid event whose detail {@code t} holds the given bytes. */
    private byte[] eventWith(String hex) {
        String json = codec.encode(DomainEvent.builder(EventType.PLAN_CREATED).detail("t", "@").build());
        String[] parts = json.split("@");
        byte[] before = parts[0].getBytes(StandardCharsets.UTF_8);
        byte[] middle = HexFormat.of().parseHex(hex);
        byte[] after = parts[1].getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[before.length + middle.length + after.length];
        System.arraycopy(before, 0, all, 0, before.length);
        System.arraycopy(middle, 0, all, before.length, middle.length);
        System.arraycopy(after, 0, all, before.length + middle.length, after.length);
        return all;
    }

    @Test
    public void overlongSurrogateTooLargeAndTruncatedSequencesAreRejected() {
        for (String hex : new String[] {"c0af", "c1bf", "e08080", "f0808080", "eda080", "edbfbf", "f4908080",
            "f5808080", "80", "bf", "c3", "e282", "f09f98"}) {
            EventCodecException e = assertThrows(hex, EventCodecException.class, () -> codec.decode(eventWith(hex)));
            assertTrue(hex + ": " + e.getMessage(), e.getMessage().startsWith("Invalid UTF-8: byte 0x"));
        }
    }

    @Test
    public void aSequenceCutByTheEndOfTheInputIsRejected() {
        byte[] cut = HexFormat.of().parseHex("7be282");
        EventCodecException e = assertThrows(EventCodecException.class, () -> codec.decode(cut));
        assertEquals("Invalid UTF-8: byte 0xe2 at offset 1 starts an ill-formed (invalid, overlong, "
                + "surrogate or truncated) sequence", e.getMessage());
    }

    @Test
    public void everyWellFormedLengthDecodes() {
        for (String text : new String[] {"a", "\u00e9", "\u07ff", "\u0800", "\u20ac", "\ud7ff", "\ue000", "\uffff",
            "\ud83d\ude00", "\udbff\udfff"}) {
            byte[] utf8 = codec.encodeToBytes(DomainEvent.builder(EventType.PLAN_CREATED).detail("t", text).build());
            assertEquals(text, codec.decode(utf8).details().get("t"));
        }
    }
}
