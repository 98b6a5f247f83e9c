package com.traidnet.wificore.radius.coa;

import com.traidnet.wificore.radius.packet.PacketCode;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * One encoded Disconnect-Request or CoA-Request and what its answer is checked against.
 * Retransmissions send {@code wire} unchanged: same identifier, same authenticator (RFC 5080
 * §2.2.1), so the NAS can recognise a duplicate.
 */
record SentRequest(InetSocketAddress nas, PacketCode code, byte[] wire, byte[] secret) {

    int identifier() {
        return wire[1] & 0xFF;
    }

    byte[] authenticator() {
        return Arrays.copyOfRange(wire, 4, 20);
    }
}
