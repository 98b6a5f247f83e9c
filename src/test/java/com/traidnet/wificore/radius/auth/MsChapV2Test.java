package com.traidnet.wificore.radius.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.traidnet.wificore.radius.packet.Attribute;
import com.traidnet.wificore.radius.packet.PacketCode;
import com.traidnet.wificore.radius.packet.PacketCodec;
import com.traidnet.wificore.radius.packet.RadiusCodecException;
import com.traidnet.wificore.radius.packet.RadiusPacket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 2759 §9.2 and RFC 3079 §3.5.3 test vectors, then the RADIUS exchange built on them. */
class MsChapV2Test {

    static final byte[] USER = "User".getBytes(StandardCharsets.US_ASCII);
    static final String PASSWORD = "clientPass";
    static final byte[] AUTHENTICATOR_CHALLENGE = hex("5B5D7C7D7B3F2F3E3C2C602132262628");
    static final byte[] PEER_CHALLENGE = hex("21402324255E262A28295F2B3A337C7E");
    static final byte[] NT_RESPONSE = hex("82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF");
    static final byte[] SECRET = "radsec".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc2759NtPasswordHash() {
        assertThat(NtResponse.ntPasswordHash(PASSWORD)).isEqualTo(hex("44EBBA8D5312B8D611474411F56989AE"));
        assertThat(NtResponse.hashNtPasswordHash(NtResponse.ntPasswordHash(PASSWORD)))
                .isEqualTo(hex("41C00C584BD2D91C4017A2A12FA59F3F"));
    }

    @Test
    void rfc2759ChallengeHashAndNtResponse() {
        assertThat(NtResponse.challengeHash(PEER_CHALLENGE, AUTHENTICATOR_CHALLENGE, USER))
                .isEqualTo(hex("D02E4386BCE91226"));
        assertThat(NtResponse.generate(AUTHENTICATOR_CHALLENGE, PEER_CHALLENGE, USER,
                NtResponse.ntPasswordHash(PASSWORD))).isEqualTo(NT_RESPONSE);
    }

    @Test
    void rfc2759AuthenticatorResponse() {
        assertThat(NtResponse.authenticatorResponse(NtResponse.ntPasswordHash(PASSWORD), NT_RESPONSE,
                PEER_CHALLENGE, AUTHENTICATOR_CHALLENGE, USER))
                .isEqualTo("S=407A5589115FD0D6209F510FE9C04566932CDA56");
    }

    @Test
    void challengeHashLeavesOutAPrependedDomain() {
        byte[] withDomain = "EXAMPLE\\User".getBytes(StandardCharsets.US_ASCII);

        assertThat(NtResponse.challengeHash(PEER_CHALLENGE, AUTHENTICATOR_CHALLENGE, withDomain))
                .isEqualTo(hex("D02E4386BCE91226"));
    }

    @Test
    void rfc3079MasterAndSendKeys128Bit() {
        byte[] passwordHashHash = hex("41C00C584BD2D91C4017A2A12FA59F3F");

        byte[] masterKey = MppeKeys.masterKey(passwordHashHash, NT_RESPONSE);
        byte[] sendStartKey = MppeKeys.asymmetricStartKey(masterKey, 16, true, true);

        assertThat(masterKey).isEqualTo(hex("FDECE3717A8C838CB388E527AE3CDD31"));
        assertThat(sendStartKey).isEqualTo(hex("8B7CDC149B993A1BA118CB153F56DCCB"));
        assertThat(MppeKeys.newKeyFromSha(sendStartKey, sendStartKey, 16))
                .isEqualTo(hex("405CB2247A7956E6E211007AE27B22D4"));
        // the server's receive key is the client's send key, and differs from the send key
        assertThat(MppeKeys.asymmetricStartKey(masterKey, 16, false, true))
                .isEqualTo(MppeKeys.asymmetricStartKey(masterKey, 16, true, false))
                .isNotEqualTo(sendStartKey);
    }

    @Test
    void mppeKeyAttributeEncryptionRoundTrips() {
        byte[] key = hex("8B7CDC149B993A1BA118CB153F56DCCB");
        byte[] requestAuthenticator = hex("000102030405060708090a0b0c0d0e0f");

        byte[] value = MppeKeys.encrypt(key, new byte[] {(byte) 0x81, 0x23}, SECRET, requestAuthenticator);

        assertThat(value).hasSize(2 + 32).startsWith(0x81, 0x23); // salt, then 1 + 16 octets padded to 32
        assertThat(MppeKeys.decrypt(value, SECRET, requestAuthenticator)).isEqualTo(key);
        assertThat(MppeKeys.decrypt(value, "other".getBytes(), requestAuthenticator)).isNotEqualTo(key);
    }

    @Test
    void acceptsTheRfcExchangeAndAnswersWithSuccessAndMppeKeys() throws RadiusCodecException {
        RadiusPacket request = PacketCodec.decode(PacketCodec.encode(accessRequest(NT_RESPONSE), SECRET));

        MsChapV2.Outcome outcome = MsChapV2.authenticate(request, NtResponse.ntPasswordHash(PASSWORD), SECRET,
                new byte[] {(byte) 0x8A, 0x01});

        assertThat(outcome).isInstanceOf(MsChapV2.Accepted.class);
        RadiusPacket accept = request.reply(PacketCode.ACCESS_ACCEPT).addAll(outcome.replyAttributes()).build();
        byte[] success = accept.first("MS-CHAP2-Success").orElseThrow().value();
        assertThat(success[0]).isEqualTo((byte) 7); // the MS-CHAP2-Response ident
        assertThat(new String(success, 1, success.length - 1, StandardCharsets.US_ASCII))
                .isEqualTo("S=407A5589115FD0D6209F510FE9C04566932CDA56");
        byte[] sendKey = accept.first("MS-MPPE-Send-Key").orElseThrow().value();
        byte[] recvKey = accept.first("MS-MPPE-Recv-Key").orElseThrow().value();
        assertThat(MppeKeys.decrypt(sendKey, SECRET, request.authenticator()))
                .isEqualTo(hex("8B7CDC149B993A1BA118CB153F56DCCB"));
        assertThat(Arrays.copyOf(sendKey, 2)).isNotEqualTo(Arrays.copyOf(recvKey, 2));
        assertThat(accept.integer("MS-MPPE-Encryption-Policy")).hasValue(1);
    }

    @Test
    void rejectsAWrongPasswordWithMsChapError691() {
        MsChapV2.Outcome outcome = MsChapV2.authenticate(accessRequest(NT_RESPONSE),
                NtResponse.ntPasswordHash("wrongPass"), SECRET);

        assertThat(outcome).isInstanceOfSatisfying(MsChapV2.Rejected.class, rejected -> {
            assertThat(rejected.reason()).contains("NT-Response");
            Attribute error = rejected.replyAttributes().getFirst();
            assertThat(error.vendorId()).isEqualTo(311);
            assertThat(error.vendorType()).isEqualTo(2);
            assertThat(error.asString()).startsWith("\u0007E=691 R=0 C=5B5D7C7D7B3F2F3E3C2C602132262628 V=3");
        });
    }

    @Test
    void rejectsMalformedOrMissingAttributes() {
        RadiusPacket shortResponse = RadiusPacket.request(PacketCode.ACCESS_REQUEST, 1)
                .add("User-Name", "User")
                .add(Attribute.vendorSpecific(311, 11, AUTHENTICATOR_CHALLENGE))
                .add(Attribute.vendorSpecific(311, 25, new byte[49]))
                .build();
        RadiusPacket pap = RadiusPacket.request(PacketCode.ACCESS_REQUEST, 1).add("User-Name", "User").build();

        assertThat(MsChapV2.authenticate(shortResponse, new byte[16], SECRET)).isInstanceOf(MsChapV2.Rejected.class);
        assertThat(MsChapV2.authenticate(pap, new byte[16], SECRET)).isInstanceOf(MsChapV2.Rejected.class);
        assertThat(MsChapV2.isMsChapV2(pap)).isFalse();
        assertThat(MsChapV2.isMsChapV2(shortResponse)).isTrue();
    }

    /** An Access-Request as a NAS sends it: MS-CHAP-Challenge and MS-CHAP2-Response (RFC 2548 §2.3.2). */
    static RadiusPacket accessRequest(byte[] ntResponse) {
        byte[] response = new byte[50];
        response[0] = 7; // Ident
        System.arraycopy(PEER_CHALLENGE, 0, response, 2, 16);
        System.arraycopy(ntResponse, 0, response, 26, 24);
        return RadiusPacket.request(PacketCode.ACCESS_REQUEST, 33)
                .add("User-Name", "User")
                .add(Attribute.vendorSpecific(311, 11, AUTHENTICATOR_CHALLENGE))
                .add(Attribute.vendorSpecific(311, 25, response))
                .build();
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
