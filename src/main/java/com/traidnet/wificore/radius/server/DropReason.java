package com.traidnet.wificore.radius.server;

/**
 * Why a datagram got no answer. RFC 2865 §3: a packet from an unknown client or with a bad
 * authenticator is silently discarded — we count it instead of answering.
 */
public enum DropReason {
    MALFORMED("malformed"),
    UNKNOWN_CODE("unknown_code"),
    ATTRIBUTE_FLOOD("attribute_flood"),
    WRONG_PORT("wrong_port"),
    UNKNOWN_NAS("unknown_nas"),
    AMBIGUOUS_NAS("ambiguous_nas"),
    BAD_AUTHENTICATOR("bad_authenticator"),
    MISSING_MESSAGE_AUTHENTICATOR("missing_message_authenticator"),
    DUPLICATE_IN_PROGRESS("duplicate_in_progress"),
    OVERLOADED("overloaded"),
    INTERNAL_ERROR("internal_error");

    private final String tag;

    DropReason(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
