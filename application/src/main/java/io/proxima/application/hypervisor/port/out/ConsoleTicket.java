package io.proxima.application.hypervisor.port.out;

import java.util.Objects;

/**
 * A console proxy PVE opened for 10 s: connect to {@code vncwebsocket?port=&vncticket=} on the
 * same PVE host within that window. {@code password} is the VNC password (VNC only); for a
 * terminal, the first frame is {@code user:ticket\n}.
 */
public record ConsoleTicket(Kind kind, GuestRef guest, int port, String ticket, String password, String user, Upid upid) {

    /** noVNC or xterm.js. */
    public enum Kind { VNC, TERMINAL }

    public ConsoleTicket {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(guest, "guest");
        Objects.requireNonNull(ticket, "ticket");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("bad console port " + port);
        }
    }

    @Override
    public String toString() {
        return "ConsoleTicket[" + kind + " " + guest + " port=" + port + "]";
    }
}
