package com.traidnet.wificore.realtime.protocol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked examples of Pusher's authentication reference, with its key and secret. */
class SignaturesTest {

    private static final PusherApp APP = new PusherApp("3", "278d425bdf160c739803", "7ad3773142a6692b25b8",
            new byte[32]);

    @Test
    void privateChannelSignatureMatchesPushersExample() {
        assertThat(Signatures.channelAuth(APP, "1234.1234", "private-foobar", null))
                .isEqualTo("278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4");
    }

    @Test
    void presenceSignatureCoversChannelData() {
        String data = "{\"user_id\":10,\"user_info\":{\"name\":\"Mr. Channels\"}}";
        assertThat(Signatures.channelAuth(APP, "1234.1234", "presence-foobar", data))
                .isEqualTo("278d425bdf160c739803:31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80");
    }

    @Test
    void comparisonIsExact() {
        assertThat(Signatures.same("abc", "abc")).isTrue();
        assertThat(Signatures.same("abc", "abd")).isFalse();
        assertThat(Signatures.same("abc", "abcd")).isFalse();
        assertThat(Signatures.same("abc", null)).isFalse();
    }

    @Test
    void sharedSecretOfEncryptedChannelsIsSha256OfNameAndMasterKey() {
        // echo -n "private-encrypted-x" + 32 zero bytes | sha256sum | base64 — the SDKs' derivation
        String secret = APP.sharedSecret("private-encrypted-x");
        assertThat(java.util.Base64.getDecoder().decode(secret)).hasSize(32);
        assertThat(APP.sharedSecret("private-encrypted-y")).isNotEqualTo(secret);
    }
}
