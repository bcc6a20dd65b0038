package ai.cleveragents.events.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.apache.felix.service.command.Converter;
import org.junit.Test;

/** A created plan or decision shows its id when inspected (its command printed the table), its table inside a line and as a String. */
public class CreatedConverterTest {

    private final CreatedConverter converter = new CreatedConverter();
    private final Created created = new Created("p-1", "the plan", "FIELD  VALUE\nplan   p-1");

    @Test
    public void createdObjectsShowTheirIdWhenInspectedAndTheirTableInALine() {
        assertEquals("p-1", converter.format(created, Converter.INSPECT, converter));
        for (int level : new int[] {Converter.LINE, Converter.PART}) {
            assertEquals("FIELD  VALUE\nplan   p-1", converter.format(created, level, converter));
        }
        assertEquals("p-1", created.id());
        assertEquals("the plan", created.value());
    }

    @Test
    public void otherObjectsAreLeftToGogo() {
        assertNull(converter.format("text", Converter.INSPECT, converter));
        assertNull(converter.convert(String.class, "text"));
        assertNull(converter.convert(Integer.class, created));
        assertEquals(created.toString(), converter.convert(String.class, created));
    }
}
