package com.traidnet.wificore.radius.packet;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A RADIUS packet (RFC 2865 §3): code, identifier, the 16-octet authenticator and the
 * attributes in wire order. Immutable.
 *
 * <p>For a reply that has not been encoded yet, {@code authenticator} holds the Request
 * Authenticator of the request it answers (that is what the Response Authenticator and
 * Message-Authenticator are computed over); {@link PacketCodec#encode} replaces it.
 */
public record RadiusPacket(PacketCode code, int identifier, byte[] authenticator, List<Attribute> attributes) {

    /** RFC 2865 §5.33. */
    static final int PROXY_STATE = 33;
    /** RFC 2869 §5.14. */
    static final int MESSAGE_AUTHENTICATOR = 80;
    private static final SecureRandom RANDOM = new SecureRandom();

    public RadiusPacket {
        Objects.requireNonNull(code, "code");
        if (identifier < 0 || identifier > 255) {
            throw new IllegalArgumentException("identifier " + identifier + " is outside 0..255");
        }
        if (authenticator.length != 16) {
            throw new IllegalArgumentException("authenticator must be 16 octets, not " + authenticator.length);
        }
        authenticator = authenticator.clone();
        attributes = List.copyOf(attributes);
    }

    /** A copy of the authenticator. */
    @Override
    public byte[] authenticator() {
        return authenticator.clone();
    }

    byte[] authenticatorBytes() {
        return authenticator;
    }

    /**
     * The first attribute with this dictionary name, e.g. "User-Name" or "Mikrotik-Rate-Limit".
     *
     * @throws IllegalArgumentException for a name the dictionary does not know (a bug, not input)
     */
    public Optional<Attribute> first(String name) {
        AttributeDefinition definition = Dictionary.standard().require(name);
        return attributes.stream().filter(definition::matches).findFirst();
    }

    /** Every attribute with this dictionary name, in wire order. */
    public List<Attribute> all(String name) {
        AttributeDefinition definition = Dictionary.standard().require(name);
        return attributes.stream().filter(definition::matches).toList();
    }

    /** The first standard (non-vendor) attribute of this type. */
    public Optional<Attribute> first(int type) {
        return attributes.stream().filter(a -> !a.isVendorSpecific() && a.type() == type).findFirst();
    }

    /** Every standard (non-vendor) attribute of this type, in wire order. */
    public List<Attribute> all(int type) {
        return attributes.stream().filter(a -> !a.isVendorSpecific() && a.type() == type).toList();
    }

    /** The first attribute with this name as UTF-8 text. */
    public Optional<String> string(String name) {
        return first(name).map(Attribute::asString);
    }

    /** The first attribute with this name as an integer; empty if absent or not 4 octets. */
    public OptionalLong integer(String name) {
        return first(name).map(Attribute::asInteger).orElse(OptionalLong.empty());
    }

    /**
     * Starts the reply to this request: same identifier, the request's authenticator for the
     * encoder to sign with, and the request's Proxy-State attributes copied unmodified and in
     * order (RFC 2865 §4.2–4.4, RFC 2866 §4.2, RFC 5176 §3).
     */
    public Builder reply(PacketCode replyCode) {
        if (!replyCode.answers(code)) {
            throw new IllegalArgumentException(replyCode + " does not answer " + code);
        }
        Builder builder = new Builder(replyCode, identifier, authenticator);
        builder.addAll(all(PROXY_STATE));
        return builder;
    }

    /**
     * Starts a request we send (CoA/Disconnect to a NAS, or a test Access-Request). Access-Request
     * and Status-Server get a random Request Authenticator (RFC 2865 §3); for the others the
     * encoder computes it (RFC 2866 §3, RFC 5176 §2.3).
     */
    public static Builder request(PacketCode requestCode, int identifier) {
        if (!requestCode.isRequest()) {
            throw new IllegalArgumentException(requestCode + " is not a request");
        }
        byte[] authenticator = new byte[16];
        if (!requestCode.hasComputedRequestAuthenticator()) {
            RANDOM.nextBytes(authenticator);
        }
        return new Builder(requestCode, identifier, authenticator);
    }

    /** Collects attributes for a new packet. */
    public static final class Builder {
        private final PacketCode code;
        private final int identifier;
        private byte[] authenticator;
        private final List<Attribute> attributes = new ArrayList<>();

        private Builder(PacketCode code, int identifier, byte[] authenticator) {
            this.code = code;
            this.identifier = identifier;
            this.authenticator = authenticator.clone();
        }

        public Builder add(Attribute attribute) {
            attributes.add(Objects.requireNonNull(attribute));
            return this;
        }

        /** Adds an attribute from its dictionary name and text value, as in a {@code radreply} row. */
        public Builder add(String name, String value) {
            return add(Dictionary.standard().attribute(name, value));
        }

        public Builder addAll(Collection<Attribute> more) {
            more.forEach(this::add);
            return this;
        }

        /**
         * Puts a Message-Authenticator first; the encoder fills it in (RFC 3579 §3.2). First,
         * as the BlastRADIUS (CVE-2024-3596) mitigations recommend for every Access-* packet.
         */
        public Builder messageAuthenticator() {
            attributes.removeIf(a -> !a.isVendorSpecific() && a.type() == MESSAGE_AUTHENTICATOR);
            attributes.addFirst(Attribute.of(MESSAGE_AUTHENTICATOR, new byte[16]));
            return this;
        }

        /** Overrides the authenticator, e.g. a fixed Request Authenticator in a test. */
        public Builder authenticator(byte[] value) {
            this.authenticator = value.clone();
            return this;
        }

        public RadiusPacket build() {
            return new RadiusPacket(code, identifier, authenticator, attributes);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RadiusPacket p && p.code == code && p.identifier == identifier
                && Arrays.equals(p.authenticator, authenticator) && p.attributes.equals(attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, identifier, Arrays.hashCode(authenticator), attributes);
    }

    @Override
    public String toString() {
        return "RadiusPacket[" + code + " id=" + identifier + " auth=" + HexFormat.of().formatHex(authenticator)
                + " " + attributes + "]";
    }
}
