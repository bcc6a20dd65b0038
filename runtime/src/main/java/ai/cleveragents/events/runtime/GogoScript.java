package ai.cleveragents.events.runtime;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Runs Gogo commands non-interactively, one after the other in one session, through the framework's {@code CommandProcessor} service and
 * reports like the interactive console does: the formatted result on {@code out}, or one line
 * {@code gogo: <Exception>: <message>} on {@code err}. A command fails when it throws, when its result
 * is an exception, or when it printed a line starting with an exception's class name (see
 * {@link ReportedFailures}); the commands after a failed one do not run. The Gogo API lives inside the framework, so it
 * is called reflectively rather than shared through the system bundle.
 */
final class GogoScript {

    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";
    private static final int INSPECT = 0;

    private GogoScript() {
    }

    /**
     * @return 0 when every command succeeded, 1 when one failed (the later ones do not run), 3 when no
     *         command processor appeared
     * @throws InterruptedException if interrupted while waiting for the command processor
     */
    static int run(BundleContext context, List<String> commands, InputStream in, PrintStream out, PrintStream err,
            Duration timeout) throws InterruptedException {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, PROCESSOR, null);
        tracker.open(true);
        try {
            Object processor = tracker.waitForService(timeout.toMillis());
            if (processor == null) {
                err.println("gogo: no command processor after " + timeout.toMillis() + " ms");
                return 3;
            }
            return execute(tracker.getServiceReference().getBundle(), processor, commands, in, out, err);
        } finally {
            tracker.close();
        }
    }

    private static int execute(Bundle gogo, Object processor, List<String> commands, InputStream in, PrintStream out,
            PrintStream err) {
        ReportedFailures watchedOut = new ReportedFailures(out);
        ReportedFailures watchedErr = new ReportedFailures(err);
        PrintStream sessionOut = new PrintStream(watchedOut, true, StandardCharsets.UTF_8);
        PrintStream sessionErr = new PrintStream(watchedErr, true, StandardCharsets.UTF_8);
        Object session = null;
        Method close = null;
        try {
            Class<?> sessionType = gogo.loadClass(SESSION);
            close = sessionType.getMethod("close");
            session = gogo.loadClass(PROCESSOR).getMethod("createSession", InputStream.class, OutputStream.class,
                    OutputStream.class).invoke(processor, in, sessionOut, sessionErr);
            return runEach(session, sessionType, commands, sessionOut, watchedOut, watchedErr);
        } catch (InvocationTargetException e) {
            err.println(failureLine(e.getCause()));
            return 1;
        } catch (ReflectiveOperationException e) {
            err.println("gogo: cannot call the command processor: " + FrameworkLog.rootCause(e));
            return 3;
        } finally {
            closeQuietly(session, close);
        }
    }

    private static int runEach(Object session, Class<?> sessionType, List<String> commands, PrintStream out,
            ReportedFailures... watches) throws ReflectiveOperationException {
        Method execute = sessionType.getMethod("execute", CharSequence.class);
        Method format = sessionType.getMethod("format", Object.class, int.class);
        for (String command : commands) {
            Object result = execute.invoke(session, command);
            if (result instanceof Throwable failure) {
                throw new InvocationTargetException(failure);
            }
            if (result != null) {
                out.println(format.invoke(session, result, INSPECT));
            }
            for (ReportedFailures watch : watches) {
                if (watch.failure() != null) {
                    return 1;
                }
            }
        }
        return 0;
    }

    private static void closeQuietly(Object session, Method close) {
        if (session != null) {
            try {
                close.invoke(session);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot close the Gogo session", e);
            }
        }
    }

    /**
     * @param failure what a command threw
     * @return the console's one-line report of it
     */
    static String failureLine(Throwable failure) {
        Throwable shown = failure;
        while (shown instanceof InvocationTargetException && shown.getCause() != null) {
            shown = shown.getCause();
        }
        return "gogo: " + shown.getClass().getSimpleName() + ": " + shown.getMessage();
    }
}
