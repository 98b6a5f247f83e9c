package com.traidnet.wificore.radius.packet;

/**
 * Bytes that are not a well-formed RADIUS packet or attribute, or a packet that cannot be
 * encoded (too large). RFC 2865 §3: such packets are silently discarded by the receiver,
 * so the message is for logs and counters only, never for the peer.
 */
public class RadiusCodecException extends Exception {

    public RadiusCodecException(String message) {
        super(message);
    }
}
