package ai.cleveragents.events.bus.logging.internal;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.dispatch.EmitStage;
import ai.cleveragents.events.dispatch.redaction.DetailRedactor;
import ai.cleveragents.events.dispatch.redaction.TerminalText;
import ai.cleveragents.events.json.WireFields;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes one structured SLF4J 2 record per event, before the synchronous handlers run.
 *
 * <p>The record goes to the logger {@code ai.cleveragents.events.<domain>} (for example
 * {@code ai.cleveragents.events.plan}), at {@link Level#WARN} for failure-type events
 * ({@code *.failed}, {@code budget.exceeded}, {@code invariant.violated}) and {@link Level#INFO}
 * otherwise. Its message is the event type id; its key-values are the event's fields under their wire
 * names ({@code event_type}, {@code event_id}, …; an absent optional field is left out, not written as {@code null}) followed by
 * one key-value per top-level detail, named {@code details.}{@code <key>}. Details and context
 * fields are first redacted by the current {@link DetailRedactor} (sensitive values masked), then every
 * string in them, keys included, is {@linkplain TerminalText#escape escaped}: no newline, ESC sequence
 * or bidi override from an event reaches a log line raw.
 *
 * <p>When the logger's level is disabled for the event nothing is built: the check comes first and
 * the loggers and levels are resolved once, per type, at construction. Thread-safe.
 */
final class EventLogStage implements EmitStage {

    static final String LOGGER_PREFIX = "ai.cleveragents.events.";

    /** Indexed by {@link EventType#ordinal()}. */
    private final Logger[] loggers;
    /** Indexed by {@link EventType#ordinal()}. */
    private final Level[] levels;
    private final Supplier<DetailRedactor> redactor;

    /**
     * @param loggerFactory where the per-domain loggers come from
     * @param redactor      the redactor of the current policy, asked once per record
     */
    EventLogStage(ILoggerFactory loggerFactory, Supplier<DetailRedactor> redactor) {
        EventType[] types = EventType.values();
        this.loggers = new Logger[types.length];
        this.levels = new Level[types.length];
        for (EventType type : types) {
            loggers[type.ordinal()] = loggerFactory.getLogger(loggerName(type));
            levels[type.ordinal()] = levelOf(type);
        }
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    /**
     * @param type an event type
     * @return the name of the logger its records go to
     */
    static String loggerName(EventType type) {
        return LOGGER_PREFIX + type.domain();
    }

    /**
     * @param type an event type
     * @return WARN for failure-type events, INFO for the others
     */
    static Level levelOf(EventType type) {
        boolean failure = type.shortName().equals("failed") || type == EventType.BUDGET_EXCEEDED
                || type == EventType.INVARIANT_VIOLATED;
        return failure ? Level.WARN : Level.INFO;
    }

    /** An absent optional field is left out of the record, not written as {@code null}. */
    private static void addIfPresent(LoggingEventBuilder record, DetailRedactor masks, String key, String field) {
        if (field != null) {
            record.addKeyValue(key, TerminalText.escape(masks.redactText(field)));
        }
    }

    /** @return {@code false}: a log record is not a receiver, the event may still be unhandled */
    @Override
    public boolean beforeDispatch(DomainEvent event, String emitter) {
        int index = event.eventType().ordinal();
        Logger logger = loggers[index];
        Level level = levels[index];
        if (logger.isEnabledForLevel(level)) {
            write(logger.atLevel(level), event);
        }
        return false;
    }

    private void write(LoggingEventBuilder record, DomainEvent event) {
        DetailRedactor masks = redactor.get();
        record.setMessage(event.eventType().id())
                .addKeyValue(WireFields.EVENT_TYPE, event.eventType().id())
                .addKeyValue(WireFields.EVENT_ID, TerminalText.escape(event.eventId()))
                .addKeyValue(WireFields.CORRELATION_ID, TerminalText.escape(event.correlationId()))
                .addKeyValue(WireFields.TIMESTAMP, event.timestamp().toString());
        addIfPresent(record, masks, WireFields.PLAN_ID, event.planId());
        addIfPresent(record, masks, WireFields.ROOT_PLAN_ID, event.rootPlanId());
        addIfPresent(record, masks, WireFields.SESSION_ID, event.sessionId());
        addIfPresent(record, masks, WireFields.ACTOR_NAME, event.actorName());
        addIfPresent(record, masks, WireFields.PROJECT_NAME, event.projectName());
        for (Map.Entry<String, Object> detail : masks.redact(event.details()).entrySet()) {
            record.addKeyValue(WireFields.DETAIL_PREFIX + TerminalText.escape(detail.getKey()),
                    TerminalText.escapeAll(detail.getValue()));
        }
        record.log();
    }
}
