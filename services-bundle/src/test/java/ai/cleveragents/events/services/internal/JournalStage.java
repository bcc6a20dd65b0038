package ai.cleveragents.events.services.internal;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.dispatch.EmitStage;

/** A bus stage standing in for a journal that refuses events of one type, as a full disk would. */
final class JournalStage implements EmitStage {

    private volatile EventType refused;

    /** @param type the type to refuse from now on, or {@code null} to accept everything */
    void refuse(EventType type) {
        refused = type;
    }

    @Override
    public boolean beforeDispatch(DomainEvent event, String emitter) {
        if (event.eventType() == refused) {
            throw new EventRejectedException(EventRejectedException.Reason.JOURNAL_FAILURE, "journal full", null);
        }
        return false;
    }
}
