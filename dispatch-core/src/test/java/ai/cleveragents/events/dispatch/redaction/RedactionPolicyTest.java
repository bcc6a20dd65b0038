package ai.cleveragents.events.dispatch.redaction;

import static ai.cleveragents.events.dispatch.redaction.DetailRedactor.MASK;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import org.junit.Test;

/**
 * Parsing the {@value RedactionPolicy#PID} properties, as Config Admin hands them over (typed from
 * metatype-aware tools, strings from a FileInstall {@code .cfg}).
 */
public class RedactionPolicyTest {

    @Test
    public void noConfigurationOrNoPropertiesMeanTheDefaults() {
        assertSame(DetailRedactor.defaults(), RedactionPolicy.redactor(null));
        DetailRedactor empty = RedactionPolicy.redactor(Map.of());
        assertTrue(empty.isSensitive("passphrase"));
        assertEquals(EnumSet.allOf(ValueDetector.class), empty.detectors());
    }

    @Test
    public void keyPatternAndDetectorsComeFromTypedOrStringValues() {
        Map<String, Object> props = new HashMap<>();
        props.put(RedactionPolicy.KEY_PATTERN, "^ssn$");
        props.put("detect.jwt", Boolean.FALSE);
        props.put("detect.bearer", " FALSE ");
        props.put("detect.url.credentials", "true");
        DetailRedactor redactor = RedactionPolicy.redactor(props);
        assertTrue(redactor.isSensitive("SSN"));
        assertFalse(redactor.isSensitive("password"));
        assertEquals(EnumSet.of(ValueDetector.URL_CREDENTIALS, ValueDetector.PEM_PRIVATE_KEY, ValueDetector.JSON_STRINGS),
                redactor.detectors());
        assertEquals("{\"ssn\":\"" + MASK + "\"}", redactor.redactText("{\"ssn\":\"123\"}"));
    }

    @Test
    public void emptyKeyPatternLeavesTheDetectorsOn() {
        DetailRedactor redactor = RedactionPolicy.redactor(Map.of(RedactionPolicy.KEY_PATTERN, ""));
        assertFalse(redactor.isSensitive("password"));
        assertTrue(redactor.isEnabled());
    }

    @Test
    public void invalidValuesNameThePropertyAndWhatIsAllowed() {
        IllegalArgumentException pattern = assertThrows(IllegalArgumentException.class,
                () -> RedactionPolicy.redactor(Map.of(RedactionPolicy.KEY_PATTERN, "pass(word\u001b")));
        assertEquals("key.pattern: invalid regular expression 'pass(word\\u001b': Unclosed group at index 10",
                pattern.getMessage());
        IllegalArgumentException flag = assertThrows(IllegalArgumentException.class,
                () -> RedactionPolicy.redactor(Map.of("detect.pem.private.key", "yes")));
        assertEquals("detect.pem.private.key: expected true or false, got 'yes'", flag.getMessage());
    }
}
