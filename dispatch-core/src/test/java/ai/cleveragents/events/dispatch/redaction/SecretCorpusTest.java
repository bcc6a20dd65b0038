package ai.cleveragents.events.dispatch.redaction;

import static ai.cleveragents.events.dispatch.redaction.DetailRedactor.MASK;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

import org.junit.Test;

/**
 * The value detectors and the secret carriers of issue 16: every secret of the corpus disappears from
 * the redacted event, every control value stays.
 */
public class SecretCorpusTest {

    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IiLCJpYXQiOjE1MTYyMzkwMjJ9.c2lnbmF0dXJlLXNlY3JldA";
    static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpQIBAAKCAQEAsecretpemmaterial\n-----END RSA PRIVATE KEY-----";

    private final DetailRedactor defaults = DetailRedactor.defaults();

    @Test
    public void jwtUnderAHarmlessKeyIsMasked() {
        assertEquals("session " + MASK + " ok", defaults.redactText("session " + JWT + " ok"));
    }

    @Test
    public void bearerAndBasicCredentialsAreMaskedTheSchemeStays() {
        assertEquals("header Bearer " + MASK, defaults.redactText("header Bearer abcdef123456"));
        assertEquals("Basic " + MASK, defaults.redactText("Basic Ym9iOmh1bnRlcjI="));
        assertEquals("bearer of news", defaults.redactText("bearer of news"));
    }

    @Test
    public void urlPasswordIsMaskedTheUserAndHostStay() {
        assertEquals("postgres://bob:" + MASK + "@db.example:5432/app",
                defaults.redactText("postgres://bob:hunter2@db.example:5432/app"));
        assertEquals("see https://bob:" + MASK + "@h/x", defaults.redactText("see https://bob:p@ss@h/x"));
        assertEquals("https://example.com/a:b", defaults.redactText("https://example.com/a:b"));
    }

    @Test
    public void pemPrivateKeyBlocksAreMaskedEvenTruncated() {
        String masked = defaults.redactText("key:\n" + PEM + "\nend");
        assertFalse(masked, masked.contains("secretpemmaterial"));
        assertTrue(masked, masked.endsWith("-----END RSA PRIVATE KEY-----\nend"));
        String truncated = defaults.redactText("-----BEGIN PRIVATE KEY-----\nMIIsecretpem");
        assertFalse(truncated, truncated.contains("secretpem"));
        String publicKey = "-----BEGIN PUBLIC KEY-----\nMIIpublic\n-----END PUBLIC KEY-----";
        assertSame(publicKey, defaults.redactText(publicKey));
    }

    @Test
    public void sensitiveKeysInsideJsonStringsAreMasked() {
        String json = "{\"user\":\"bob\",\"nested\":[{\"password\":\"hunter2\"}],\"n\":1.5,\"i\":2,\"b\":true,\"z\":null}";
        assertEquals("{\"user\":\"bob\",\"nested\":[{\"password\":\"***\"}],\"n\":1.5,\"i\":2,\"b\":true,\"z\":null}",
                defaults.redactText(json));
        String plain = "[1, {\"user\": \"bob\"}]";
        assertSame(plain, defaults.redactText(plain));
        for (String notJson : List.of("{not json}", "{\"a\":1} trailing", "[", "{\"a\":1}{\"b\":2}")) {
            assertSame(notJson, defaults.redactText(notJson));
        }
    }

    @Test
    public void everyCarrierOfTheCorpusIsMaskedInAWholeEvent() {
        DomainEvent event = DomainEvent.builder(EventType.TOOL_INVOKED)
                .sessionId(JWT).actorName("Bearer abcdef123456").planId("plan-visible")
                .detail("password", "s1-hunter2")
                .detail("nested", Map.of("deeper", Map.of("api_key", "s2-apikey")))
                .detail("steps", List.of(Map.of("otp", "s3-otp"), "visible-step"))
                .detail("body", "{\"client_secret\":\"s4-json\",\"count\":3}")
                .detail("url", "https://bob:s5-urlpass@host/x")
                .detail("pem", PEM)
                .detail("prompt_tokens", 42)
                .build();

        DomainEvent redacted = defaults.redact(event);

        String text = redacted.toString();
        for (String secret : List.of("s1-hunter2", "s2-apikey", "s3-otp", "s4-json", "s5-urlpass", "secretpemmaterial",
                JWT, "abcdef123456")) {
            assertFalse(secret, text.contains(secret));
        }
        for (String visible : List.of("plan-visible", "visible-step", "prompt_tokens=42", "count", "bob")) {
            assertTrue(visible, text.contains(visible));
        }
        assertEquals(event.eventId(), redacted.eventId());
        assertEquals(event.timestamp(), redacted.timestamp());
    }

    @Test
    public void anEventWithoutSecretsIsReturnedAsIs() {
        DomainEvent event = DomainEvent.builder(EventType.PLAN_CREATED).planId("p-1").detail("goal", "ship").build();
        assertSame(event, defaults.redact(event));
    }

    @Test
    public void detectorsCanBeSwitchedOffOneByOne() {
        DetailRedactor noJwt = DetailRedactor.of(DetailRedactor.DEFAULT_PATTERN,
                EnumSet.complementOf(EnumSet.of(ValueDetector.JWT)));
        assertEquals(JWT, noJwt.redactText(JWT));
        assertEquals("Bearer " + MASK, noJwt.redactText("Bearer abcdef123456"));
        DetailRedactor keysOnly = DetailRedactor.of(DetailRedactor.DEFAULT_PATTERN, Set.of());
        assertTrue(keysOnly.isEnabled());
        assertEquals("Bearer abcdef123456", keysOnly.redactText("Bearer abcdef123456"));
        assertEquals(Map.of("token", MASK), keysOnly.redact(Map.of("token", "t")));
        DetailRedactor detectorsOnly = DetailRedactor.of("", EnumSet.of(ValueDetector.JSON_STRINGS));
        assertFalse(detectorsOnly.isSensitive("password"));
        assertEquals("{\"a\":1}", detectorsOnly.redactText("{\"a\":1}"));
        assertFalse(DetailRedactor.of(null, Set.of()).isEnabled());
        assertEquals(EnumSet.allOf(ValueDetector.class), DetailRedactor.defaults().detectors());
    }
}
