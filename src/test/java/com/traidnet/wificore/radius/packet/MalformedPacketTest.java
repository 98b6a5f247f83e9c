package com.traidnet.wificore.radius.packet;

import static com.traidnet.wificore.radius.packet.PacketCodecTest.packet;
import static com.traidnet.wificore.radius.packet.Rfc2865ExamplesTest.hex;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile input: every malformed datagram is a RadiusCodecException with a reason, nothing else. */
class MalformedPacketTest {

    @Test
    void refusesADatagramShorterThanTheHeader() {
        assertRefused(new byte[19], "shorter than the 20-octet");
        assertRefused(new byte[0], "shorter than the 20-octet");
    }

    @Test
    void refusesALengthFieldOutside20To4096() {
        byte[] wire = packet(new byte[0]);
        wire[3] = 19;
        assertRefused(wire, "outside 20..4096");

        byte[] big = Arrays.copyOf(packet(new byte[0]), 5000);
        big[2] = 0x10;
        big[3] = 0x01; // 4097
        assertRefused(big, "outside 20..4096");
    }

    @Test
    void refusesALengthFieldBeyondTheDatagram() {
        byte[] wire = packet(hex("0103" + "61"));
        assertRefused(Arrays.copyOf(wire, wire.length - 1), "exceeds the 22 octets received");
    }

    @Test
    void refusesAnUnknownCode() {
        byte[] wire = packet(new byte[0]);
        wire[0] = 99;
        assertRefused(wire, "unknown packet code 99");
    }

    @Test
    void refusesAttributesShorterThanTwoOrPastThePacket() {
        assertRefused(packet(hex("0101")), "less than 2");
        assertRefused(packet(hex("0105" + "6162")), "past the end");
        assertRefused(packet(hex("01")), "truncated");
    }

    @Test
    void refusesAttributeTypeZero() {
        assertRefused(packet(hex("0003" + "61")), "reserved");
    }

    @Test
    void refusesAMessageAuthenticatorThatIsNot16Octets() {
        assertRefused(packet(hex("5004" + "0000")), "Message-Authenticator");
    }

    @Test
    void acceptsAnEmptyAttribute() throws RadiusCodecException {
        assertThat(PacketCodec.decode(packet(hex("1202"))).string("Reply-Message")).contains("");
    }

    @Test
    void refusesAUserPasswordThatIsNotWholeBlocks() throws RadiusCodecException {
        RadiusPacket request = PacketCodec.decode(packet(hex("0205" + "616263")));

        assertThatThrownBy(() -> UserPassword.of(request, "s".getBytes()))
                .isInstanceOf(RadiusCodecException.class).hasMessageContaining("RFC 2865 §5.2");
    }

    @Test
    void randomDatagramsOnlyEverFailWithRadiusCodecException() {
        Random random = new Random(2865);
        for (int i = 0; i < 20_000; i++) {
            byte[] datagram = new byte[random.nextInt(120)];
            random.nextBytes(datagram);
            if (datagram.length >= 4 && random.nextBoolean()) {
                // make the header plausible so the attribute parser gets exercised too
                datagram[0] = (byte) (random.nextBoolean() ? 1 : 4);
                datagram[2] = 0;
                datagram[3] = (byte) Math.max(20, datagram.length - random.nextInt(3));
            }
            assertOnlyCodecFailures(datagram);
        }
    }

    @Test
    void everyTruncationAndBitFlipOfAValidPacketOnlyFailsWithRadiusCodecException() throws RadiusCodecException {
        byte[] valid = PacketCodec.encode(RadiusPacket.request(PacketCode.ACCOUNTING_REQUEST, 3)
                .messageAuthenticator()
                .add("User-Name", "alice")
                .add("Mikrotik-Rate-Limit", "1M/2M")
                .add("Acct-Status-Type", "Interim-Update")
                .build(), "k".getBytes());
        for (int cut = 0; cut <= valid.length; cut++) {
            assertOnlyCodecFailures(Arrays.copyOf(valid, cut));
        }
        for (int bit = 0; bit < valid.length * 8; bit++) {
            byte[] flipped = valid.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertOnlyCodecFailures(flipped);
            assertThat(Authenticators.verifyRequest(flipped, "k".getBytes())).isFalse();
        }
    }

    private static void assertOnlyCodecFailures(byte[] datagram) {
        try {
            RadiusPacket packet = PacketCodec.decode(datagram);
            packet.attributes().forEach(Attribute::toString);
            Authenticators.verifyRequest(datagram, "secret".getBytes());
            Authenticators.verifyReply(datagram, new byte[16], "secret".getBytes());
        } catch (RadiusCodecException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    private static void assertRefused(byte[] datagram, String reason) {
        assertThatThrownBy(() -> PacketCodec.decode(datagram))
                .isInstanceOf(RadiusCodecException.class)
                .hasMessageContaining(reason);
    }
}
