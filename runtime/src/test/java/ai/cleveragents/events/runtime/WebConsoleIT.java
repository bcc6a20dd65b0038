package ai.cleveragents.events.runtime;

import static ai.cleveragents.events.runtime.DistributionIT.freshCopy;
import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * Issue 21 in a real browser: headless Chromium (Selenium) on the built distribution's web console, the
 * events emitted through the runtime's console ({@code events:emit}, the Java API behind it). One
 * runtime and one browser for the whole class; the methods run in name order, the bus swap last.
 * Screenshots go to {@code target/screenshots/}; the responsiveness numbers to
 * {@code target/web-console-responsiveness.txt}.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class WebConsoleIT {

    private static final Pattern EMITTED = Pattern.compile("emitted \\S+ ([0-9A-Z]{26}) on");
    private static final Pattern ULID = Pattern.compile("\\b([0-9A-HJKMNP-TV-Z]{26})\\b");

    private static ChildRuntime runtime;
    private static Browser browser;
    private static String base;
    private static final List<String> TOOL_EVENTS = new ArrayList<>();

    @BeforeClass
    public static void start() throws Exception {
        Path home = freshCopy("it-web");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.writeString(home.resolve("conf/ai.cleveragents.events.console.web.cfg"), "port=" + port + "\n");
        runtime = ChildRuntime.launch(home, "--timing");
        runtime.awaitStderr(ChildRuntime.ALL_ACTIVE);
        base = runtime.awaitStderr(Pattern.compile("web console at (http://127\\.0\\.0\\.1:" + port + "/console/)")).group(1);
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(ChildRuntime.TIMEOUT).ignoreExceptions().until(() -> http.send(HttpRequest.newBuilder(
                URI.create(base + "api/buses")).build(), HttpResponse.BodyHandlers.ofString()).body().contains("\"bound\":true"));
        browser = new Browser();
    }

    @AfterClass
    public static void stop() throws IOException {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (runtime != null) {
                runtime.close();
            }
        }
    }

    private static String emit(String arguments) {
        String out = runtime.command("events:emit " + arguments);
        Matcher m = EMITTED.matcher(out);
        assertTrue(out, m.find());
        return m.group(1);
    }

    private static List<String> rowIds() {
        List<String> ids = new ArrayList<>();
        for (WebElement row : browser.driver.findElements(By.cssSelector("#rows tr.event-row"))) {
            ids.add(row.getAttribute("data-id"));
        }
        return ids;
    }

    private static void openLive(String query) {
        browser.driver.get(base + "events.html" + query);
        browser.await(d -> d.findElement(By.id("status")).getText().startsWith("live"));
    }

    @Test
    public void a_liveEventsAppearInOrderWithTheFilterApplied() throws Exception {
        openLive("?types=tool.*");
        emit("plan.created --plan filtered-out");
        TOOL_EVENTS.add(emit("tool.invoked n=1 tool=ls"));
        TOOL_EVENTS.add(emit("tool.completed n=2 tool=ls"));
        TOOL_EVENTS.add(emit("tool.failed n=3 tool=rm"));
        browser.await(d -> rowIds().size() >= 3);
        assertEquals(TOOL_EVENTS, rowIds());
        for (WebElement type : browser.driver.findElements(By.cssSelector("#rows tr.event-row td:nth-child(2)"))) {
            assertTrue(type.getText(), type.getText().startsWith("tool."));
        }
        browser.screenshot("live-events");
    }

    @Test
    public void b_aReloadLosesNothing() {
        TOOL_EVENTS.add(emit("tool.invoked n=4 tool=cat"));
        browser.driver.navigate().refresh();
        TOOL_EVENTS.add(emit("tool.completed n=5 tool=cat"));
        browser.await(d -> rowIds().size() >= TOOL_EVENTS.size());
        assertEquals(TOOL_EVENTS, rowIds());
    }

    @Test
    public void c_scriptAndAnsiInDetailsRenderInert() throws Exception {
        String id = emit("tool.failed 'note=\"<script>window.pwned=1</script><img src=x onerror=window.pwned=2>"
                + " \\u001b[31mred\\u001b[0m \\u202eevil\"' password=hunter2");
        browser.await(d -> rowIds().contains(id));
        WebElement row = browser.driver.findElement(By.cssSelector("#rows tr[data-id='" + id + "']"));
        String details = row.findElement(By.cssSelector("td.details")).getText();
        assertTrue(details, details.contains("<script>window.pwned=1</script><img src=x"));
        assertTrue(details, details.contains("u001b[31mred") && details.contains("u202eevil"));
        assertFalse(details, details.contains("\u001b") || details.contains("\u202e") || details.contains("hunter2"));
        assertTrue(browser.driver.findElements(By.cssSelector("#rows script, #rows img, #detail *")).isEmpty());
        row.click();
        assertTrue(browser.driver.findElement(By.id("detail")).getText().contains("\"password\": \"***\""));
        assertEquals(Boolean.TRUE, browser.driver.executeScript("return window.pwned === undefined"));
        browser.screenshot("live-events-inert");
    }

    @Test
    public void d_plansDecisionsAndTheJournalPages() throws Exception {
        Matcher plan = ULID.matcher(runtime.command("plan:create deploy --project demo --session s-1 --actor ops"));
        assertTrue(plan.find());
        String planId = plan.group(1);
        runtime.command("decision:record " + planId + " model 'which model?' small --rationale cheaper");
        runtime.command("plan:execute " + planId);
        browser.driver.get(base + "plans.html?plan=" + planId);
        browser.await(d -> d.findElements(By.cssSelector("#timeline li")).size() >= 6);
        String timeline = browser.driver.findElement(By.id("timeline")).getText();
        assertTrue(timeline, timeline.contains("created → planning") && timeline.contains("plan.completed"));
        assertTrue(browser.driver.findElement(By.id("decision-rows")).getText().contains("which model?"));
        browser.screenshot("plans");
        browser.driver.get(base + "journal.html");
        browser.driver.findElement(By.name("types")).sendKeys("plan.*");
        browser.driver.findElement(By.id("find")).click();
        browser.await(d -> d.findElements(By.cssSelector("#rows tr.journal-row")).size() >= 6);
        browser.driver.findElement(By.id("verify")).click();
        browser.await(d -> d.findElement(By.id("report")).getText().startsWith("journal OK"));
        assertTrue(browser.driver.findElement(By.id("download")).getAttribute("href").endsWith("download?types=plan.*"));
        browser.screenshot("journal");
    }

    @Test
    public void e_thePageStaysResponsiveAtTenThousandEventsPerSecond() throws Exception {
        String events = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.TAB).get(base + "buses.html");
        browser.await(d -> d.findElements(By.cssSelector("tr.bus-row")).size() >= 2);
        browser.driver.switchTo().window(events);
        openLive("");
        browser.driver.executeScript("window.gaps = []; let last = performance.now();"
                + " (function frame(t) { window.gaps.push(t - last); last = t; if (!window.stopFrames) requestAnimationFrame(frame); })(last);");
        int count = 60_000;
        long before = received();
        long start = System.nanoTime();
        runtime.send("events:emit tool.invoked --count " + count + " tool=flood");
        WebElement pause = browser.driver.findElement(By.id("pause"));
        browser.await(d -> received() > before + 1000);
        long click = System.nanoTime();
        pause.click();
        browser.await(d -> pause.getText().equals("Resume"));
        long clickMs = (System.nanoTime() - click) / 1_000_000;
        pause.click();
        browser.await(d -> received() >= before + count);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        browser.driver.executeScript("window.stopFrames = true;");
        @SuppressWarnings("unchecked")
        List<Number> gaps = (List<Number>) browser.driver.executeScript("return window.gaps.slice(1);");
        double maxGap = gaps.stream().mapToDouble(Number::doubleValue).max().orElse(0);
        double[] sorted = gaps.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        double p95 = sorted.length == 0 ? 0 : sorted[(int) (sorted.length * 0.95)];
        int rows = rowIds().size();
        String report = String.format("web console responsiveness: %d events emitted and received in %d ms (%.0f events/s),"
                + " %d frames, frame gap p95 %.0f ms, max %.0f ms; Pause click answered in %d ms during the stream;"
                + " rows in the page %d (buffer 1000); load average %s%n", count, elapsedMs, count * 1000.0 / elapsedMs,
                gaps.size(), p95, maxGap, clickMs, rows, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        Files.writeString(Path.of("target/web-console-responsiveness.txt"), report);
        System.out.print(report);
        assertTrue(report, rows <= 1000);
        assertTrue(report, clickMs < 30_000 && maxGap < 10_000);
        browser.screenshot("live-events-flood");
        browser.driver.switchTo().window(browser.driver.getWindowHandles().stream().filter(h -> !h.equals(events))
                .findFirst().orElseThrow());
        browser.screenshot("buses");
        browser.driver.switchTo().window(events);
    }

    private static long received() {
        Matcher m = Pattern.compile("; (\\d+) received").matcher(browser.driver.findElement(By.id("status")).getText());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @Test
    public void f_theBusPageShowsTheSwapWhenTheReactiveBusStops() throws Exception {
        browser.driver.get(base + "buses.html");
        browser.await(d -> !d.findElements(By.cssSelector("tr.bus-row[data-bound='true'][data-name='reactive']")).isEmpty());
        Matcher id = Pattern.compile("(?m)^\\s*(\\d+)\\|Active.*\\|ai\\.cleveragents\\.events\\.bus\\.reactive\\b")
                .matcher(runtime.command("lb -s"));
        assertTrue(id.find());
        runtime.command("stop " + id.group(1));
        browser.await(d -> !d.findElements(By.cssSelector("tr.bus-row[data-bound='true'][data-name='logging']")).isEmpty());
        assertTrue(browser.driver.findElements(By.cssSelector("tr.bus-row[data-name='reactive']")).isEmpty());
        browser.screenshot("buses-after-swap");
    }
}
