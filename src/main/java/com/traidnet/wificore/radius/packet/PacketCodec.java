package com.traidnet.wificore.radius.packet;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * RADIUS packets ↔ UDP payloads (RFC 2865 §3). Decoding checks framing only; whether the
 * packet really comes from a client holding the shared secret is {@link Authenticators}' job.
 */
public final class PacketCodec {

    static final int HEADER_LENGTH = 20;
    /** RFC 2865 §3: "The maximum length is 4096." */
    public static final int MAX_LENGTH = 4096;

    private PacketCodec() {
    }

    /**
     * Reads one packet from a datagram. Octets past the Length field are padding and ignored
     * (RFC 2865 §3); everything else that is not well-formed is rejected.
     *
     * @throws RadiusCodecException if the datagram is not a well-formed packet of a known code
     */
    public static RadiusPacket decode(byte[] datagram) throws RadiusCodecException {
        int length = framedLength(datagram);
        int codeOctet = datagram[0] & 0xFF;
        PacketCode code = PacketCode.of(codeOctet)
                .orElseThrow(() -> new RadiusCodecException("unknown packet code " + codeOctet));
        byte[] authenticator = Arrays.copyOfRange(datagram, 4, HEADER_LENGTH);
        return new RadiusPacket(code, datagram[1] & 0xFF, authenticator,
                AttributeCodec.read(datagram, HEADER_LENGTH, length));
    }

    /**
     * Writes a packet, filling in what the shared secret protects: the Message-Authenticator
     * if the packet carries one (RFC 3579 §3.2, RFC 5176 §3.4), then the Response Authenticator
     * for replies (RFC 2865 §3), or the Request Authenticator for Accounting-Request,
     * CoA-Request and Disconnect-Request (RFC 2866 §3, RFC 5176 §2.3). Access-Request and
     * Status-Server keep their random Request Authenticator.
     *
     * @throws RadiusCodecException if the packet would exceed 4096 octets
     */
    public static byte[] encode(RadiusPacket packet, byte[] secret) throws RadiusCodecException {
        Authenticators.requireSecret(secret);
        byte[] wire = layout(packet);
        Authenticators.sign(wire, packet.code(), secret);
        return wire;
    }

    /** Header and attributes, with the authenticator field as signing starts from it. */
    private static byte[] layout(RadiusPacket packet) throws RadiusCodecException {
        int length = HEADER_LENGTH + packet.attributes().stream().mapToInt(AttributeCodec::encodedLength).sum();
        if (length > MAX_LENGTH) {
            throw new RadiusCodecException(packet.code() + " of " + length + " octets exceeds " + MAX_LENGTH);
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        out.put((byte) packet.code().code()).put((byte) packet.identifier()).putShort((short) length);
        out.put(packet.code().hasComputedRequestAuthenticator() ? new byte[16] : packet.authenticatorBytes());
        packet.attributes().forEach(a -> AttributeCodec.write(a, out));
        return out.array();
    }

    /**
     * RFC 2865 §3: checks the header and returns the Length field. Shorter than the header, a
     * Length outside 20..4096, or a Length beyond the datagram: the packet is discarded.
     */
    static int framedLength(byte[] datagram) throws RadiusCodecException {
        Objects.requireNonNull(datagram, "datagram");
        if (datagram.length < HEADER_LENGTH) {
            throw new RadiusCodecException("datagram of " + datagram.length
                    + " octets is shorter than the 20-octet RADIUS header");
        }
        int length = ((datagram[2] & 0xFF) << 8) | (datagram[3] & 0xFF);
        if (length < HEADER_LENGTH || length > MAX_LENGTH) {
            throw new RadiusCodecException("Length field " + length + " is outside 20..4096 (RFC 2865 §3)");
        }
        if (length > datagram.length) {
            throw new RadiusCodecException("Length field " + length + " exceeds the " + datagram.length
                    + " octets received (RFC 2865 §3)");
        }
        return length;
    }
}
