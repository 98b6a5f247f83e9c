package com.traidnet.wificore.water;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The signature scheme of docs/water.md, against a vector computed with the documented openssl commands. */
class DeviceKeysTest {

    @Test
    void signatureMatchesTheDocumentedOpensslRecipe() {
        String key = "k3Y-example_0123456789abcdefghijklmnopqrstuv";
        byte[] body = "{\"customerId\":\"5f0c2a5e-1111-4222-8333-944455556666\",\"litres\":2}"
                .getBytes(StandardCharsets.UTF_8);
        String canonical = DeviceKeys.canonical("POST", "/api/devices/v1/authorize", "1767225600", "abc123def456", body);
        String signature = DeviceKeys.sign(key.getBytes(StandardCharsets.UTF_8), canonical);
        assertThat(signature).isEqualTo("dfc5cace2e94539dd3ccb33283eb9d71ba43fdb23abf08151967232f98f0569f");
        assertThat(DeviceKeys.matches(signature, signature.toUpperCase())).isTrue();
        assertThat(DeviceKeys.matches(signature, signature.replace('d', 'e'))).isFalse();
        assertThat(DeviceKeys.matches(signature, null)).isFalse();
    }

    @Test
    void anEmptyBodyHashesToTheSha256OfNothing() {
        assertThat(DeviceKeys.sha256Hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(DeviceKeys.sha256Hex(null)).isEqualTo(DeviceKeys.sha256Hex(new byte[0]));
    }

    @Test
    void deviceIdsAndKeysHaveTheDocumentedShape() {
        assertThat(DeviceKeys.newDeviceId()).matches("WD-[A-HJ-NP-Z2-9]{10}");
        assertThat(DeviceKeys.newSecret()).matches("[A-Za-z0-9_-]{43}");
        assertThat(DeviceKeys.newSecret()).isNotEqualTo(DeviceKeys.newSecret());
    }
}
