package ai.cleveragents.events.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the JFR recordings of the profiled benchmarks (JMH {@code -prof jfr}): for each, the
 * methods most often on top of the sampled stacks (self) and most often anywhere on them (total).
 */
final class ProfileSummary {

    private static final int TOP = 8;
    private static final List<String> HARNESS = List.of("org.openjdk.jmh.", "ai.cleveragents.events.benchmarks.",
            "jdk.internal.reflect.", "java.lang.reflect.", "java.lang.Thread", "java.util.concurrent.ThreadPoolExecutor",
            "java.util.concurrent.FutureTask", "java.util.concurrent.Executors", "jdk.jfr.", "jdk.internal.event.");

    private ProfileSummary() {
    }

    /**
     * @param dir where JMH wrote its {@code .jfr} files (searched recursively); may be missing
     * @return the Markdown section, empty if there are no recordings
     * @throws IOException if a recording cannot be read
     */
    static String render(Path dir) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return "";
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".jfr")).sorted().toList();
        }
        if (files.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("### JFR profiles\n\nExecution samples of the benchmark JVM "
                + "(JMH `-prof jfr`), the benchmark thread and any delivery threads together. *self*: the "
                + "method on top of the stack; *total*: the method anywhere on it (JMH, reflection and "
                + "thread-pool frames left out).\n\n");
        for (Path f : files) {
            sb.append(summarise(f, dir.relativize(f).getName(0).toString()));
        }
        return sb.toString();
    }

    private static String summarise(Path file, String label) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        int slowWrites = 0;
        Duration slowWriteTime = Duration.ZERO;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().equals("jdk.FileWrite")) {
                slowWrites++;
                slowWriteTime = slowWriteTime.plus(e.getDuration());
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || stack == null
                    || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : stack.getFrames()) {
                String n = name(f);
                if (!isHarness(f) && seen.add(n)) {
                    total.merge(n, 1, Integer::sum);
                }
            }
        }
        MarkdownTable t = new MarkdownTable("self", "%", "total (on stack)", "%");
        List<Map.Entry<String, Integer>> s = top(self);
        List<Map.Entry<String, Integer>> a = top(total);
        for (int i = 0; i < Math.max(s.size(), a.size()); i++) {
            t.row(i < s.size() ? "`" + s.get(i).getKey() + "`" : "", i < s.size() ? pct(s.get(i).getValue(), samples) : "",
                    i < a.size() ? "`" + a.get(i).getKey() + "`" : "", i < a.size() ? pct(a.get(i).getValue(), samples) : "");
        }
        String io = slowWrites == 0 ? ""
                : slowWrites + " file writes took over 20 ms each (JFR `jdk.FileWrite`), " + slowWriteTime.toMillis()
                        + " ms in total: time the writing thread spent blocked, which execution samples do not show.\n\n";
        return "#### " + label + " (" + samples + " samples)\n\n" + t + "\n" + io;
    }

    /** @return whether a frame belongs to JMH, reflection or thread-pool plumbing around every sample */
    private static boolean isHarness(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        for (String prefix : HARNESS) {
            if (type.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(TOP).toList();
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }

    private static String pct(int n, int of) {
        return String.format(Locale.ROOT, "%.1f", 100.0 * n / of);
    }
}
