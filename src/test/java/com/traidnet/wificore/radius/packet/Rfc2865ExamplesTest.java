package com.traidnet.wificore.radius.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The example packets of RFC 2865 §7, decoded, re-encoded and (where the RFC gives the secret) verified. */
class Rfc2865ExamplesTest {

    static final byte[] SECRET = "xyzzy5461".getBytes(StandardCharsets.US_ASCII);

    // RFC 2865 §7.1: User Telnet to Specified Host
    static final byte[] TELNET_REQUEST = hex("""
            01 00 00 38 0f 40 3f 94 73 97 80 57 bd 83 d5 cb
            98 f4 22 7a 01 06 6e 65 6d 6f 02 12 0d be 70 8d
            93 d4 13 ce 31 96 e4 3f 78 2a 0a ee 04 06 c0 a8
            01 10 05 06 00 00 00 03""");
    static final byte[] TELNET_ACCEPT = hex("""
            02 00 00 26 86 fe 22 0e 76 24 ba 2a 10 05 f6 bf
            9b 55 e0 b2 06 06 00 00 00 01 0f 06 00 00 00 00
            0e 06 c0 a8 01 03""");
    // RFC 2865 §7.2: Framed User Authenticating with CHAP
    static final byte[] CHAP_REQUEST = hex("""
            01 01 00 47 2a ee 86 f0 8d 0d 55 96 9c a5 97 8e
            0d 33 67 a2 01 08 66 6c 6f 70 73 79 03 13 16 e9
            75 57 c3 16 18 58 95 f2 93 ff 63 44 07 72 75 04
            06 c0 a8 01 10 05 06 00 00 00 14 06 06 00 00 00
            02 07 06 00 00 00 01""");
    // RFC 2865 §7.3: Access-Challenge
    static final byte[] CHALLENGE = hex("""
            0b 02 00 4e 36 f3 c8 76 4a e8 c7 11 57 40 3c 0c
            71 ff 9c 45 12 30 43 68 61 6c 6c 65 6e 67 65 20
            33 32 37 36 39 34 33 30 2e 20 20 45 6e 74 65 72
            20 72 65 73 70 6f 6e 73 65 20 61 74 20 70 72 6f
            6d 70 74 2e 18 0a 33 32 37 36 39 34 33 30""");

    @Test
    void decodesTheTelnetAccessRequest() throws RadiusCodecException {
        RadiusPacket request = PacketCodec.decode(TELNET_REQUEST);

        assertThat(request.code()).isEqualTo(PacketCode.ACCESS_REQUEST);
        assertThat(request.identifier()).isZero();
        assertThat(request.string("User-Name")).contains("nemo");
        assertThat(request.first("NAS-IP-Address").flatMap(Attribute::asIpv4))
                .hasValueSatisfying(a -> assertThat(a.getHostAddress()).isEqualTo("192.168.1.16"));
        assertThat(request.integer("NAS-Port")).hasValue(3);
    }

    @Test
    void unhidesTheUserPasswordWithTheSharedSecret() throws RadiusCodecException {
        RadiusPacket request = PacketCodec.decode(TELNET_REQUEST);

        assertThat(UserPassword.of(request, SECRET)).hasValueSatisfying(
                p -> assertThat(new String(p, StandardCharsets.UTF_8)).isEqualTo("arctangent"));
    }

    @Test
    void hidesTheUserPasswordAsTheRfcShows() throws RadiusCodecException {
        RadiusPacket request = PacketCodec.decode(TELNET_REQUEST);

        byte[] hidden = UserPassword.hide("arctangent".getBytes(StandardCharsets.UTF_8), SECRET, request.authenticator());

        assertThat(hidden).isEqualTo(request.first("User-Password").orElseThrow().value());
    }

    @Test
    void reEncodesTheAccessRequestOctetForOctet() throws RadiusCodecException {
        assertThat(PacketCodec.encode(PacketCodec.decode(TELNET_REQUEST), SECRET)).isEqualTo(TELNET_REQUEST);
    }

    @Test
    void buildsTheAccessAcceptWithTheRfcsResponseAuthenticator() throws RadiusCodecException {
        RadiusPacket request = PacketCodec.decode(TELNET_REQUEST);

        RadiusPacket accept = request.reply(PacketCode.ACCESS_ACCEPT)
                .add("Service-Type", "Login-User")
                .add("Login-Service", "Telnet")
                .add("Login-IP-Host", "192.168.1.3")
                .build();

        assertThat(PacketCodec.encode(accept, SECRET)).isEqualTo(TELNET_ACCEPT);
    }

    @Test
    void verifiesTheRfcsAccessAccept() {
        byte[] requestAuthenticator = java.util.Arrays.copyOfRange(TELNET_REQUEST, 4, 20);

        assertThat(Authenticators.verifyReply(TELNET_ACCEPT, requestAuthenticator, SECRET)).isTrue();
        assertThat(Authenticators.verifyReply(TELNET_ACCEPT, requestAuthenticator, "wrong".getBytes())).isFalse();
        assertThat(Authenticators.verifyReply(TELNET_ACCEPT, new byte[16], SECRET)).isFalse();
    }

    @Test
    void decodesTheChapRequest() throws RadiusCodecException {
        RadiusPacket request = PacketCodec.decode(CHAP_REQUEST);

        assertThat(request.identifier()).isEqualTo(1);
        assertThat(request.string("User-Name")).contains("flopsy");
        byte[] chapPassword = request.first("CHAP-Password").orElseThrow().value();
        assertThat(chapPassword).hasSize(17).startsWith(22);
        assertThat(request.integer("NAS-Port")).hasValue(20);
        assertThat(Dictionary.standard().format(request.first("Service-Type").orElseThrow())).isEqualTo("Framed-User");
        assertThat(Dictionary.standard().format(request.first("Framed-Protocol").orElseThrow())).isEqualTo("PPP");
        assertThat(PacketCodec.encode(request, SECRET)).isEqualTo(CHAP_REQUEST);
    }

    @Test
    void decodesTheAccessChallenge() throws RadiusCodecException {
        RadiusPacket challenge = PacketCodec.decode(CHALLENGE);

        assertThat(challenge.code()).isEqualTo(PacketCode.ACCESS_CHALLENGE);
        assertThat(challenge.string("Reply-Message")).contains("Challenge 32769430.  Enter response at prompt.");
        assertThat(challenge.string("State")).contains("32769430");
    }

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replaceAll("\\s", ""));
    }
}
