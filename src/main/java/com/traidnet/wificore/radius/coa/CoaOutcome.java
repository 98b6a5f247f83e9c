package com.traidnet.wificore.radius.coa;

/**
 * How a Disconnect-Request or CoA-Request ended. {@code attempts} counts transmissions of the
 * one packet (same identifier and authenticator) up to and including the one answered.
 */
public sealed interface CoaOutcome {

    /** Disconnect-ACK or CoA-ACK (RFC 5176 §2.1, §2.2): the NAS did what was asked. */
    record Ack(int attempts) implements CoaOutcome {
    }

    /**
     * Disconnect-NAK or CoA-NAK: the NAS refused.
     *
     * @param errorCause the RFC 5176 §3.5 Error-Cause (e.g. 503 Session-Context-Not-Found), or
     *                   {@code null} when the NAK carries none
     */
    record Nak(int attempts, Integer errorCause) implements CoaOutcome {
    }

    /** No valid answer after every attempt: the NAS is down, unreachable, or has another secret. */
    record Timeout(int attempts) implements CoaOutcome {
    }

    /** The request could not be sent at all, e.g. an unresolved address or a packet over 4096 octets. */
    record Failed(String reason) implements CoaOutcome {
    }
}
