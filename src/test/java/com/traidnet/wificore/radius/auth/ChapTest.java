package com.traidnet.wificore.radius.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.traidnet.wificore.radius.packet.Attribute;
import com.traidnet.wificore.radius.packet.PacketCode;
import com.traidnet.wificore.radius.packet.RadiusPacket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** CHAP-Password values computed independently (Python hashlib) from RFC 1994 §4.1. */
class ChapTest {

    static final byte[] PASSWORD = "s3cret!".getBytes(StandardCharsets.UTF_8);
    static final byte[] CHALLENGE = hex("00112233445566778899aabbccddeeff");
    static final byte[] CHAP_PASSWORD = hex("2a788012fc216e9053533e638ad0478a1f"); // ident 0x2a + MD5

    @Test
    void verifiesAgainstTheChapChallengeAttribute() {
        RadiusPacket request = RadiusPacket.request(PacketCode.ACCESS_REQUEST, 1)
                .add(Attribute.of(3, CHAP_PASSWORD))
                .add(Attribute.of(60, CHALLENGE))
                .build();

        assertThat(Chap.isChap(request)).isTrue();
        assertThat(Chap.verify(request, PASSWORD)).isTrue();
        assertThat(Chap.verify(request, "s3cret?".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void usesTheRequestAuthenticatorWhenThereIsNoChapChallenge() {
        RadiusPacket request = RadiusPacket.request(PacketCode.ACCESS_REQUEST, 1)
                .authenticator(CHALLENGE)
                .add(Attribute.of(3, CHAP_PASSWORD))
                .build();
        RadiusPacket otherAuthenticator = RadiusPacket.request(PacketCode.ACCESS_REQUEST, 1)
                .add(Attribute.of(3, CHAP_PASSWORD))
                .build();

        assertThat(Chap.verify(request, PASSWORD)).isTrue();
        assertThat(Chap.verify(otherAuthenticator, PASSWORD)).isFalse();
    }

    @Test
    void refusesAMalformedChapPassword() {
        RadiusPacket request = RadiusPacket.request(PacketCode.ACCESS_REQUEST, 1)
                .authenticator(CHALLENGE)
                .add(Attribute.of(3, new byte[16]))
                .build();

        assertThat(Chap.verify(request, PASSWORD)).isFalse();
        assertThat(Chap.isChap(RadiusPacket.request(PacketCode.ACCESS_REQUEST, 1).build())).isFalse();
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
