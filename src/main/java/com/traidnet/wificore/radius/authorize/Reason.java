package com.traidnet.wificore.radius.authorize;

/**
 * Why a request was decided as it was; written to radpostauth.reason. Reasons a customer
 * can act on are also sent to the NAS as Reply-Message (hotspot login pages show it);
 * the others are not, so a reject does not tell an attacker whether a username exists.
 */
public enum Reason {
    ACCEPTED("accepted", null),
    NO_USER_NAME("no User-Name", null),
    UNKNOWN_USER("unknown user", null),
    CHECK_FAILED("check items not satisfied", null),
    MAC_MISMATCH("Calling-Station-Id not allowed", "This device is not allowed on this account"),
    AUTH_TYPE_REJECT("Auth-Type Reject", null),
    NO_PASSWORD("no known-good password", null),
    UNSUPPORTED_METHOD("no supported authentication method (PAP, CHAP, MS-CHAPv2)", null),
    BAD_PASSWORD("wrong password", null),
    EXPIRED("account expired", "Your account has expired"),
    SIMULTANEOUS_USE("simultaneous use limit reached", "You are already logged in on the maximum number of devices"),
    TIME_QUOTA("time quota used up", "Your time allowance is used up"),
    DATA_QUOTA("data quota used up", "Your data allowance is used up");

    private final String text;
    private final String replyMessage;

    Reason(String text, String replyMessage) {
        this.text = text;
        this.replyMessage = replyMessage;
    }

    public String text() {
        return text;
    }

    /** What the customer may be told, or null. */
    String replyMessage() {
        return replyMessage;
    }
}
