package ai.cleveragents.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.inject.Inject;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.itests.churn.ChurnSubscriber;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Bundle churn under the reactive bus (issue 9, docs/reliability.md): a subscriber bundle with a real
 * activator class ({@link ChurnSubscriber}) is installed, started, stopped and uninstalled 200 times
 * (1,000 with {@code -Psoak}) while another thread emits without pause. After every start the bus has
 * two more subscriptions (its own and the whiteboard handler), after every stop it is back to its
 * baseline; no emit fails and the test's own subscriber gets every emitted event; no class of an
 * uninstalled installation stays loaded. Felix 7.0.5 itself retains about 3.6 KB per uninstalled
 * bundle that used any service (a {@code ServiceRegistry} usage entry keyed by the bundle; reproduced
 * without this project's code), so the same churn is first run with a control bundle doing the same
 * framework work without the bus, and the bus must retain less than 1 MiB more than that control.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class BundleChurnTest extends OsgiTestSupport {

    private static final int CYCLES = Integer.getInteger("churn.cycles", Boolean.getBoolean("soak") ? 1_000 : 200);
    private static final int WARM_UP = 20;
    private static final long ONE_MIB = 1L << 20;

    @Inject
    private EventBus bus;

    @Configuration
    public Option[] config() {
        return new Option[] {logging(), frameworkServices(), apiBundle(), reactiveBus()};
    }

    @Test
    public void churningASubscriberBundleLeavesNoSubscriptionHeapOrClassLoaderBehind() throws Exception {
        LongAdder received = new LongAdder();
        bus.subscribeAll(e -> received.increment());
        Emitter emitter = new Emitter(bus);
        emitter.start();
        int baseline = bus.metrics().subscriptions();
        long control = retainedGrowth(subscriberBundle("control"), baseline, emitter, false);
        long withBus = retainedGrowth(subscriberBundle("bus"), baseline, emitter, true);
        long emitted = emitter.finish();

        System.out.printf("bundle churn: %d cycles each; retained heap growth: control (framework only) %+d bytes, "
                + "through the bus %+d bytes, difference %+d bytes; %d events emitted meanwhile%n", CYCLES, control,
                withBus, withBus - control, emitted);
        assertTrue("emit failures: " + emitter.failures, emitter.failures.isEmpty());
        assertEquals("the test's subscriber got every event", emitted, received.sum());
        assertEquals(baseline, bus.metrics().subscriptions());
        assertTrue("the bus retained " + (withBus - control) + " bytes more than the framework alone",
                withBus - control < ONE_MIB);
    }

    /**
     * Churns {@link #WARM_UP} times, measures the retained heap, churns {@link #CYCLES} times, measures
     * again; checks that no class of an uninstalled installation is still loaded.
     *
     * @return how much the retained heap grew over the {@link #CYCLES} cycles
     */
    private long retainedGrowth(byte[] jar, int baseline, Emitter emitter, boolean bus) throws Exception {
        List<WeakReference<Class<?>>> loaded = new ArrayList<>();
        for (int i = 0; i < WARM_UP; i++) {
            churnOnce(jar, i, baseline, loaded, bus);
        }
        emitter.pauseEmitting();
        long before = retainedHeap();
        emitter.resumeEmitting();
        for (int i = WARM_UP; i < WARM_UP + CYCLES; i++) {
            churnOnce(jar, i, baseline, loaded, bus);
        }
        emitter.pauseEmitting();
        long after = retainedHeap();
        emitter.resumeEmitting();
        assertEquals("classes of uninstalled bundles still loaded", 0, loaded.stream().filter(r -> r.get() != null).count());
        return after - before;
    }

    private void churnOnce(byte[] jar, int i, int baseline, List<WeakReference<Class<?>>> loaded, boolean bus)
            throws Exception {
        Bundle b = context.installBundle("churn-" + bus + "-" + i, new ByteArrayInputStream(jar));
        b.start();
        assertEquals("after start " + i, baseline + (bus ? 2 : 0), this.bus.metrics().subscriptions());
        loaded.add(new WeakReference<>(b.loadClass(ChurnSubscriber.class.getName())));
        b.stop();
        assertEquals("after stop " + i, baseline, this.bus.metrics().subscriptions());
        b.uninstall();
    }

    /** A bundle holding the class file of {@link ChurnSubscriber} as its activator. */
    private static byte[] subscriberBundle(String uses) throws Exception {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        a.putValue(Constants.BUNDLE_SYMBOLICNAME, "example.churn.subscriber");
        a.putValue(Constants.BUNDLE_ACTIVATOR, ChurnSubscriber.class.getName());
        a.putValue(ChurnSubscriber.HEADER, uses);
        a.putValue(Constants.IMPORT_PACKAGE, "ai.cleveragents.events;version=\"[1.0,2.0)\",org.osgi.framework");
        String path = ChurnSubscriber.class.getName().replace('.', '/') + ".class";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, m);
                InputStream classFile = ChurnSubscriber.class.getClassLoader().getResourceAsStream(path)) {
            jar.putNextEntry(new JarEntry(path));
            classFile.transferTo(jar);
            jar.closeEntry();
        }
        return out.toByteArray();
    }

    /**
     * The heap still in use after garbage collection: uninstalled bundles' wirings are released first
     * (a package refresh), then 5 times 3 {@code System.gc()} calls each followed by a reading; the
     * median of the 5 readings is returned.
     */
    private long retainedHeap() throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).refreshBundles(null, e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        assertTrue("packages refreshed", refreshed.await(30, TimeUnit.SECONDS));
        long[] readings = new long[5];
        for (int i = 0; i < readings.length; i++) {
            for (int gc = 0; gc < 3; gc++) {
                System.gc();
            }
            readings[i] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
        Arrays.sort(readings);
        return readings[readings.length / 2];
    }

    /** Emits without pause from its own thread; can be paused while the heap is measured. */
    private static final class Emitter extends Thread {

        final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        private final EventBus bus;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicBoolean paused = new AtomicBoolean();
        private volatile boolean idle;
        private long emitted;

        Emitter(EventBus bus) {
            super("churn-emitter");
            this.bus = bus;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                if (paused.get()) {
                    idle = true;
                    Thread.onSpinWait();
                    continue;
                }
                idle = false;
                try {
                    bus.emit(DomainEvent.builder(EventType.PLAN_PHASE_CHANGED).planId("p-" + emitted).build());
                    emitted++;
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        }

        void pauseEmitting() {
            paused.set(true);
            waitFor(() -> idle);
        }

        void resumeEmitting() {
            paused.set(false);
        }

        /** @return how many events were emitted */
        long finish() throws InterruptedException {
            stop.set(true);
            join(TimeUnit.SECONDS.toMillis(30));
            return emitted;
        }
    }
}
