package com.traidnet.wificore.realtime.protocol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelNameTest {

    @Test
    void prefixesGiveTheKind() {
        assertThat(kind("news")).isEqualTo(ChannelKind.PUBLIC);
        assertThat(kind("private-tenant.x.sessions")).isEqualTo(ChannelKind.PRIVATE);
        assertThat(kind("presence-ops")).isEqualTo(ChannelKind.PRESENCE);
        assertThat(kind("private-encrypted-secret")).isEqualTo(ChannelKind.ENCRYPTED);
        assertThat(kind("#server-to-user-42")).isEqualTo(ChannelKind.SERVER_TO_USER);
    }

    @Test
    void cacheChannelsOfEveryKind() {
        assertThat(ChannelName.parse("cache-x", 164).orElseThrow().cache()).isTrue();
        assertThat(ChannelName.parse("private-cache-x", 164).orElseThrow().cache()).isTrue();
        assertThat(ChannelName.parse("presence-cache-x", 164).orElseThrow().cache()).isTrue();
        assertThat(ChannelName.parse("private-encrypted-cache-x", 164).orElseThrow().cache()).isTrue();
        assertThat(ChannelName.parse("x-cache-y", 164).orElseThrow().cache()).isFalse();
    }

    @Test
    void invalidNamesAreRefused() {
        assertThat(ChannelName.parse("", 164)).isEmpty();
        assertThat(ChannelName.parse(null, 164)).isEmpty();
        assertThat(ChannelName.parse("has space", 164)).isEmpty();
        assertThat(ChannelName.parse("slash/no", 164)).isEmpty();
        assertThat(ChannelName.parse("hash#inside", 164)).isEmpty();
        assertThat(ChannelName.parse("#server-to-user-", 164)).isEmpty();
        assertThat(ChannelName.parse("a".repeat(165), 164)).isEmpty();
        assertThat(ChannelName.parse("a".repeat(164), 164)).isPresent();
        assertThat(ChannelName.parse("ok_-=@,.;09AZ", 164)).isPresent();
    }

    private static ChannelKind kind(String name) {
        return ChannelName.parse(name, 164).orElseThrow().kind();
    }
}
