package com.traidnet.wificore.radius.coa;

import com.traidnet.wificore.radius.packet.Authenticators;
import com.traidnet.wificore.radius.packet.PacketCode;
import com.traidnet.wificore.radius.packet.PacketCodec;
import com.traidnet.wificore.radius.packet.RadiusCodecException;
import com.traidnet.wificore.radius.packet.RadiusPacket;
import java.net.InetSocketAddress;
import java.util.OptionalLong;

/** A datagram that arrived while waiting for a NAS's answer: the answer, or something to ignore. */
sealed interface Reply {

    /** An ACK or NAK that really answers the request. */
    record Answer(PacketCode code, Integer errorCause) implements Reply {

        CoaOutcome outcome(int attempts) {
            return code == PacketCode.DISCONNECT_ACK || code == PacketCode.COA_ACK
                    ? new CoaOutcome.Ack(attempts)
                    : new CoaOutcome.Nak(attempts, errorCause);
        }
    }

    /** Anything else; the client keeps waiting, as RFC 2865 §3 has clients silently discard it. */
    record Bogus(String why) implements Reply {
    }

    /**
     * Checks, in order: the sender is the NAS the request went to, the datagram decodes, the
     * identifier matches, the code answers the request (ACK or NAK of the same kind), and the
     * Response Authenticator and any Message-Authenticator hold for the shared secret.
     */
    static Reply classify(byte[] datagram, InetSocketAddress from, SentRequest request) {
        if (!from.equals(request.nas())) {
            return new Bogus("sent from " + from + ", not the NAS");
        }
        RadiusPacket packet;
        try {
            packet = PacketCodec.decode(datagram);
        } catch (RadiusCodecException e) {
            return new Bogus("malformed: " + e.getMessage());
        }
        if (packet.identifier() != request.identifier()) {
            return new Bogus("identifier " + packet.identifier() + ", expected " + request.identifier());
        }
        if (!packet.code().answers(request.code())) {
            return new Bogus(packet.code() + " does not answer " + request.code());
        }
        if (!Authenticators.verifyReply(datagram, request.authenticator(), request.secret())) {
            return new Bogus(packet.code() + " fails the Response Authenticator or Message-Authenticator"
                    + " check: does the NAS use another shared secret?");
        }
        OptionalLong cause = packet.integer("Error-Cause");
        boolean usable = cause.isPresent() && cause.getAsLong() <= Integer.MAX_VALUE; // real causes are < 1000
        return new Answer(packet.code(), usable ? (int) cause.getAsLong() : null);
    }
}
