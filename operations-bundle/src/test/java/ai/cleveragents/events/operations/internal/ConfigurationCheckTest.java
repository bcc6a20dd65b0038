package ai.cleveragents.events.operations.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.osgi.service.metatype.AttributeDefinition;

import ai.cleveragents.events.operations.internal.ConfigurationCheck.Rule;

public class ConfigurationCheckTest {

    private static final List<Rule> RULES = List.of(
            new Rule("service.ranking", AttributeDefinition.INTEGER, List.of()),
            new Rule("journal.durability", AttributeDefinition.STRING, List.of("none", "group", "always")),
            new Rule("journal.enabled", AttributeDefinition.BOOLEAN, List.of()),
            new Rule("close.timeout.ms", AttributeDefinition.LONG, List.of()),
            new Rule("name", AttributeDefinition.STRING, List.of()));

    @Test
    public void aValidConfigurationHasNoProblems() {
        assertEquals(List.of(), ConfigurationCheck.problems(Map.of("service.ranking", " 150", "journal.durability", "always",
                "journal.enabled", "TRUE", "close.timeout.ms", 5000L, "name", "x", "service.pid", "p",
                "felix.fileinstall.filename", "file:/x.cfg", ".private", "y"), RULES));
    }

    @Test
    public void eachProblemNamesThePropertyTheValueAndWhatIsAllowed() {
        assertEquals(List.of(
                "journal.durability=sometimes is not valid; allowed: none, group, always",
                "journal.durabilty: unknown property; allowed: close.timeout.ms, journal.durability, journal.enabled, name, service.ranking",
                "journal.enabled=ture is not valid; allowed: true, false",
                "service.ranking=abc is not valid; allowed: a whole number from -2147483648 to 2147483647 (Integer)"),
                ConfigurationCheck.problems(Map.of("service.ranking", "abc", "journal.durability", "sometimes",
                        "journal.enabled", "ture", "journal.durabilty", "always"), RULES));
    }

    @Test
    public void everyElementOfAListOrArrayIsChecked() {
        assertEquals(List.of("close.timeout.ms=x is not valid; allowed: a whole number (Long)",
                "service.ranking=9999999999 is not valid; allowed: a whole number from -2147483648 to 2147483647 (Integer)"),
                ConfigurationCheck.problems(Map.of("close.timeout.ms", new String[] {"1", "x"},
                        "service.ranking", List.of("1", "9999999999")), RULES));
    }

    @Test
    public void everyTypeParsesItsValues() {
        assertAccepts(AttributeDefinition.SHORT, "32767", "32768", "a whole number from -32768 to 32767 (Short)");
        assertAccepts(AttributeDefinition.BYTE, "-128", "200", "a whole number from -128 to 127 (Byte)");
        assertAccepts(AttributeDefinition.DOUBLE, "1.5e3", "1,5", "a number");
        assertAccepts(AttributeDefinition.FLOAT, "2", "two", "a number");
        assertAccepts(AttributeDefinition.CHARACTER, "c", "cc", "one character");
        assertEquals("any text", new Rule("p", AttributeDefinition.PASSWORD, List.of()).allowed());
        assertEquals(true, new Rule("p", AttributeDefinition.PASSWORD, List.of()).accepts("anything"));
    }

    private static void assertAccepts(int type, String good, String bad, String allowed) {
        Rule rule = new Rule("p", type, List.of());
        assertEquals(true, rule.accepts(good));
        assertEquals(false, rule.accepts(bad));
        assertEquals(allowed, rule.allowed());
    }

    @Test
    public void aRuleComesFromItsAttributeDefinition() {
        AttributeDefinition ad = StandIn.of(AttributeDefinition.class, Map.of("getID", a -> "journal.durability",
                "getType", a -> AttributeDefinition.STRING, "getOptionValues", a -> new String[] {"none", "group"}));
        assertEquals(new Rule("journal.durability", AttributeDefinition.STRING, List.of("none", "group")), Rule.of(ad));
        AttributeDefinition free = StandIn.of(AttributeDefinition.class, Map.of("getID", a -> "n",
                "getType", a -> AttributeDefinition.LONG, "getOptionValues", a -> null));
        assertEquals(new Rule("n", AttributeDefinition.LONG, List.of()), Rule.of(free));
    }
}
