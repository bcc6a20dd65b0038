package ai.cleveragents.events.bridge.eventadmin.internal;

/**
 * How outbound events are handed to Event Admin. Lower case because the constants are the
 * configuration values ({@code outbound.mode=send}).
 */
public enum OutboundMode {
    /** {@code EventAdmin.postEvent}: asynchronous delivery, the emitter does not wait for handlers. */
    post,
    /** {@code EventAdmin.sendEvent}: synchronous delivery, the emitter waits for every Event Admin handler. */
    send
}
