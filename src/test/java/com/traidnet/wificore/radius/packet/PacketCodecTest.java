package com.traidnet.wificore.radius.packet;

import static com.traidnet.wificore.radius.packet.Rfc2865ExamplesTest.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PacketCodecTest {

    static final byte[] SECRET = "s3cr3t".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Mikrotik-Rate-Limit             | 2M/4M 0/0 0/0 0/0 8 1M/2M
            Mikrotik-Total-Limit            | 1073741824
            Mikrotik-Total-Limit-Gigawords  | 2
            Mikrotik-Address-List           | paying
            Mikrotik-Host-IP                | 10.5.50.1
            WISPr-Bandwidth-Max-Down        | 4096000
            WISPr-Redirection-URL           | https://portal.example/welcome
            WISPr-Session-Terminate-Time    | 2026-01-31T23:59:59+03:00
            ChilliSpot-Max-Total-Octets     | 500000000
            ChilliSpot-Max-Input-Gigawords  | 1
            ChilliSpot-OriginalURL          | http://neverssl.com/
            MS-MPPE-Encryption-Policy       | Encryption-Allowed
            MS-MPPE-Encryption-Types        | RC4-40or128-bit-Allowed
            MS-CHAP-Challenge               | 0x5b5d7c7d7b3f2f3e3c2c602132262628
            Tenant-ID                       | acme
            """)
    void vendorAttributesRoundTripThroughTheWire(String name, String value) throws RadiusCodecException {
        RadiusPacket request = RadiusPacket.request(PacketCode.ACCESS_REQUEST, 5).add("User-Name", "u").build();
        RadiusPacket accept = request.reply(PacketCode.ACCESS_ACCEPT).add(name, value).build();

        RadiusPacket decoded = PacketCodec.decode(PacketCodec.encode(accept, SECRET));

        Attribute attribute = decoded.first(name).orElseThrow();
        assertThat(attribute.isVendorSpecific()).isTrue();
        assertThat(Dictionary.standard().format(attribute)).isEqualTo(value);
    }

    @Test
    void writesEachVendorAttributeInTheRecommendedLayout() throws RadiusCodecException {
        RadiusPacket request = RadiusPacket.request(PacketCode.ACCESS_REQUEST, 0)
                .authenticator(new byte[16]).add("Tenant-ID", "acme").build();

        byte[] wire = PacketCodec.encode(request, SECRET);

        // RFC 2865 §5.26: 26, length, Vendor-Id 64998 (0x0000fde6), vendor type 1, vendor length, "acme"
        assertThat(Arrays.copyOfRange(wire, 20, wire.length)).isEqualTo(hex("1a0c0000fde60106" + "61636d65"));
    }

    @Test
    void splitsAVendorSpecificAttributeHoldingSeveralSubAttributes() throws RadiusCodecException {
        // one type-26 attribute for vendor 14988 holding Mikrotik-Group "g" and Mikrotik-Realm "r"
        byte[] wire = packet(hex("1a0c00003a8c" + "030367" + "090372"));

        RadiusPacket packet = PacketCodec.decode(wire);

        assertThat(packet.string("Mikrotik-Group")).contains("g");
        assertThat(packet.string("Mikrotik-Realm")).contains("r");
    }

    @Test
    void keepsAMalformedVendorSpecificAttributeAsRawOctets() throws RadiusCodecException {
        // vendor length 9 runs past the attribute: not the recommended layout
        byte[] vsa = hex("00003a8c" + "0809414243");
        byte[] wire = packet(concat(hex("1a0b"), vsa));

        RadiusPacket packet = PacketCodec.decode(wire);

        assertThat(packet.attributes()).containsExactly(Attribute.of(26, vsa));
        assertThat(PacketCodec.encode(packet, SECRET)).isEqualTo(wire);
    }

    @Test
    void keepsVendorSpecificAttributesOfUnknownVendors() throws RadiusCodecException {
        byte[] wire = packet(hex("1a09" + "00000009" + "0103" + "7a"));

        Attribute attribute = PacketCodec.decode(wire).attributes().getFirst();

        assertThat(attribute).isEqualTo(Attribute.vendorSpecific(9, 1, new byte[] {'z'}));
        assertThat(Dictionary.standard().nameOf(attribute)).isEqualTo("Attr-26.9.1");
    }

    @Test
    void ignoresOctetsPastTheLengthField() throws RadiusCodecException {
        byte[] wire = packet(hex("0103" + "61"));
        byte[] padded = Arrays.copyOf(wire, wire.length + 10);

        assertThat(PacketCodec.decode(padded)).isEqualTo(PacketCodec.decode(wire));
    }

    @Test
    void copiesProxyStateIntoTheReplyInOrder() throws RadiusCodecException {
        RadiusPacket request = PacketCodec.decode(packet(hex("2104" + "0102" + "0103" + "61" + "2103" + "03")));

        RadiusPacket reply = request.reply(PacketCode.ACCESS_REJECT).build();

        assertThat(reply.all("Proxy-State")).extracting(Attribute::value)
                .containsExactly(new byte[] {1, 2}, new byte[] {3});
        assertThat(reply.identifier()).isEqualTo(request.identifier());
    }

    @Test
    void refusesAReplyCodeThatDoesNotAnswerTheRequest() throws RadiusCodecException {
        RadiusPacket request = PacketCodec.decode(packet(new byte[0]));

        assertThatThrownBy(() -> request.reply(PacketCode.COA_ACK)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToEncodeMoreThan4096Octets() {
        RadiusPacket.Builder builder = RadiusPacket.request(PacketCode.ACCOUNTING_REQUEST, 1);
        for (int i = 0; i < 17; i++) {
            builder.add(Attribute.of(25, new byte[250]));
        }

        assertThatThrownBy(() -> PacketCodec.encode(builder.build(), SECRET))
                .isInstanceOf(RadiusCodecException.class).hasMessageContaining("4096");
    }

    @Test
    void encodesAnAttributeOfTheMaximumLength() throws RadiusCodecException {
        RadiusPacket packet = RadiusPacket.request(PacketCode.ACCOUNTING_REQUEST, 1)
                .add(Attribute.of(25, new byte[253]))
                .add(Attribute.vendorSpecific(14988, 8, new byte[247]))
                .build();

        assertThat(PacketCodec.decode(PacketCodec.encode(packet, SECRET)).attributes())
                .isEqualTo(packet.attributes());
    }

    @Test
    void attributeValuesAreCopied() {
        byte[] value = {1, 2, 3};
        Attribute attribute = Attribute.of(25, value);
        value[0] = 9;
        attribute.value()[1] = 9;

        assertThat(attribute.value()).containsExactly(1, 2, 3);
    }

    @Test
    void typedAccessorsAreEmptyForTheWrongWidth() {
        assertThat(Attribute.of(5, new byte[3]).asInteger()).isEmpty();
        assertThat(Attribute.of(4, new byte[5]).asIpv4()).isEmpty();
        assertThat(Attribute.of(55, new byte[0]).asDate()).isEmpty();
        assertThat(Attribute.of(95, new byte[4]).asIpv6()).isEmpty();
        assertThat(Attribute.of(46, hex("ffffffff")).asInteger()).hasValue(4294967295L);
    }

    /** A well-formed Access-Request (identifier 1, zero authenticator) around {@code attributes}. */
    static byte[] packet(byte[] attributes) {
        byte[] wire = new byte[20 + attributes.length];
        wire[0] = 1;
        wire[1] = 1;
        wire[2] = (byte) (wire.length >> 8);
        wire[3] = (byte) wire.length;
        System.arraycopy(attributes, 0, wire, 20, attributes.length);
        return wire;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
