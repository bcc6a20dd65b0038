package ai.cleveragents.events.console.web.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The console's checked configuration. A bind address other than loopback needs a token or basic auth:
 * {@link #of} refuses it with one line naming the property, and the console then does not start.
 *
 * @param bindAddress    the address the HTTP service listens on
 * @param port           its TCP port
 * @param auth           who may read the console
 * @param pageBufferSize how many events the live page keeps
 * @param searchLimit    the most events one journal search returns
 * @param emitEnabled    whether the page may emit events
 * @param configureHttp  whether the console writes the HTTP service's configuration
 */
record ConsoleSettings(String bindAddress, int port, Auth auth, int pageBufferSize, int searchLimit,
        boolean emitEnabled, boolean configureHttp) {

    /**
     * @param config the component configuration
     * @return the settings
     * @throws IllegalArgumentException if a property is invalid; the one-line message names it and the allowed values
     */
    static ConsoleSettings of(WebConsole.Config config) {
        String address = config.bind_address().trim();
        if (config.port() < 1 || config.port() > 65535) {
            throw new IllegalArgumentException("port=" + config.port() + " is not a TCP port: allowed 1..65535");
        }
        Auth auth = Auth.of(config.auth_token(), config.auth_user(), config.auth_password());
        if (!isLoopback(address) && auth.isNone()) {
            throw new IllegalArgumentException("bind.address=" + address + " is not a loopback address: set auth.token,"
                    + " or auth.user and auth.password, or bind to 127.0.0.1");
        }
        positive("page.buffer.size", config.page_buffer_size());
        positive("search.limit.max", config.search_limit_max());
        return new ConsoleSettings(address, config.port(), auth, config.page_buffer_size(), config.search_limit_max(),
                config.emit_enabled(), config.configure_http());
    }

    private static void positive(String property, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(property + "=" + value + " is invalid: allowed 1 or more");
        }
    }

    /**
     * @param address an address or host name
     * @return whether it names only the loopback interface
     * @throws IllegalArgumentException if it cannot be resolved
     */
    static boolean isLoopback(String address) {
        if (address.isEmpty()) {
            throw new IllegalArgumentException("bind.address is empty: allowed an IP address or host name, such as 127.0.0.1");
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bind.address=" + address + " cannot be resolved: allowed an IP address"
                    + " or host name, such as 127.0.0.1", e);
        }
    }

    /** @return the URL the console is served at on this machine */
    String url() {
        String host = bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        return "http://" + ("0.0.0.0".equals(bindAddress) ? "127.0.0.1" : host) + ":" + port + ConsoleContext.PATH + "/";
    }
}
