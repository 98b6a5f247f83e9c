package com.traidnet.wificore.radius.packet;

import static com.traidnet.wificore.radius.packet.Rfc2865ExamplesTest.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Request, Response and Message-Authenticators. Expected octets were computed independently
 * (Python hashlib/hmac) from the RFC formulas, not by this code.
 */
class AuthenticatorsTest {

    static final byte[] SECRET = "testing123".getBytes(StandardCharsets.US_ASCII);
    static final byte[] REQUEST_AUTHENTICATOR = hex("000102030405060708090a0b0c0d0e0f");

    static final byte[] ACCOUNTING_START = hex("0407002cb1c8feee730eb595a11b09664bd804952806000000012c05616263"
            + "0107616c69636504060a000001");
    static final byte[] ACCESS_REQUEST_WITH_MA = hex("012a002b000102030405060708090a0b0c0d0e0f501228979956e03e2ffa"
            + "563dad7a07d855a20105626f62");
    static final byte[] ACCESS_ACCEPT_WITH_MA = hex("022a002f869719d2d97a90528536d86f3196dacd501230671d8524a89954"
            + "427f22837c7c09f1120977656c636f6d65");
    static final byte[] COA_WITH_MA = hex("2b0900348e8333a7187429d421495cfed1d41c0b50120805bb513e42c9fb2a4373c0"
            + "1c162cd52c08736573732d311b0600000e10");

    @Test
    void computesTheAccountingRequestAuthenticator() throws RadiusCodecException {
        RadiusPacket start = RadiusPacket.request(PacketCode.ACCOUNTING_REQUEST, 7)
                .add("Acct-Status-Type", "Start")
                .add("Acct-Session-Id", "abc")
                .add("User-Name", "alice")
                .add("NAS-IP-Address", "10.0.0.1")
                .build();

        assertThat(PacketCodec.encode(start, SECRET)).isEqualTo(ACCOUNTING_START);
    }

    @Test
    void verifiesAnAccountingRequestRoundTrip() throws RadiusCodecException {
        assertThat(Authenticators.verifyRequest(ACCOUNTING_START, SECRET)).isTrue();
        assertThat(Authenticators.verifyRequest(ACCOUNTING_START, "other".getBytes())).isFalse();

        RadiusPacket decoded = PacketCodec.decode(ACCOUNTING_START);
        assertThat(decoded.integer("Acct-Status-Type")).hasValue(1);
        assertThat(PacketCodec.encode(decoded, SECRET)).isEqualTo(ACCOUNTING_START);
    }

    @Test
    void rejectsATamperedAccountingRequest() {
        byte[] tampered = ACCOUNTING_START.clone();
        tampered[tampered.length - 1] ^= 1; // NAS-IP-Address 10.0.0.0

        assertThat(Authenticators.verifyRequest(tampered, SECRET)).isFalse();
    }

    @Test
    void computesTheMessageAuthenticatorOfAnAccessRequest() throws RadiusCodecException {
        RadiusPacket request = RadiusPacket.request(PacketCode.ACCESS_REQUEST, 42)
                .authenticator(REQUEST_AUTHENTICATOR)
                .messageAuthenticator()
                .add("User-Name", "bob")
                .build();

        byte[] wire = PacketCodec.encode(request, SECRET);

        assertThat(wire).isEqualTo(ACCESS_REQUEST_WITH_MA);
        assertThat(Authenticators.verifyRequest(wire, SECRET)).isTrue();
    }

    @Test
    void rejectsAnAccessRequestWhoseMessageAuthenticatorDoesNotMatch() {
        byte[] tampered = ACCESS_REQUEST_WITH_MA.clone();
        tampered[tampered.length - 1] = 'x'; // User-Name "box"
        byte[] wrongAuthenticator = ACCESS_REQUEST_WITH_MA.clone();
        wrongAuthenticator[4] ^= 1;

        assertThat(Authenticators.verifyRequest(tampered, SECRET)).isFalse();
        assertThat(Authenticators.verifyRequest(wrongAuthenticator, SECRET)).isFalse();
        assertThat(Authenticators.verifyRequest(ACCESS_REQUEST_WITH_MA, "testing124".getBytes())).isFalse();
    }

    @Test
    void signsAReplyWithMessageAuthenticatorOverTheRequestAuthenticator() throws RadiusCodecException {
        RadiusPacket request = PacketCodec.decode(ACCESS_REQUEST_WITH_MA);

        RadiusPacket accept = request.reply(PacketCode.ACCESS_ACCEPT)
                .messageAuthenticator()
                .add("Reply-Message", "welcome")
                .build();
        byte[] wire = PacketCodec.encode(accept, SECRET);

        assertThat(wire).isEqualTo(ACCESS_ACCEPT_WITH_MA);
        assertThat(Authenticators.verifyReply(wire, REQUEST_AUTHENTICATOR, SECRET)).isTrue();
    }

    @Test
    void rejectsAReplyWithATamperedMessageAuthenticator() {
        byte[] tampered = ACCESS_ACCEPT_WITH_MA.clone();
        tampered[22] ^= 1; // first octet of the Message-Authenticator value

        assertThat(Authenticators.verifyReply(tampered, REQUEST_AUTHENTICATOR, SECRET)).isFalse();
    }

    @Test
    void signsACoaRequestWithTheMessageAuthenticatorComputedFirstOverZeros() throws RadiusCodecException {
        RadiusPacket coa = RadiusPacket.request(PacketCode.COA_REQUEST, 9)
                .messageAuthenticator()
                .add("Acct-Session-Id", "sess-1")
                .add("Session-Timeout", "3600")
                .build();

        byte[] wire = PacketCodec.encode(coa, SECRET);

        assertThat(wire).isEqualTo(COA_WITH_MA);
        assertThat(Authenticators.verifyRequest(wire, SECRET)).isTrue();
    }

    @Test
    void verifiesDisconnectRequestAndItsAck() throws RadiusCodecException {
        RadiusPacket disconnect = RadiusPacket.request(PacketCode.DISCONNECT_REQUEST, 200)
                .add("User-Name", "alice")
                .add("Acct-Session-Id", "81a00005")
                .build();
        byte[] request = PacketCodec.encode(disconnect, SECRET);
        assertThat(Authenticators.verifyRequest(request, SECRET)).isTrue();

        RadiusPacket received = PacketCodec.decode(request);
        byte[] nak = PacketCodec.encode(received.reply(PacketCode.DISCONNECT_NAK)
                .add("Error-Cause", "Session-Context-Not-Found").build(), SECRET);

        assertThat(Authenticators.verifyReply(nak, received.authenticator(), SECRET)).isTrue();
        assertThat(PacketCodec.decode(nak).integer("Error-Cause")).hasValue(503);
    }

    @Test
    void requiresAMessageAuthenticatorOnStatusServerAndEap() throws RadiusCodecException {
        byte[] bareStatus = PacketCodec.encode(RadiusPacket.request(PacketCode.STATUS_SERVER, 1).build(), SECRET);
        byte[] signedStatus = PacketCodec.encode(
                RadiusPacket.request(PacketCode.STATUS_SERVER, 1).messageAuthenticator().build(), SECRET);
        byte[] bareEap = PacketCodec.encode(RadiusPacket.request(PacketCode.ACCESS_REQUEST, 2)
                .add("EAP-Message", "0x0201000601").build(), SECRET);

        assertThat(Authenticators.verifyRequest(bareStatus, SECRET)).isFalse();
        assertThat(Authenticators.verifyRequest(signedStatus, SECRET)).isTrue();
        assertThat(Authenticators.verifyRequest(bareEap, SECRET)).isFalse();
    }

    @Test
    void verifiesOnlyTheOctetsTheLengthFieldCovers() {
        byte[] padded = Arrays.copyOf(ACCOUNTING_START, ACCOUNTING_START.length + 7);

        assertThat(Authenticators.verifyRequest(padded, SECRET)).isTrue();
    }

    @Test
    void refusesRepliesAsRequestsAndGarbage() {
        assertThat(Authenticators.verifyRequest(ACCESS_ACCEPT_WITH_MA, SECRET)).isFalse();
        assertThat(Authenticators.verifyReply(ACCOUNTING_START, REQUEST_AUTHENTICATOR, SECRET)).isFalse();
        assertThat(Authenticators.verifyRequest(new byte[3], SECRET)).isFalse();
    }

    @Test
    void refusesAnEmptySecret() {
        assertThatThrownBy(() -> Authenticators.verifyRequest(ACCOUNTING_START, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
