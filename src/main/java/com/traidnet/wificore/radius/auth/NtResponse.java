package com.traidnet.wificore.radius.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/** The MS-CHAPv2 computations of RFC 2759 §8, named after its pseudo-code. */
final class NtResponse {

    /** RFC 2759 §8.7 Magic1. */
    private static final byte[] SIGNING_MAGIC =
            "Magic server to client signing constant".getBytes(StandardCharsets.US_ASCII);
    /** RFC 2759 §8.7 Magic2. */
    private static final byte[] ITERATION_MAGIC =
            "Pad to make it do more than one iteration".getBytes(StandardCharsets.US_ASCII);

    private NtResponse() {
    }

    /** RFC 2759 §8.3 NtPasswordHash: MD4 of the password in UTF-16LE ("Unicode"). */
    static byte[] ntPasswordHash(String password) {
        return Digests.md4(password.getBytes(StandardCharsets.UTF_16LE));
    }

    /** RFC 2759 §8.4 HashNtPasswordHash. */
    static byte[] hashNtPasswordHash(byte[] passwordHash) {
        return Digests.md4(passwordHash);
    }

    /**
     * RFC 2759 §8.2 ChallengeHash: the first 8 octets of SHA-1(PeerChallenge + AuthenticatorChallenge
     * + UserName), UserName "excluding any prepended domain name".
     */
    static byte[] challengeHash(byte[] peerChallenge, byte[] authenticatorChallenge, byte[] userName) {
        return Arrays.copyOf(Digests.sha1(peerChallenge, authenticatorChallenge, withoutDomain(userName)), 8);
    }

    /** RFC 2759 §8.1 GenerateNTResponse. */
    static byte[] generate(byte[] authenticatorChallenge, byte[] peerChallenge, byte[] userName, byte[] passwordHash) {
        return challengeResponse(challengeHash(peerChallenge, authenticatorChallenge, userName), passwordHash);
    }

    /** RFC 2759 §8.5 ChallengeResponse: three DES encryptions keyed by the zero-padded hash. */
    static byte[] challengeResponse(byte[] challenge, byte[] passwordHash) {
        byte[] zPasswordHash = Arrays.copyOf(passwordHash, 21);
        byte[] response = new byte[24];
        for (int i = 0; i < 3; i++) {
            desEncrypt(challenge, Arrays.copyOfRange(zPasswordHash, 7 * i, 7 * i + 7), response, 8 * i);
        }
        return response;
    }

    /** RFC 2759 §8.7 GenerateAuthenticatorResponse: "S=" and 40 upper-case hex digits. */
    static String authenticatorResponse(byte[] passwordHash, byte[] ntResponse, byte[] peerChallenge,
                                        byte[] authenticatorChallenge, byte[] userName) {
        byte[] digest = Digests.sha1(hashNtPasswordHash(passwordHash), ntResponse, SIGNING_MAGIC);
        byte[] challenge = challengeHash(peerChallenge, authenticatorChallenge, userName);
        digest = Digests.sha1(digest, challenge, ITERATION_MAGIC);
        return "S=" + HexFormat.of().withUpperCase().formatHex(digest);
    }

    /** RFC 2759 §8.6 DesEncrypt: a 7-octet key spread over 8 octets (parity bits unused). */
    private static void desEncrypt(byte[] clear, byte[] key7, byte[] out, int at) {
        byte[] key8 = new byte[8];
        long bits = 0;
        for (byte b : key7) {
            bits = (bits << 8) | (b & 0xFF);
        }
        for (int i = 0; i < 8; i++) {
            key8[i] = (byte) (((bits >>> (49 - 7 * i)) & 0x7F) << 1);
        }
        DESEngine des = new DESEngine();
        des.init(true, new KeyParameter(key8));
        des.processBlock(clear, 0, out, at);
    }

    private static byte[] withoutDomain(byte[] userName) {
        for (int i = userName.length - 1; i >= 0; i--) {
            if (userName[i] == '\\') {
                return Arrays.copyOfRange(userName, i + 1, userName.length);
            }
        }
        return userName;
    }
}
