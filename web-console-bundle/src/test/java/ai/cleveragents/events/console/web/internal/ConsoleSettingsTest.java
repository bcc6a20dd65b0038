package ai.cleveragents.events.console.web.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.Test;

/** The configuration checks and the auth rules. */
public class ConsoleSettingsTest {

    private static String refusal(Map<String, Object> values) {
        return assertThrows(IllegalArgumentException.class, () -> ConsoleSettings.of(TestConfigs.config(values))).getMessage();
    }

    @Test
    public void theDefaultsServeLoopbackReadOnlyWithoutAuth() {
        ConsoleSettings s = ConsoleSettings.of(TestConfigs.config(Map.of()));
        assertEquals("127.0.0.1", s.bindAddress());
        assertEquals(8181, s.port());
        assertTrue(s.auth().isNone());
        assertFalse(s.emitEnabled());
        assertTrue(s.configureHttp());
        assertEquals(1000, s.pageBufferSize());
        assertEquals(10000, s.searchLimit());
        assertEquals("http://127.0.0.1:8181/console/", s.url());
        assertEquals("http://[::1]:9000/console/", ConsoleSettings.of(TestConfigs.config(
                Map.of("bind_address", "::1", "port", 9000))).url());
        assertEquals("none", s.auth().toString());
    }

    @Test
    public void aNonLoopbackAddressWithoutAuthIsRefusedInOneLineNamingTheProperty() {
        String message = refusal(Map.of("bind_address", "0.0.0.0"));
        assertEquals("bind.address=0.0.0.0 is not a loopback address: set auth.token, or auth.user and auth.password,"
                + " or bind to 127.0.0.1", message);
        assertFalse(message.contains("\n"));
        ConsoleSettings withToken = ConsoleSettings.of(TestConfigs.config(Map.of("bind_address", "0.0.0.0", "auth_token", "s3cret")));
        assertEquals("http://127.0.0.1:8181/console/", withToken.url());
        assertEquals("token", withToken.auth().toString());
        assertEquals("token+basic", ConsoleSettings.of(TestConfigs.config(Map.of("bind_address", "0.0.0.0",
                "auth_token", "s3cret", "auth_user", "u", "auth_password", "p"))).auth().toString());
        assertEquals("basic", ConsoleSettings.of(TestConfigs.config(Map.of("bind_address", "0.0.0.0",
                "auth_user", "u", "auth_password", "p"))).auth().toString());
    }

    @Test
    public void badValuesNameThePropertyAndTheAllowedValues() {
        assertEquals("port=0 is not a TCP port: allowed 1..65535", refusal(Map.of("port", 0)));
        assertEquals("port=70000 is not a TCP port: allowed 1..65535", refusal(Map.of("port", 70000)));
        assertEquals("auth.user and auth.password go together: set both for basic auth, or neither",
                refusal(Map.of("auth_user", "u")));
        assertEquals("page.buffer.size=0 is invalid: allowed 1 or more", refusal(Map.of("page_buffer_size", 0)));
        assertEquals("search.limit.max=-1 is invalid: allowed 1 or more", refusal(Map.of("search_limit_max", -1)));
        assertTrue(refusal(Map.of("bind_address", " ")).startsWith("bind.address is empty"));
        assertTrue(refusal(Map.of("bind_address", "no-such-host.invalid")).startsWith(
                "bind.address=no-such-host.invalid cannot be resolved"));
    }

    @Test
    public void authComparesTokensAndUsersAndIgnoresEverythingElse() {
        Auth auth = Auth.of("tok", "ops", "pw");
        assertTrue(auth.allows("Bearer tok"));
        assertTrue(auth.allows("bearer tok "));
        assertTrue(auth.allows(basic("x:tok")));
        assertTrue(auth.allows(basic("ops:pw")));
        assertFalse(auth.allows(null));
        assertFalse(auth.allows("Bearer pw"));
        assertFalse(auth.allows(basic("other:pw")));
        assertFalse(auth.allows(basic("no colon")));
        assertFalse(auth.allows("Basic !!!"));
        assertFalse(auth.allows("Digest x"));
        Auth userOnly = Auth.of("", "ops", "pw");
        assertFalse(userOnly.allows("Bearer "));
        assertFalse(userOnly.allows(basic("x:")));
        Auth tokenOnly = Auth.of("tok", "", "");
        assertFalse(tokenOnly.allows(basic("ops:pw")));
        assertTrue(Auth.of("", "", "").allows(null));
        assertFalse(auth.toString().contains("tok") && !auth.toString().equals("token+basic"));
    }

    @Test
    public void hostNamesAreReadWithoutTheirPort() {
        assertEquals("127.0.0.1", ConsoleContext.hostName("127.0.0.1:8181"));
        assertEquals("[::1]", ConsoleContext.hostName("[::1]:8181"));
        assertEquals("[::1]", ConsoleContext.hostName("[::1]"));
        assertEquals("localhost", ConsoleContext.hostName("LOCALHOST"));
        assertEquals("", ConsoleContext.hostName(null));
        assertTrue(SessionServlet.sameOrigin("http://127.0.0.1:8181", "127.0.0.1:8181"));
        assertFalse(SessionServlet.sameOrigin("null", "127.0.0.1:8181"));
        assertFalse(SessionServlet.sameOrigin("http://a b", "127.0.0.1:8181"));
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
