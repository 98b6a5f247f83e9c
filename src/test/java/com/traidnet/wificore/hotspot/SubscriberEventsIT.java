package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.realtime.RealtimeEndpoint;
import com.traidnet.wificore.realtime.protocol.PusherApps;
import com.traidnet.wificore.realtime.protocol.Signatures;
import com.traidnet.wificore.support.IntegrationTest;
import com.traidnet.wificore.support.RawPusherClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.traidnet.wificore.support.Api.JSON;
import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A redeemed voucher puts {@code subscriber.activated} on its own tenant's channel, and nowhere else. */
class SubscriberEventsIT extends IntegrationTest {

    @Autowired
    PusherApps apps;
    @Autowired
    RealtimeEndpoint endpoint;

    @Test
    void activationIsPublishedOnTheTenantsSubscribersChannelOnly() {
        var a = registerTenant("hev_a");
        var b = registerTenant("hev_b");
        String pkg = api().post("/api/packages", HotspotApiIT.pkg("Live 3h"), a.token()).text("id");
        String batch = api().post("/api/vouchers/batches", json("packageId", pkg, "count", 1), a.token()).text("id");
        String code = api().get("/api/vouchers/batches/" + batch + "/codes", a.token()).body()
                .findValuesAsString("code").getFirst();

        try (var watchA = subscribed("private-tenant." + a.id() + ".subscribers");
             var watchB = subscribed("private-tenant." + b.id() + ".subscribers")) {
            var redeemed = api().post("/api/vouchers/redeem", json("code", code, "phone", "0712345678"), a.token());
            assertThat(redeemed.status()).as(redeemed.body().toString()).isEqualTo(200);

            var event = JSON.readTree(watchA.next("subscriber.activated").path("data").asString());
            assertThat(event.path("username").asString()).isEqualTo("254712345678");
            assertThat(event.path("packageName").asString()).isEqualTo("Live 3h");

            // B hears nothing: a marker published on B's channel afterwards is the first thing it gets
            api().post("/api/packages", HotspotApiIT.pkg("B marker"), b.token());
            String bBatch = api().post("/api/vouchers/batches", json("packageId",
                    api().get("/api/packages", b.token()).body().path("items").get(0).path("id").asString(),
                    "count", 1), b.token()).text("id");
            String bCode = api().get("/api/vouchers/batches/" + bBatch + "/codes", b.token()).body()
                    .findValuesAsString("code").getFirst();
            api().post("/api/vouchers/redeem", json("code", bCode, "phone", "0799999999"), b.token());
            var first = JSON.readTree(watchB.next("subscriber.activated").path("data").asString());
            assertThat(first.path("username").asString()).isEqualTo("254799999999");
        }
    }

    private RawPusherClient subscribed(String channel) {
        var client = new RawPusherClient(endpoint.port(), apps.primary().key());
        String auth = Signatures.channelAuth(apps.primary(), client.socketId(), channel, null);
        client.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\",\"auth\":\"" + auth + "\"}}");
        client.next("pusher_internal:subscription_succeeded");
        return client;
    }
}
