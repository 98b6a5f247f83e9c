package com.traidnet.wificore.realtime.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisKeysTest {

    @Test
    void escapedSegmentsNeverContainTheSeparatorAndComeBack() {
        for (String s : new String[] {"", "plain", "a:b", "%", "%3A", "%253A", "::%%", "private-x.y#z@w,v;u=t"}) {
            assertThat(RedisKeys.esc(s)).doesNotContain(":");
            assertThat(RedisKeys.unesc(RedisKeys.esc(s))).isEqualTo(s);
        }
        assertThat(RedisKeys.esc("a:b")).isNotEqualTo(RedisKeys.esc("a%3Ab"));
    }

    @Test
    void keysOfDifferentAppsAndChannelsDiffer() {
        RedisKeys keys = new RedisKeys("p:");

        assertThat(keys.subscriptions("a:b")).isEqualTo("p:app:a%3Ab:subs");
        assertThat(keys.sockets("1", "presence-x")).isEqualTo("p:app:1:pr:presence-x:sockets");
        assertThat(RedisKeys.presenceField("1", "c:d", "1.2")).isEqualTo("1:c%3Ad:1.2");
    }

    @Test
    void prefixGlobMatchesLiterally() {
        assertThat(RedisKeys.startsWithGlob("")).isEqualTo("*");
        assertThat(RedisKeys.startsWithGlob("private-")).isEqualTo("private-*");
        assertThat(RedisKeys.startsWithGlob("a*?[]\\b:")).isEqualTo("a\\*\\?\\[\\]\\\\b%3A*");
    }
}
