package ai.cleveragents.events.json;

/**
 * Checks that bytes are well-formed UTF-8 (RFC 3629, Unicode table 3-7). Jackson checks only that
 * continuation bytes are continuation bytes, so without this it accepts overlong forms (such as
 * {@code C0 AF} for {@code /}) and encoded surrogates ({@code ED A0 80}), which must be rejected.
 */
final class WellFormedUtf8 {

    private WellFormedUtf8() {
    }

    /** @throws EventCodecException naming the offset of the first ill-formed sequence */
    static void require(byte[] utf8, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int lead = utf8[i] & 0xff;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int trailing = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2
                    : lead >= 0xf0 && lead <= 0xf4 ? 3 : -1;
            if (trailing < 0 || i + trailing >= end) {
                throw illFormed(utf8, i, offset);
            }
            int codePoint = lead & (0x3f >> trailing);
            for (int k = 1; k <= trailing; k++) {
                int b = utf8[i + k] & 0xff;
                if ((b & 0xc0) != 0x80) {
                    throw illFormed(utf8, i, offset);
                }
                codePoint = codePoint << 6 | b & 0x3f;
            }
            if (trailing == 2 && (codePoint < 0x800 || codePoint >= 0xd800 && codePoint <= 0xdfff)
                    || trailing == 3 && (codePoint < 0x10000 || codePoint > 0x10ffff)) {
                throw illFormed(utf8, i, offset);
            }
            i += trailing + 1;
        }
    }

    private static EventCodecException illFormed(byte[] utf8, int at, int offset) {
        return new EventCodecException(String.format(
                "Invalid UTF-8: byte 0x%02x at offset %d starts an ill-formed (invalid, overlong, surrogate "
                        + "or truncated) sequence", utf8[at] & 0xff, at - offset), null);
    }
}
