package com.traidnet.wificore.radius.auth;

import com.traidnet.wificore.radius.packet.Attribute;
import com.traidnet.wificore.radius.packet.Dictionary;
import com.traidnet.wificore.radius.packet.RadiusPacket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * MS-CHAPv2 carried in RADIUS (RFC 2548 §2.3): checks the NT-Response of MS-CHAP2-Response
 * against the user's NT password hash (RFC 2759 §8) and builds the reply attributes:
 * MS-CHAP2-Success with the authenticator response, and the 128-bit MPPE keys (RFC 3079)
 * as FreeRADIUS's mschap module sends them by default.
 */
public final class MsChapV2 {

    private static final int MICROSOFT = 311;
    private static final int CHAP_ERROR = 2;
    private static final int MPPE_SEND_KEY = 16;
    private static final int MPPE_RECV_KEY = 17;
    private static final int CHAP2_SUCCESS = 26;
    private static final int RESPONSE_LENGTH = 50; // RFC 2548 §2.3.2
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the server answers; the caller sends Access-Accept or Access-Reject with the attributes. */
    public sealed interface Outcome permits Accepted, Rejected {
        List<Attribute> replyAttributes();
    }

    /** The NT-Response matched: MS-CHAP2-Success, MS-MPPE-Send-Key, MS-MPPE-Recv-Key and the MPPE policy. */
    public record Accepted(List<Attribute> replyAttributes) implements Outcome {
        public Accepted {
            replyAttributes = List.copyOf(replyAttributes);
        }
    }

    /** It did not, or the request was malformed; {@code reason} is for the post-auth log only. */
    public record Rejected(String reason, List<Attribute> replyAttributes) implements Outcome {
        public Rejected {
            replyAttributes = List.copyOf(replyAttributes);
        }
    }

    private MsChapV2() {
    }

    /** True when the request carries MS-CHAP-Challenge and MS-CHAP2-Response. */
    public static boolean isMsChapV2(RadiusPacket request) {
        return request.first("MS-CHAP-Challenge").isPresent() && request.first("MS-CHAP2-Response").isPresent();
    }

    /**
     * Authenticates an MS-CHAPv2 Access-Request.
     *
     * @param ntPasswordHash the user's NT hash (16 octets), see {@link PasswordCheck#ntPasswordHash}
     * @param secret         the NAS's shared secret, which encrypts the MPPE keys
     */
    public static Outcome authenticate(RadiusPacket request, byte[] ntPasswordHash, byte[] secret) {
        return authenticate(request, ntPasswordHash, secret, randomSalt());
    }

    static Outcome authenticate(RadiusPacket request, byte[] ntPasswordHash, byte[] secret, byte[] sendSalt) {
        Optional<byte[]> challenge = request.first("MS-CHAP-Challenge").map(Attribute::value);
        Optional<byte[]> response = request.first("MS-CHAP2-Response").map(Attribute::value);
        Optional<byte[]> userName = request.first("User-Name").map(Attribute::value);
        if (challenge.isEmpty() || response.isEmpty() || userName.isEmpty()) {
            return new Rejected("MS-CHAP-Challenge, MS-CHAP2-Response or User-Name missing", List.of());
        }
        if (challenge.get().length != 16 || response.get().length != RESPONSE_LENGTH || ntPasswordHash.length != 16) {
            return new Rejected("MS-CHAP-Challenge must be 16 and MS-CHAP2-Response 50 octets", List.of());
        }
        Exchange exchange = new Exchange(challenge.get(), response.get(), userName.get());
        byte[] expected = NtResponse.generate(exchange.authenticatorChallenge(), exchange.peerChallenge(),
                exchange.userName(), ntPasswordHash);
        if (!MessageDigest.isEqual(expected, exchange.ntResponse())) {
            return new Rejected("NT-Response does not match", List.of(failure(exchange)));
        }
        return new Accepted(success(exchange, ntPasswordHash, secret, request.authenticator(), sendSalt));
    }

    /** The three RFC 2548 §2.3.2 MS-CHAP2-Response fields we need, plus the challenge and user. */
    private record Exchange(byte[] authenticatorChallenge, byte[] response, byte[] userName) {
        byte ident() {
            return response[0];
        }

        byte[] peerChallenge() {
            return Arrays.copyOfRange(response, 2, 18);
        }

        byte[] ntResponse() {
            return Arrays.copyOfRange(response, 26, 50);
        }
    }

    private static List<Attribute> success(Exchange exchange, byte[] ntPasswordHash, byte[] secret,
                                           byte[] requestAuthenticator, byte[] sendSalt) {
        String authenticatorResponse = NtResponse.authenticatorResponse(ntPasswordHash, exchange.ntResponse(),
                exchange.peerChallenge(), exchange.authenticatorChallenge(), exchange.userName());
        // RFC 3079 §3.4: the NAS is the server side; its send key is the client's receive key
        byte[] masterKey = MppeKeys.masterKey(NtResponse.hashNtPasswordHash(ntPasswordHash), exchange.ntResponse());
        byte[] sendKey = MppeKeys.asymmetricStartKey(masterKey, 16, true, true);
        byte[] recvKey = MppeKeys.asymmetricStartKey(masterKey, 16, false, true);
        byte[] recvSalt = {sendSalt[0], (byte) (sendSalt[1] ^ 1)}; // RFC 2548 §2.4.2: salts unique per packet
        Dictionary dictionary = Dictionary.standard();
        return List.of(
                vendor(CHAP2_SUCCESS, withIdent(exchange.ident(), authenticatorResponse)),
                vendor(MPPE_SEND_KEY, MppeKeys.encrypt(sendKey, sendSalt, secret, requestAuthenticator)),
                vendor(MPPE_RECV_KEY, MppeKeys.encrypt(recvKey, recvSalt, secret, requestAuthenticator)),
                dictionary.attribute("MS-MPPE-Encryption-Policy", "Encryption-Allowed"),
                dictionary.attribute("MS-MPPE-Encryption-Types", "RC4-40or128-bit-Allowed"));
    }

    /** RFC 2759 §6 failure packet text: error 691 (authentication failure), no retry, version 3. */
    private static Attribute failure(Exchange exchange) {
        String text = "E=691 R=0 C=" + HexFormat.of().withUpperCase().formatHex(exchange.authenticatorChallenge())
                + " V=3 M=Authentication failed";
        return vendor(CHAP_ERROR, withIdent(exchange.ident(), text));
    }

    private static byte[] withIdent(byte ident, String text) {
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        byte[] value = new byte[1 + body.length];
        value[0] = ident;
        System.arraycopy(body, 0, value, 1, body.length);
        return value;
    }

    private static Attribute vendor(int type, byte[] value) {
        return Attribute.vendorSpecific(MICROSOFT, type, value);
    }

    private static byte[] randomSalt() {
        byte[] salt = new byte[2];
        RANDOM.nextBytes(salt);
        salt[0] |= (byte) 0x80; // RFC 2548 §2.4.2: the most significant bit MUST be set
        return salt;
    }
}
