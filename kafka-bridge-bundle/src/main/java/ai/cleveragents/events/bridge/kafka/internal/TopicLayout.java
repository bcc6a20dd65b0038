package ai.cleveragents.events.bridge.kafka.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ai.cleveragents.events.EventType;

/** How events are spread over topics (configuration property {@code topic.layout}). */
public enum TopicLayout {
    /** Every event on the one topic {@code topic}. */
    single,
    /** One topic per event domain: {@code <topic>.<domain>}, for example {@code cleveragents.events.plan}. */
    per_domain;

    /**
     * @return the topic an event of {@code type} goes to
     */
    String topicFor(String base, EventType type) {
        return this == single ? base : base + "." + type.domain();
    }

    /**
     * @return every topic of this layout, in the order of {@link EventType}'s domains
     */
    List<String> topics(String base) {
        Set<String> topics = new LinkedHashSet<>();
        for (EventType t : EventType.values()) {
            topics.add(topicFor(base, t));
        }
        return new ArrayList<>(topics);
    }
}
