package com.traidnet.wificore.radius.packet;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The shared-secret checks on received packets: Request Authenticator (RFC 2866 §3,
 * RFC 5176 §2.3), Response Authenticator (RFC 2865 §3) and Message-Authenticator (RFC 2869
 * §5.14, RFC 3579 §3.2). They work on the datagram as received, because the signatures cover
 * the exact octets. All comparisons take constant time.
 */
public final class Authenticators {

    private static final int EAP_MESSAGE = 79;
    private static final int AUTHENTICATOR_AT = 4;
    private static final int AUTHENTICATOR_END = 20;

    private Authenticators() {
    }

    /**
     * True when a request was sent by a client that holds {@code secret}: for Accounting-Request,
     * CoA-Request and Disconnect-Request the Request Authenticator matches; a Message-Authenticator,
     * if present, matches; and it is present where required (Status-Server, RFC 5997 §3; any
     * EAP-Message, RFC 3579 §3.2). False as well for anything malformed or not a request. An
     * Access-Request without Message-Authenticator passes: requiring it is server policy.
     */
    public static boolean verifyRequest(byte[] datagram, byte[] secret) {
        requireSecret(secret);
        Optional<byte[]> framed = wellFormed(datagram);
        if (framed.isEmpty()) {
            return false;
        }
        byte[] wire = framed.get();
        PacketCode code = PacketCode.of(wire[0] & 0xFF).orElseThrow();
        if (!code.isRequest()) {
            return false;
        }
        if (code.hasComputedRequestAuthenticator()) {
            // RFC 2866 §3: MD5(Code + Identifier + Length + 16 zero octets + Attributes + Secret)
            byte[] claimed = Arrays.copyOfRange(wire, AUTHENTICATOR_AT, AUTHENTICATOR_END);
            Arrays.fill(wire, AUTHENTICATOR_AT, AUTHENTICATOR_END, (byte) 0);
            if (!MessageDigest.isEqual(Md5.digest(wire, secret), claimed)) {
                return false;
            }
        }
        boolean required = code == PacketCode.STATUS_SERVER || !valueOffsets(wire, EAP_MESSAGE).isEmpty();
        return messageAuthenticatorHolds(wire, secret, required);
    }

    /**
     * True when a reply answers the request whose authenticator is {@code requestAuthenticator}
     * and was sent by a holder of {@code secret}: the Response Authenticator (RFC 2865 §3) and
     * any Message-Authenticator match, and one is present if the reply carries EAP-Message.
     */
    public static boolean verifyReply(byte[] datagram, byte[] requestAuthenticator, byte[] secret) {
        requireSecret(secret);
        Optional<byte[]> framed = wellFormed(datagram);
        if (framed.isEmpty() || requestAuthenticator.length != 16
                || PacketCode.of(framed.get()[0] & 0xFF).orElseThrow().isRequest()) {
            return false;
        }
        byte[] wire = framed.get();
        // RFC 2865 §3: MD5(Code + ID + Length + RequestAuth + Attributes + Secret)
        byte[] claimed = Arrays.copyOfRange(wire, AUTHENTICATOR_AT, AUTHENTICATOR_END);
        System.arraycopy(requestAuthenticator, 0, wire, AUTHENTICATOR_AT, 16);
        if (!MessageDigest.isEqual(Md5.digest(wire, secret), claimed)) {
            return false;
        }
        return messageAuthenticatorHolds(wire, secret, !valueOffsets(wire, EAP_MESSAGE).isEmpty());
    }

    /**
     * Signs a laid-out packet in place. The authenticator field already holds what signing
     * starts from: the random Request Authenticator, zeros (computed requests) or the request's
     * authenticator (replies). RFC 5176 §3.4: the Message-Authenticator is computed first.
     */
    static void sign(byte[] wire, PacketCode code, byte[] secret) {
        List<Integer> offsets = valueOffsets(wire, RadiusPacket.MESSAGE_AUTHENTICATOR);
        if (offsets.size() > 1) {
            throw new IllegalArgumentException("a packet carries at most one Message-Authenticator");
        }
        for (int at : offsets) {
            if ((wire[at - 1] & 0xFF) != 18) {
                throw new IllegalArgumentException("Message-Authenticator must hold 16 octets");
            }
            // RFC 3579 §3.2: HMAC-MD5 over the packet with the attribute's value zeroed
            Arrays.fill(wire, at, at + 16, (byte) 0);
            System.arraycopy(Md5.hmac(secret, wire), 0, wire, at, 16);
        }
        if (!code.isRequest() || code.hasComputedRequestAuthenticator()) {
            byte[] authenticator = Md5.digest(wire, secret);
            System.arraycopy(authenticator, 0, wire, AUTHENTICATOR_AT, 16);
        }
    }

    static void requireSecret(byte[] secret) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("the shared secret must not be empty (RFC 2865 §3)");
        }
    }

    private static boolean messageAuthenticatorHolds(byte[] wire, byte[] secret, boolean required) {
        List<Integer> offsets = valueOffsets(wire, RadiusPacket.MESSAGE_AUTHENTICATOR);
        if (offsets.isEmpty()) {
            return !required;
        }
        if (offsets.size() > 1) {
            return false;
        }
        int at = offsets.getFirst();
        byte[] claimed = Arrays.copyOfRange(wire, at, at + 16);
        Arrays.fill(wire, at, at + 16, (byte) 0);
        return MessageDigest.isEqual(Md5.hmac(secret, wire), claimed);
    }

    /** A copy of the packet's octets up to its Length field, if it decodes. */
    private static Optional<byte[]> wellFormed(byte[] datagram) {
        try {
            PacketCodec.decode(datagram);
            return Optional.of(Arrays.copyOf(datagram, PacketCodec.framedLength(datagram)));
        } catch (RadiusCodecException e) {
            return Optional.empty();
        }
    }

    /** Offsets of the values of every standard attribute of {@code type} in a well-formed packet. */
    private static List<Integer> valueOffsets(byte[] wire, int type) {
        List<Integer> offsets = new ArrayList<>();
        int at = PacketCodec.HEADER_LENGTH;
        while (at + 2 <= wire.length && (wire[at + 1] & 0xFF) >= 2) {
            if ((wire[at] & 0xFF) == type) {
                offsets.add(at + 2);
            }
            at += wire[at + 1] & 0xFF;
        }
        return offsets;
    }
}
