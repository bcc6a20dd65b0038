package ai.cleveragents.events.services.internal;

/** What folding one journal event into a service's state did. */
enum Folded {
    /** The event changed the state. */
    APPLIED,
    /** The state already holds what the event says (a journalled retry, or an event replayed twice). */
    DUPLICATE,
    /** The event restates what an earlier event already applied ({@code plan.started}, {@code plan.completed}). */
    REDUNDANT,
    /** The event concerns a plan or decision that is not held: created before the journal's retention cut, or evicted. */
    ORPHAN,
    /** The event was not emitted by the services: it lacks the details they always write. */
    FOREIGN
}
