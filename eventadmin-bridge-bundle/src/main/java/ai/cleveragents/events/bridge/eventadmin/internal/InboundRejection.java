package ai.cleveragents.events.bridge.eventadmin.internal;

/** An inbound Event Admin event that cannot become a domain event; carries the reason it is counted under. */
final class InboundRejection extends Exception {

    private static final long serialVersionUID = 1L;

    private final DropReason reason;

    InboundRejection(DropReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    DropReason reason() {
        return reason;
    }
}
