package ai.cleveragents.events.dispatch;

import java.util.Collections;
import java.util.Set;

import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.Subscription;
import ai.cleveragents.events.SubscriptionInfo;

import org.osgi.framework.Bundle;

/** One handler registered in a {@link HandlerRegistry}; its own {@link Subscription} handle. */
final class Registration implements Subscription, SubscriptionInfo {

    /** What a registration is for. */
    enum Role {
        /** A handler of its types: an event it receives is handled. */
        HANDLER,
        /** Receives the events of its types like a handler, but an event it alone receives stays unhandled. */
        OBSERVER,
        /** Receives the events that reached no handler. */
        UNHANDLED
    }

    final EventHandler handler;
    /** {@code null} when the handler takes every event of its types. */
    final HandlerFilter filter;
    private final Set<EventType> types;
    private final Object owner;
    private final boolean whiteboard;
    private final Role role;
    private final HandlerRegistry registry;
    private volatile boolean active = true;

    Registration(HandlerRegistry registry, Set<EventType> types, EventHandler handler, HandlerFilter filter,
            Object owner, boolean whiteboard, Role role) {
        this.registry = registry;
        this.filter = filter;
        this.types = Collections.unmodifiableSet(types);
        this.handler = handler;
        this.owner = owner;
        this.whiteboard = whiteboard;
        this.role = role;
    }

    @Override
    public void close() {
        if (active) {
            registry.remove(this);
        }
    }

    /** Marks this registration closed; called by the registry under its lock. */
    void deactivate() {
        active = false;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    Object ownerObject() {
        return owner;
    }

    @Override
    public String owner() {
        return describe(owner);
    }

    static String describe(Object owner) {
        if (owner instanceof Bundle) {
            Bundle b = (Bundle) owner;
            return b.getSymbolicName() + " [" + b.getBundleId() + "]";
        }
        return owner == null ? "-" : owner.toString();
    }

    @Override
    public Set<EventType> types() {
        return types;
    }

    @Override
    public boolean whiteboard() {
        return whiteboard;
    }

    @Override
    public boolean unhandled() {
        return role == Role.UNHANDLED;
    }

    @Override
    public boolean observer() {
        return role == Role.OBSERVER;
    }

    /** @return {@code true} if delivering to this registration makes an event handled */
    boolean counts() {
        return role == Role.HANDLER;
    }

    @Override
    public String handler() {
        return handler.getClass().getName();
    }

    @Override
    public String toString() {
        return handler() + " " + types + " owned by " + owner();
    }
}
