package ai.cleveragents.events.dispatch;

import java.util.Objects;

import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBusConstants;

/** A handler's {@value EventBusConstants#EVENT_FILTER}: an LDAP filter over {@link EventProperties}. Immutable. */
public final class HandlerFilter {

    private final Filter filter;

    private HandlerFilter(Filter filter) {
        this.filter = filter;
    }

    /**
     * @param ldap the filter text
     * @return the parsed filter
     * @throws NullPointerException     if {@code ldap} is {@code null}
     * @throws IllegalArgumentException naming the filter and what is wrong with it
     */
    public static HandlerFilter parse(String ldap) {
        Objects.requireNonNull(ldap, "filter");
        try {
            return new HandlerFilter(FrameworkUtil.createFilter(ldap));
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("invalid " + EventBusConstants.EVENT_FILTER + " '" + ldap + "': "
                    + e.getMessage() + " (an LDAP filter over event_id, event_type, correlation_id, plan_id, root_plan_id,"
                    + " session_id, actor_name, project_name and details.<key>, e.g. (&(plan_id=p-1)(details.tool=search)))",
                    e);
        }
    }

    /**
     * @param event the event
     * @return whether the event's fields match the filter
     */
    public boolean matches(DomainEvent event) {
        return filter.matches(new EventProperties(event));
    }

    @Override
    public String toString() {
        return filter.toString();
    }
}
