package ai.cleveragents.events.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class TableTest {

    @Test
    public void columnsAlignWithoutTrailingSpaces() {
        Table table = new Table("NAME", "N", "LAST").row("reactive", 100, "x").row("log", 7, "");
        assertEquals(2, table.size());
        assertEquals("NAME      N    LAST\n"
                + "reactive  100  x\n"
                + "log       7\n", table.render());
    }

    @Test
    public void rowsMustFillEveryColumn() {
        assertThrows(IllegalArgumentException.class, () -> new Table("A", "B").row("only one"));
    }
}
