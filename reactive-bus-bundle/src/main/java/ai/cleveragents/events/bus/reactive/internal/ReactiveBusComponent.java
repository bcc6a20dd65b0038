package ai.cleveragents.events.bus.reactive.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventStream;
import ai.cleveragents.events.bus.reactive.internal.journal.Journal;
import ai.cleveragents.events.dispatch.BusService;
import ai.cleveragents.events.dispatch.Companion;
import ai.cleveragents.events.dispatch.redaction.RedactionPolicyTracker;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the reactive bus: registers {@link ai.cleveragents.events.EventBus} (bundle scope, ranking 100
 * by default), {@link EventStream} and, with the journal enabled, {@link EventJournal}, all with
 * {@code event.bus.name=reactive}.
 *
 * <p>Configuration changes apply live: the ranking by updating the service properties, journal settings
 * by switching to a newly opened journal between two appends. Enabling or disabling the journal or
 * changing the stream settings restarts the bus; greedy consumers use the next-ranked bus meanwhile.
 */
@Component(immediate = true, configurationPid = ReactiveBusComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ReactiveBusComponent.Config.class)
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=ai.cleveragents.events.EventBus",
        uses = ai.cleveragents.events.EventBus.class)
public final class ReactiveBusComponent {

    /** The configuration PID. */
    public static final String PID = "ai.cleveragents.events.bus.reactive";

    /** Framework property naming the default journal directory (the runtime sets it to data/journal). */
    public static final String JOURNAL_DIR_PROPERTY = "ai.cleveragents.events.journal.dir";

    /** Framework property Karaf sets to its data folder. */
    static final String KARAF_DATA_PROPERTY = "karaf.data";

    private static final Logger LOG = LoggerFactory.getLogger(ReactiveBusComponent.class);

    /** Reactive bus configuration. */
    @ObjectClassDefinition(name = "CleverAgents reactive event bus",
            description = "Synchronous handlers, a Flow stream and a write-ahead audit journal.")
    public @interface Config {
        @AttributeDefinition(name = "Service ranking", description = "service.ranking of the EventBus service; consumers bind to the highest.")
        int service_ranking() default 100;

        @AttributeDefinition(name = "Journal enabled", description = "Append every event to the audit journal before dispatch.")
        boolean journal_enabled() default true;

        @AttributeDefinition(name = "Journal directory", description = "Where segment files go. Empty: the framework property "
                + JOURNAL_DIR_PROPERTY + ", else ${karaf.data}/cleveragents-events/journal under Karaf, else the bundle's data area"
                + " (deleted when the bundle is uninstalled or the framework storage is cleaned).")
        String journal_directory() default "";

        @AttributeDefinition(name = "Redact at rest", description = "Mask sensitive values (the shared redaction policy, PID"
                + " ai.cleveragents.events.redaction) by *** before events are written to the journal; in-process subscribers"
                + " still receive them in clear.")
        boolean journal_redact() default true;

        @AttributeDefinition(name = "Durability", description = "none: OS buffers; group: fsync per batch, emit returns once its batch is durable; always: fsync per event.",
                options = {@Option(value = "none", label = "none"), @Option(value = "group", label = "group"), @Option(value = "always", label = "always")})
        String journal_durability() default "group";

        @AttributeDefinition(name = "Group interval (ms)", description = "Upper bound on how long a group-commit leader lingers for emitters already writing; 0 never lingers.")
        long journal_group_interval_ms() default 2;

        @AttributeDefinition(name = "Group size", description = "A group-commit leader stops lingering once this many events are pending.")
        int journal_group_max_events() default 256;

        @AttributeDefinition(name = "Segment size (bytes)", description = "A segment file rotates once it exceeds this size.")
        long journal_segment_max_bytes() default 64L << 20;

        @AttributeDefinition(name = "Retention age (hours)", description = "Delete whole segments older than this; 0 keeps them.")
        long journal_retention_max_age_hours() default 0;

        @AttributeDefinition(name = "Retention size (bytes)", description = "Delete the oldest segments beyond this total; 0 keeps them.")
        long journal_retention_max_bytes() default 0;

        @AttributeDefinition(name = "Stream overflow", description = "When a stream subscriber's buffer is full: block the emitter, drop the newest event, or cancel the subscriber.",
                options = {@Option(value = "block", label = "block"), @Option(value = "drop_newest", label = "drop newest"), @Option(value = "cancel", label = "cancel")})
        String stream_overflow() default "block";

        @AttributeDefinition(name = "Stream buffer size", description = "Events buffered per stream subscriber.")
        int stream_buffer_size() default 1024;

        @AttributeDefinition(name = "Close timeout (ms)", description = "How long stopping waits for emits in flight.")
        long close_timeout_ms() default 5000;
    }

    private final BundleContext context;
    /** The shared redaction policy (PID ai.cleveragents.events.redaction), followed live; closed at deactivation. */
    private final RedactionPolicyTracker policy;
    /** Guarded by {@code this}; {@code null} while the configuration is unusable. */
    private BusSettings settings;
    /** Guarded by {@code this}; {@code null} while no bus is running. */
    private Running running;
    /** Guarded by {@code this}: whether the warning about the bundle data area was logged. */
    private boolean warnedDataArea;

    /**
     * What one start runs: the bus, its publication (bus, stream and journal services) and, with the
     * journal, the catch-up whiteboard; replaced on restart.
     */
    private record Running(ReactiveBus bus, BusService service, CatchUpHandlers catchUp) {
    }

    /**
     * Starts the bus. With an invalid configuration or an unusable journal directory it logs one error
     * line naming the property or the path and the reason, and registers nothing, so the next-ranked bus
     * serves; the next configuration change tries again (no bundle restart needed).
     */
    @Activate
    public ReactiveBusComponent(BundleContext context, Config config) {
        this.context = context;
        this.policy = RedactionPolicyTracker.open(context);
        synchronized (this) {
            apply(config);
        }
    }

    @Modified
    synchronized void modified(Config config) {
        apply(config);
    }

    @Deactivate
    synchronized void deactivate() {
        stopRunning();
        policy.close();
    }

    /** @return {@code true} while the bus is registered */
    synchronized boolean isRunning() {
        return running != null;
    }

    private void apply(Config config) {
        BusSettings next;
        try {
            next = BusSettings.from(config, defaultJournalDirectory());
        } catch (IllegalArgumentException e) {
            LOG.error("reactive bus not started: invalid configuration {}: {}", PID, e.getMessage());
            stopRunning();
            return;
        }
        if (running != null && !settings.needsRestart(next)) {
            updateLive(next);
        } else {
            stopRunning();
            running = start(next);
        }
        settings = next;
    }

    private void updateLive(BusSettings next) {
        updateJournal(next);
        running.service().update(properties(next));
    }

    private void updateJournal(BusSettings next) {
        if (next.journal() == null) {
            return;
        }
        running.bus().journalStage().redactAtRest(next.journalRedact());
        if (next.journal().equals(settings.journal())) {
            return;
        }
        try {
            running.bus().journalStage().replace(next.journal());
            running.catchUp().close();
            running.catchUp().open();
            LOG.info("reactive bus: journal now {} ({})", next.journal().directory(), next.journal().durability());
        } catch (IOException e) {
            LOG.error("reactive bus: keeping the current journal; cannot use journal.directory {}: {}",
                    next.journal().directory(), e.getMessage());
        }
    }

    /**
     * The framework property naming the directory, else Karaf's data folder, else the bundle's data
     * area (with one warning: the framework deletes it on uninstall and on a clean start).
     */
    private Path defaultJournalDirectory() {
        String fromFramework = context.getProperty(JOURNAL_DIR_PROPERTY);
        if (fromFramework != null && !fromFramework.isBlank()) {
            return Path.of(fromFramework.trim());
        }
        String karafData = context.getProperty(KARAF_DATA_PROPERTY);
        if (karafData != null && !karafData.isBlank()) {
            return Path.of(karafData.trim(), "cleveragents-events", "journal");
        }
        Path dataArea = context.getDataFile("journal").toPath();
        if (!warnedDataArea) {
            warnedDataArea = true;
            LOG.warn("reactive bus: the journal is in the bundle's data area {}, which the framework deletes when the bundle"
                    + " is uninstalled or its storage is cleaned; set journal.directory in {} or the framework property {}",
                    dataArea, PID, JOURNAL_DIR_PROPERTY);
        }
        return dataArea;
    }

    private Running start(BusSettings s) {
        JournalStage journal = null;
        if (s.journal() != null) {
            try {
                journal = new JournalStage(Journal.open(s.journal()), policy, s.journalRedact());
            } catch (IOException e) {
                LOG.error("reactive bus not started: journal.directory {}: {}", s.journal().directory(), e.getMessage());
                return null;
            }
            LOG.info("reactive bus: journal in {} (durability {}, redaction at rest {})",
                    s.journal().directory().toAbsolutePath(), s.journal().durability().name().toLowerCase(java.util.Locale.ROOT),
                    s.journalRedact() ? "on" : "off");
        }
        ReactiveBus bus = new ReactiveBus(journal, new StreamPublisher(s.bufferSize(), s.overflow()));
        List<Companion<?>> companions = new ArrayList<>();
        companions.add(new Companion<>(EventStream.class, bus.stream()));
        if (journal != null) {
            companions.add(new Companion<>(EventJournal.class, bus.journal()));
        }
        BusService service = BusService.start(context, bus.engine(), properties(s), companions);
        CatchUpHandlers catchUp = null;
        if (journal != null) {
            JournalStage followed = journal;
            catchUp = new CatchUpHandlers(context, followed::current);
            catchUp.open();
        }
        return new Running(bus, service, catchUp);
    }

    private void stopRunning() {
        if (running == null) {
            return;
        }
        Running r = running;
        running = null;
        if (r.catchUp() != null) {
            r.catchUp().close();
        }
        r.service().stop(r.bus()::releaseStream, settings.closeTimeoutMillis());
        r.bus().completeStream();
        r.bus().closeJournal();
    }

    private static Map<String, Object> properties(BusSettings s) {
        return Map.of(Constants.SERVICE_RANKING, s.ranking(), EventBusConstants.BUS_NAME, ReactiveBus.NAME,
                Constants.SERVICE_DESCRIPTION, "CleverAgents reactive event bus");
    }
}
