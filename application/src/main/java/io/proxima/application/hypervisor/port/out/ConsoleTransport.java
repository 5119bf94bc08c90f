package io.proxima.application.hypervisor.port.out;

import java.util.concurrent.CompletionStage;

/**
 * The byte stream of a guest console: PVE's {@code vncwebsocket} for a ticket from
 * {@link Hypervisor#vncProxy}, opened with the node's credentials and TLS trust.
 */
public interface ConsoleTransport {

    /** Where what PVE sends goes. Called on an event loop: never block. */
    interface Sink {
        void binary(byte[] data);

        void text(String data);

        /** PVE closed the connection (or it failed). */
        void closed();
    }

    /** The open connection to PVE. */
    interface Channel {
        void sendBinary(byte[] data);

        void sendText(String data);

        void close();
    }

    CompletionStage<Channel> open(PveNodeConnection conn, ConsoleTicket ticket, Sink sink);
}
