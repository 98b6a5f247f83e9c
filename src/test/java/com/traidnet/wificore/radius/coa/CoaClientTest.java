package com.traidnet.wificore.radius.coa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.traidnet.wificore.radius.packet.Attribute;
import com.traidnet.wificore.radius.packet.Authenticators;
import com.traidnet.wificore.radius.packet.Dictionary;
import com.traidnet.wificore.radius.packet.PacketCode;
import com.traidnet.wificore.radius.packet.PacketCodec;
import com.traidnet.wificore.radius.packet.RadiusCodecException;
import com.traidnet.wificore.radius.packet.RadiusPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Building requests and judging replies, without sockets. The NAS side is in {@link CoaClientIT}. */
class CoaClientTest {

    static final byte[] SECRET = "coa-secret".getBytes(StandardCharsets.US_ASCII);
    static final InetSocketAddress NAS = new InetSocketAddress("127.0.0.1", 3799);
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    static final List<Attribute> SESSION = List.of(
            attribute("User-Name", "alice"), attribute("Acct-Session-Id", "8000001A"),
            attribute("Framed-IP-Address", "10.5.0.23"));

    final CoaClient client = new CoaClient(CoaSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void signsTheRequestForTheNas() throws RadiusCodecException {
        byte[] wire = client.encode(PacketCode.DISCONNECT_REQUEST, SECRET, SESSION);

        assertThat(Authenticators.verifyRequest(wire, SECRET)).isTrue();
        assertThat(Authenticators.verifyRequest(wire, "other".getBytes())).isFalse();
        RadiusPacket request = PacketCodec.decode(wire);
        assertThat(request.code()).isEqualTo(PacketCode.DISCONNECT_REQUEST);
        assertThat(request.attributes().getFirst().type()).as("Message-Authenticator first").isEqualTo(80);
        assertThat(request.attributes()).containsAll(SESSION);
        assertThat(request.first("Event-Timestamp").flatMap(Attribute::asDate)).contains(NOW);
    }

    @Test
    void keepsTheCallersEventTimestamp() throws RadiusCodecException {
        Attribute earlier = attribute("Event-Timestamp", "2025-03-01T11:59:00Z");

        RadiusPacket request = PacketCodec.decode(client.encode(PacketCode.COA_REQUEST, SECRET, List.of(earlier)));

        assertThat(request.all("Event-Timestamp")).containsExactly(earlier);
    }

    @Test
    void variesTheIdentifier() throws RadiusCodecException {
        byte[] first = client.encode(PacketCode.COA_REQUEST, SECRET, SESSION);
        byte[] second = client.encode(PacketCode.COA_REQUEST, SECRET, SESSION);

        assertThat(second[1]).isNotEqualTo(first[1]);
    }

    @Test
    void refusesWhatIsNotDynamicAuthorization() {
        assertThatThrownBy(() -> client.send(PacketCode.ACCESS_REQUEST, NAS, SECRET, SESSION))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.disconnect(NAS, new byte[0], SESSION))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failsWithoutSendingWhatCannotBeSent() {
        var unresolved = InetSocketAddress.createUnresolved("nas.invalid", 3799);
        List<Attribute> tooMany = java.util.Collections.nCopies(20, Attribute.of(18, "x".repeat(253)));

        assertThat(client.disconnect(unresolved, SECRET, SESSION).join()).isInstanceOf(CoaOutcome.Failed.class);
        assertThat(client.coa(NAS, SECRET, tooMany).join())
                .isInstanceOfSatisfying(CoaOutcome.Failed.class, f -> assertThat(f.reason()).contains("4096"));
    }

    @Test
    void acceptsAnAckOrNakThatAnswersTheRequest() throws RadiusCodecException {
        SentRequest sent = sent(PacketCode.DISCONNECT_REQUEST);

        assertThat(Reply.classify(reply(sent, PacketCode.DISCONNECT_ACK, SECRET), NAS, sent))
                .isEqualTo(new Reply.Answer(PacketCode.DISCONNECT_ACK, null));
        assertThat(Reply.classify(reply(sent, PacketCode.DISCONNECT_NAK, SECRET,
                attribute("Error-Cause", "Session-Context-Not-Found")), NAS, sent))
                .isEqualTo(new Reply.Answer(PacketCode.DISCONNECT_NAK, 503));
        assertThat(new Reply.Answer(PacketCode.DISCONNECT_NAK, 503).outcome(2)).isEqualTo(new CoaOutcome.Nak(2, 503));
        assertThat(new Reply.Answer(PacketCode.COA_ACK, null).outcome(1)).isEqualTo(new CoaOutcome.Ack(1));
    }

    @Test
    void acceptsAReplyWithoutMessageAuthenticator() throws RadiusCodecException {
        SentRequest sent = sent(PacketCode.COA_REQUEST);
        RadiusPacket request = PacketCodec.decode(sent.wire());
        byte[] plain = PacketCodec.encode(request.reply(PacketCode.COA_ACK).build(), SECRET);

        assertThat(Reply.classify(plain, NAS, sent)).isInstanceOf(Reply.Answer.class);
    }

    @Test
    void discardsWhatDoesNotAnswerTheRequest() throws RadiusCodecException {
        SentRequest sent = sent(PacketCode.DISCONNECT_REQUEST);
        byte[] good = reply(sent, PacketCode.DISCONNECT_ACK, SECRET);
        byte[] otherIdentifier = good.clone();
        otherIdentifier[1]++;
        byte[] tamperedMessageAuthenticator = good.clone();
        tamperedMessageAuthenticator[22] ^= 1;

        assertBogus(Reply.classify(good, new InetSocketAddress("127.0.0.2", 3799), sent), "not the NAS");
        assertBogus(Reply.classify(good, new InetSocketAddress("127.0.0.1", 3800), sent), "not the NAS");
        assertBogus(Reply.classify(otherIdentifier, NAS, sent), "identifier");
        assertBogus(Reply.classify(reply(sent, PacketCode.DISCONNECT_ACK, "wrong".getBytes()), NAS, sent), "secret");
        assertBogus(Reply.classify(tamperedMessageAuthenticator, NAS, sent), "secret");
        assertBogus(Reply.classify(java.util.Arrays.copyOf(good, 19), NAS, sent), "malformed");
        assertBogus(Reply.classify(sent.wire(), NAS, sent), "does not answer"); // our own request echoed
    }

    @Test
    void discardsTheOtherKindOfAnswer() throws RadiusCodecException {
        SentRequest disconnect = sent(PacketCode.DISCONNECT_REQUEST);
        RadiusPacket request = PacketCodec.decode(disconnect.wire());
        RadiusPacket coaAck = new RadiusPacket(PacketCode.COA_ACK, request.identifier(), request.authenticator(),
                List.of());

        assertBogus(Reply.classify(PacketCodec.encode(coaAck, SECRET), NAS, disconnect), "does not answer");
    }

    private SentRequest sent(PacketCode code) throws RadiusCodecException {
        return new SentRequest(NAS, code, client.encode(code, SECRET, SESSION), SECRET);
    }

    private static byte[] reply(SentRequest sent, PacketCode code, byte[] secret, Attribute... attributes)
            throws RadiusCodecException {
        RadiusPacket request = PacketCodec.decode(sent.wire());
        return PacketCodec.encode(request.reply(code).messageAuthenticator().addAll(List.of(attributes)).build(), secret);
    }

    private static void assertBogus(Reply reply, String why) {
        assertThat(reply).isInstanceOfSatisfying(Reply.Bogus.class, b -> assertThat(b.why()).contains(why));
    }

    static Attribute attribute(String name, String value) {
        return Dictionary.standard().attribute(name, value);
    }
}
