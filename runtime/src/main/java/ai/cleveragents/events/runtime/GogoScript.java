package ai.cleveragents.events.runtime;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Runs Gogo commands non-interactively, one after the other in one session, through the framework's {@code CommandProcessor} service and
 * reports like the interactive console does: the formatted result on {@code out}, or one line
 * {@code gogo: <Exception>: <message>} on {@code err}. The Gogo API lives inside the framework, so it
 * is called reflectively rather than shared through the system bundle.
 */
final class GogoScript {

    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";
    private static final int INSPECT = 0;

    private GogoScript() {
    }

    /**
     * @return 0 when every command succeeded, 1 when one threw (the later ones do not run), 3 when no
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
        Object session = null;
        Method close = null;
        try {
            Class<?> processorType = gogo.loadClass(PROCESSOR);
            Class<?> sessionType = gogo.loadClass(SESSION);
            close = sessionType.getMethod("close");
            session = processorType.getMethod("createSession", InputStream.class, OutputStream.class,
                    OutputStream.class).invoke(processor, in, out, err);
            Method execute = sessionType.getMethod("execute", CharSequence.class);
            Method format = sessionType.getMethod("format", Object.class, int.class);
            for (String command : commands) {
                Object result = execute.invoke(session, command);
                if (result != null) {
                    out.println(format.invoke(session, result, INSPECT));
                }
                out.flush();
            }
            return 0;
        } catch (InvocationTargetException e) {
            out.flush();
            err.println(failureLine(e.getCause()));
            return 1;
        } catch (ReflectiveOperationException e) {
            err.println("gogo: cannot call the command processor: " + FrameworkLog.rootCause(e));
            return 3;
        } finally {
            closeQuietly(session, close);
        }
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
        return "gogo: " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
