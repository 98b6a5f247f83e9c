package com.traidnet.wificore.realtime.protocol;

import com.traidnet.wificore.realtime.cluster.Member;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FramesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void connectionEstablishedCarriesItsDataAsAString() {
        JsonNode frame = JSON.readTree(Frames.connectionEstablished("1.2", 120));
        assertThat(frame.path("event").asString()).isEqualTo("pusher:connection_established");
        JsonNode data = JSON.readTree(frame.path("data").asString());
        assertThat(data.path("socket_id").asString()).isEqualTo("1.2");
        assertThat(data.path("activity_timeout").asInt()).isEqualTo(120);
    }

    @Test
    void eventDataIsQuotedAndEscaped() {
        String tricky = "{\"a\":\"line\\nbreak \\\"quoted\\\" </script>\"}";
        JsonNode frame = JSON.readTree(Frames.event("private-x", "e", tricky));
        assertThat(frame.path("channel").asString()).isEqualTo("private-x");
        assertThat(frame.path("data").asString()).isEqualTo(tricky);
    }

    @Test
    void presenceSucceededListsMembers() {
        JsonNode frame = JSON.readTree(Frames.presenceSucceeded("presence-x",
                List.of(new Member("1", "{\"name\":\"A\"}"), new Member("2", "null"))));
        JsonNode presence = JSON.readTree(frame.path("data").asString()).path("presence");
        assertThat(presence.path("count").asInt()).isEqualTo(2);
        assertThat(presence.path("ids").get(0).asString()).isEqualTo("1");
        assertThat(presence.path("hash").path("1").path("name").asString()).isEqualTo("A");
        assertThat(presence.path("hash").path("2").isNull()).isTrue();
    }

    @Test
    void clientEventsOnPresenceChannelsNameTheSender() {
        JsonNode frame = JSON.readTree(Frames.clientEvent("presence-x", "client-typing", "{\"on\":true}", "7"));
        assertThat(frame.path("user_id").asString()).isEqualTo("7");
        assertThat(frame.path("data").path("on").asBoolean()).isTrue();
        assertThat(JSON.readTree(Frames.clientEvent("private-x", "client-a", "{}", null)).has("user_id")).isFalse();
    }

    @Test
    void errorsCarryCodeOrNull() {
        assertThat(JSON.readTree(Frames.error(ErrorCode.RATE_LIMITED, "slow down")).path("data").path("code").asInt())
                .isEqualTo(4301);
        assertThat(JSON.readTree(Frames.error((Integer) null, "x")).path("data").path("code").isNull()).isTrue();
    }

    @Test
    void malformedInboundFramesAreRefused() {
        for (String bad : List.of("", "not json", "[]", "{\"event\":3}", "{\"data\":{}}")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> InboundMessage.parse(bad))
                    .isInstanceOf(InboundMessage.MalformedFrame.class);
        }
    }
}
