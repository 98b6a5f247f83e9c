package com.traidnet.wificore.radius.packet;

import java.util.Optional;

/** RADIUS packet types: RFC 2865 §3, RFC 2866 §3, RFC 5997 (Status-Server), RFC 5176 §2. */
public enum PacketCode {
    ACCESS_REQUEST(1, "Access-Request"),
    ACCESS_ACCEPT(2, "Access-Accept"),
    ACCESS_REJECT(3, "Access-Reject"),
    ACCOUNTING_REQUEST(4, "Accounting-Request"),
    ACCOUNTING_RESPONSE(5, "Accounting-Response"),
    ACCESS_CHALLENGE(11, "Access-Challenge"),
    STATUS_SERVER(12, "Status-Server"),
    STATUS_CLIENT(13, "Status-Client"),
    DISCONNECT_REQUEST(40, "Disconnect-Request"),
    DISCONNECT_ACK(41, "Disconnect-ACK"),
    DISCONNECT_NAK(42, "Disconnect-NAK"),
    COA_REQUEST(43, "CoA-Request"),
    COA_ACK(44, "CoA-ACK"),
    COA_NAK(45, "CoA-NAK");

    private static final PacketCode[] BY_CODE = new PacketCode[256];

    static {
        for (PacketCode c : values()) {
            BY_CODE[c.code] = c;
        }
    }

    private final int code;
    private final String protocolName;

    PacketCode(int code, String protocolName) {
        this.code = code;
        this.protocolName = protocolName;
    }

    /** The Code octet on the wire. */
    public int code() {
        return code;
    }

    /** The packet type with this Code octet, if it is one we speak. */
    public static Optional<PacketCode> of(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }

    /** True for packets that start an exchange (the others are replies). */
    public boolean isRequest() {
        return switch (this) {
            case ACCESS_REQUEST, ACCOUNTING_REQUEST, STATUS_SERVER, STATUS_CLIENT,
                 DISCONNECT_REQUEST, COA_REQUEST -> true;
            default -> false;
        };
    }

    /** True when this packet type is a valid reply to {@code request}. */
    public boolean answers(PacketCode request) {
        return switch (request) {
            case ACCESS_REQUEST -> this == ACCESS_ACCEPT || this == ACCESS_REJECT || this == ACCESS_CHALLENGE;
            case ACCOUNTING_REQUEST -> this == ACCOUNTING_RESPONSE;
            // RFC 5997 §3: Access-Accept on the authentication port, Accounting-Response on accounting
            case STATUS_SERVER -> this == ACCESS_ACCEPT || this == ACCOUNTING_RESPONSE;
            case DISCONNECT_REQUEST -> this == DISCONNECT_ACK || this == DISCONNECT_NAK;
            case COA_REQUEST -> this == COA_ACK || this == COA_NAK;
            default -> false;
        };
    }

    /**
     * RFC 2866 §3 and RFC 5176 §2.3: these requests carry an MD5 over the packet and the
     * shared secret in place of a random Request Authenticator.
     */
    boolean hasComputedRequestAuthenticator() {
        return this == ACCOUNTING_REQUEST || this == DISCONNECT_REQUEST || this == COA_REQUEST;
    }

    @Override
    public String toString() {
        return protocolName;
    }
}
