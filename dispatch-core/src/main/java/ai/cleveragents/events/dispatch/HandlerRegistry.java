package ai.cleveragents.events.dispatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.SubscriptionInfo;

/**
 * Handlers per event type, in subscription order. Reads are lock-free (copy-on-write arrays published
 * through volatile fields); changes are serialised by {@link #lock}.
 */
final class HandlerRegistry {

    private static final Registration[] NONE = new Registration[0];
    private static final int TYPES = EventType.values().length;

    private final Object lock = new Object();
    /** Per type ordinal, the active handlers. Replaced, never mutated; written under {@link #lock}. */
    private volatile Registration[][] byType;
    /** Handlers of unhandled events. Replaced, never mutated; written under {@link #lock}. */
    private volatile Registration[] dead = NONE;
    /** Every active registration in subscription order. Guarded by {@link #lock}. */
    private final List<Registration> all = new ArrayList<>();

    HandlerRegistry() {
        Registration[][] empty = new Registration[TYPES][];
        Arrays.fill(empty, NONE);
        byType = empty;
    }

    Registration add(Set<EventType> types, EventHandler handler, Object owner, boolean whiteboard) {
        return add(types, handler, null, owner, whiteboard, Registration.Role.HANDLER);
    }

    /**
     * @param role {@link Registration.Role#HANDLER} or {@link Registration.Role#OBSERVER}
     */
    Registration add(Set<EventType> types, EventHandler handler, HandlerFilter filter, Object owner,
            boolean whiteboard, Registration.Role role) {
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(handler, "handler");
        if (types.isEmpty()) {
            throw new IllegalArgumentException("types must not be empty");
        }
        for (EventType t : types) {
            Objects.requireNonNull(t, "types contains null");
        }
        Registration r = new Registration(this, EnumSet.copyOf(types), handler, filter, owner, whiteboard, role);
        synchronized (lock) {
            Registration[][] next = byType.clone();
            for (EventType t : r.types()) {
                next[t.ordinal()] = append(next[t.ordinal()], r);
            }
            byType = next;
            all.add(r);
        }
        return r;
    }

    Registration addUnhandled(EventHandler handler, Object owner) {
        Registration r = new Registration(this, EnumSet.allOf(EventType.class),
                Objects.requireNonNull(handler, "handler"), null, owner, true,
                Registration.Role.UNHANDLED);
        synchronized (lock) {
            dead = append(dead, r);
            all.add(r);
        }
        return r;
    }

    void remove(Registration r) {
        synchronized (lock) {
            if (!r.isActive()) {
                return;
            }
            r.deactivate();
            all.remove(r);
            if (r.unhandled()) {
                dead = without(dead, r);
                return;
            }
            Registration[][] next = byType.clone();
            for (EventType t : r.types()) {
                next[t.ordinal()] = without(next[t.ordinal()], r);
            }
            byType = next;
        }
    }

    /** Closes every {@code subscribe} registration of {@code owner}; whiteboard ones are left to the tracker. */
    void removeOwner(Object owner) {
        for (Registration r : snapshotRegistrations()) {
            if (!r.whiteboard() && r.ownerObject() == owner) {
                remove(r);
            }
        }
    }

    void removeAll() {
        for (Registration r : snapshotRegistrations()) {
            remove(r);
        }
    }

    Registration[] forType(EventType type) {
        return byType[type.ordinal()];
    }

    Registration[] unhandledHandlers() {
        return dead;
    }

    int size() {
        synchronized (lock) {
            return all.size();
        }
    }

    List<SubscriptionInfo> describe() {
        return List.copyOf(snapshotRegistrations());
    }

    private List<Registration> snapshotRegistrations() {
        synchronized (lock) {
            return new ArrayList<>(all);
        }
    }

    private static Registration[] append(Registration[] array, Registration r) {
        Registration[] copy = Arrays.copyOf(array, array.length + 1);
        copy[array.length] = r;
        return copy;
    }

    private static Registration[] without(Registration[] array, Registration r) {
        for (int i = 0; i < array.length; i++) {
            if (array[i] == r) {
                Registration[] copy = new Registration[array.length - 1];
                System.arraycopy(array, 0, copy, 0, i);
                System.arraycopy(array, i + 1, copy, i, array.length - i - 1);
                return copy;
            }
        }
        return array;
    }
}
