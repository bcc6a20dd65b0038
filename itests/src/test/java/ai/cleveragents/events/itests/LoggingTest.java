package ai.cleveragents.events.itests;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.LoggerFactory;

/** SLF4J inside the framework is bound to Logback through SPI Fly, not stuck on the NOP fallback. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LoggingTest extends OsgiTestSupport {

    @Configuration
    public Option[] config() {
        return new Option[] {logging(), frameworkServices(), apiBundle()};
    }

    @Test
    public void slf4jIsBoundToLogback() {
        Object factory = LoggerFactory.getILoggerFactory();
        Bundle provider = FrameworkUtil.getBundle(factory.getClass());
        assertEquals("ch.qos.logback.classic", provider.getSymbolicName());
    }
}
