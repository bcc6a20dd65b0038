package ai.cleveragents.events.dispatch.redaction;

import static ai.cleveragents.events.dispatch.redaction.DetailRedactor.MASK;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

import org.junit.Test;

public class DetailRedactorTest {

    private final DetailRedactor defaults = DetailRedactor.compile(DetailRedactor.DEFAULT_PATTERN);

    @Test
    public void defaultPatternCoversEverySpelling() {
        for (String key : List.of("password", "db_password", "Passwd", "client_secret", "SECRET", "token",
                "access_token", "refreshToken", "api_key", "apikey", "api-key", "apiKey", "API_KEY",
                "Authorization", "credential", "credentials", "Cookie", "set-cookie", "private_key",
                "privateKey", "private-key", "privatekey", "pwd", "pass", "db_pass", "passphrase", "bearer",
                "auth", "x-auth-header", "ssh_key", "sessionid", "sessionId", "session_key", "signature", "otp",
                "pin", "userPin", "dsn", "connection_string", "connectionString", "key", "pässword",
                "\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44")) {
            assertTrue(key, defaults.isSensitive(key));
        }
    }

    @Test
    public void defaultPatternKeepsOrdinaryKeysAndTokenCounts() {
        for (String key : List.of("question", "rationale", "host", "tokens", "max_tokens", "tokens_used",
                "api", "private", "author", "prompt_tokens", "completion_tokens", "total_tokens",
                "token_count", "tokenizer", "monkey", "keys", "passenger", "bypass", "spinner", "ping", "oauthor",
                "session", "compass")) {
            assertFalse(key, defaults.isSensitive(key));
        }
    }

    @Test
    public void masksAtDepthThreeInMapsAndListsWithoutChangingTheInput() {
        Map<String, Object> details = DomainEvent.builder(EventType.TOOL_INVOKED)
                .detail("tool", "http")
                .detail("request", Map.of("headers", Map.of("Authorization", "Bearer abc", "accept", "json")))
                .detail("steps", List.of(Map.of("password", "hunter2", "user", "bob"), "plain"))
                .build().details();

        Map<String, Object> redacted = defaults.redact(details);

        assertEquals(Map.of("tool", "http",
                "request", Map.of("headers", Map.of("Authorization", MASK, "accept", "json")),
                "steps", List.of(Map.of("password", MASK, "user", "bob"), "plain")), redacted);
        assertEquals("Bearer abc", ((Map<?, ?>) ((Map<?, ?>) details.get("request")).get("headers")).get("Authorization"));
    }

    @Test
    public void masksASensitiveContainerAsAWhole() {
        assertEquals(Map.of("credentials", MASK),
                defaults.redact(Map.of("credentials", Map.of("user", "bob", "pin", 1234))));
        assertEquals(MASK, defaults.redact("tokens_secret", List.of("a", "b")));
    }

    @Test
    public void returnsTheInputItselfWhenNothingIsSensitive() {
        Map<String, Object> details = Map.of("a", Map.of("b", List.of(Map.of("c", 1))));
        assertSame(details, defaults.redact(details));
        List<Object> list = List.of(1, "x");
        assertSame(list, defaults.redact("items", list));
    }

    @Test
    public void blankOrNullPatternTurnsRedactionOff() {
        for (String off : new String[] {"", "  ", null}) {
            DetailRedactor redactor = DetailRedactor.compile(off);
            assertFalse(redactor.isEnabled());
            assertFalse(redactor.isSensitive("password"));
            Map<String, Object> details = Map.of("password", "hunter2", "nested", Map.of("token", "t"));
            assertSame(details, redactor.redact(details));
        }
        assertTrue(defaults.isEnabled());
    }

    @Test
    public void customPatternReplacesTheDefault() {
        DetailRedactor ssn = DetailRedactor.compile("^ssn$");
        assertTrue(ssn.isSensitive("SSN"));
        assertFalse(ssn.isSensitive("password"));
        assertFalse(ssn.isSensitive("ssn_hint"));
    }

    @Test
    public void invalidPatternIsRefused() {
        PatternSyntaxException e = assertThrows(PatternSyntaxException.class, () -> DetailRedactor.compile("pass(word"));
        assertEquals("pass(word", e.getPattern());
    }
}
