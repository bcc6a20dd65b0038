package ai.cleveragents.events.console.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Who may read the console: anyone (loopback only), the holders of a token, or one basic-auth user. A
 * token is accepted as {@code Authorization: Bearer <token>}, or as the password of basic auth with any
 * user name, so a browser's own login prompt works with it. Comparisons take constant time; the secrets
 * never appear in {@link #toString()}.
 */
final class Auth {

    private static final Auth NONE = new Auth(null, null, null);

    private final byte[] token;
    private final String user;
    private final byte[] password;

    private Auth(String token, String user, String password) {
        this.token = bytes(token);
        this.user = user;
        this.password = bytes(password);
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @throws IllegalArgumentException if only one of user and password is set
     */
    static Auth of(String token, String user, String password) {
        boolean hasToken = !token.isEmpty();
        boolean hasUser = !user.isEmpty();
        boolean hasPassword = !password.isEmpty();
        if (hasUser != hasPassword) {
            throw new IllegalArgumentException("auth.user and auth.password go together: set both for basic auth, or neither");
        }
        if (!hasToken && !hasUser) {
            return NONE;
        }
        return new Auth(hasToken ? token : null, hasUser ? user : null, hasPassword ? password : null);
    }

    /** @return whether anyone may read the console */
    boolean isNone() {
        return token == null && user == null;
    }

    /**
     * @param authorization the request's {@code Authorization} header, or {@code null}
     * @return whether it grants access
     */
    boolean allows(String authorization) {
        if (isNone()) {
            return true;
        }
        if (authorization == null) {
            return false;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return token != null && same(token, authorization.substring(7).trim());
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim());
        }
        return false;
    }

    private boolean basic(String encoded) {
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String given = pair.substring(colon + 1);
        boolean byToken = token != null && same(token, given);
        boolean byUser = user != null && user.equals(pair.substring(0, colon)) && same(password, given);
        return byToken || byUser;
    }

    private static boolean same(byte[] secret, String given) {
        return MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return isNone() ? "none" : (token != null ? "token" : "") + (token != null && user != null ? "+" : "")
                + (user != null ? "basic" : "");
    }
}
