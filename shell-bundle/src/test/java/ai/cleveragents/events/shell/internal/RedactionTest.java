package ai.cleveragents.events.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

public class RedactionTest {

    @Test
    public void defaultKeysAreSensitiveInAnyCase() {
        for (String key : List.of("password", "DB_PASSWORD", "clientSecret", "access_token", "api_key", "apiKey",
                "api-key", "Authorization", "credentials", "session_cookie", "passwd", "private_key")) {
            assertTrue(key, Redaction.isSensitive(key));
        }
        assertFalse(Redaction.isSensitive("plan"));
        assertFalse(Redaction.isSensitive("apple"));
        assertFalse(Redaction.isSensitive("max_tokens"));
    }

    @Test
    public void masksNestedMapsAndLists() {
        Map<String, Object> details = Map.of("user", "ann", "password", "p",
                "nested", Map.of("token", "t", "ok", 1),
                "list", List.of(Map.of("secret", "s"), "plain"));
        assertEquals(Map.of("user", "ann", "password", "***",
                "nested", Map.of("token", "***", "ok", 1),
                "list", List.of(Map.of("secret", "***"), "plain")), Redaction.redact(details));
    }
}
