package com.traidnet.wificore.realtime.protocol;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** HMAC-SHA256 hex signatures as Pusher uses them everywhere, compared in constant time. */
public final class Signatures {

    private static final HexFormat HEX = HexFormat.of();

    private Signatures() {
    }

    public static String hmacSha256Hex(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        }
    }

    public static String md5Hex(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is unavailable in this JDK", e);
        }
    }

    /** Constant-time comparison, so a caller cannot learn a signature byte by byte from response times. */
    public static boolean same(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** The subscription signature: {@code key:HMAC(secret, socket_id:channel[:channel_data])}. */
    public static String channelAuth(PusherApp app, String socketId, String channel, String channelData) {
        String text = socketId + ":" + channel + (channelData == null ? "" : ":" + channelData);
        return app.key() + ":" + hmacSha256Hex(app.secret(), text);
    }

    /** The user sign-in signature: {@code key:HMAC(secret, socket_id::user::user_data)}. */
    public static String userAuth(PusherApp app, String socketId, String userData) {
        return app.key() + ":" + hmacSha256Hex(app.secret(), socketId + "::user::" + userData);
    }
}
