package ai.cleveragents.events.bridge.eventadmin.internal;

/**
 * The bridge's own Event Admin property keys, beside the wire format's field names
 * ({@link ai.cleveragents.events.json.WireFields}) it uses for the rest. The table in
 * {@code docs/reference/eventadmin-bridge.md} documents them.
 */
final class PropertyKeys {
    /** The full-precision ISO-8601 UTC instant, as in the wire format ({@code timestamp} is epoch ms). */
    static final String TIMESTAMP_ISO = "timestamp_iso";
    /** Set on outbound events to the posting bridge instance's id; the bridge ignores its own events. */
    static final String ORIGIN = "cleveragents.bridge.origin";

    private PropertyKeys() {
    }
}
