package com.traidnet.wificore.realtime.cluster;

import com.traidnet.wificore.support.TestDatabase;
import com.traidnet.wificore.support.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/**
 * Several {@link RedisFanout} nodes on one real Redis ({@link TestRedis}), each with a
 * listener that records what it is told. Every test uses its own key prefix, so tests that
 * share the Redis never see each other's nodes, channels or sweeps.
 */
class RedisFanoutIT {

    static final String APP = "app-1";
    static final Duration HEARTBEAT = Duration.ofMillis(200);
    static final Duration WAIT = Duration.ofSeconds(10);

    /** What one node's server was told by its fan-out. */
    static final class Recorder implements ClusterListener {
        final List<Broadcast> delivered = new CopyOnWriteArrayList<>();
        final List<String> terminated = new CopyOnWriteArrayList<>();
        final List<String> membersGone = new CopyOnWriteArrayList<>();
        final List<String> channelsGone = new CopyOnWriteArrayList<>();

        @Override
        public void deliver(Broadcast message) {
            delivered.add(message);
        }

        @Override
        public void terminateUser(String appId, String userId) {
            terminated.add(appId + "/" + userId);
        }

        @Override
        public void memberGone(String appId, String channel, String userId) {
            membersGone.add(appId + "/" + channel + "/" + userId);
        }

        @Override
        public void channelGone(String appId, String channel) {
            channelsGone.add(appId + "/" + channel);
        }

        final List<String> membersBack = new CopyOnWriteArrayList<>();

        @Override
        public void memberBack(String appId, String channel, Member member) {
            membersBack.add(appId + "/" + channel + "/" + member.userId());
        }
    }

    static RedisClient inspector;
    static RedisCommands<String, String> redis;

    String prefix;
    final List<RedisFanout> nodes = new ArrayList<>();
    final List<Recorder> recorders = new ArrayList<>();

    @BeforeAll
    static void connectInspector() {
        inspector = RedisClient.create(TestRedis.url());
        StatefulRedisConnection<String, String> connection = inspector.connect();
        redis = connection.sync();
    }

    @AfterAll
    static void closeInspector() {
        inspector.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    @BeforeEach
    void uniquePrefix() {
        prefix = "wificore:rt:test-" + UUID.randomUUID() + ":";
    }

    @AfterEach
    void closeNodes() {
        nodes.forEach(RedisFanout::close);
    }

    RedisFanout node(String id) {
        return node(id, TestRedis.url());
    }

    RedisFanout node(String id, String url) {
        RedisFanout node = new RedisFanout(url, id, HEARTBEAT, Clock.systemUTC(), prefix);
        Recorder recorder = new Recorder();
        node.start(recorder);
        nodes.add(node);
        recorders.add(recorder);
        return node;
    }

    Recorder recorder(RedisFanout node) {
        return recorders.get(nodes.indexOf(node));
    }

    /** Everything every node was told, to check a cluster-wide report came exactly once. */
    List<String> all(java.util.function.Function<Recorder, List<String>> what) {
        return recorders.stream().flatMap(r -> what.apply(r).stream()).toList();
    }

    @Test
    void broadcastReachesEveryNodeExactlyOnce() throws InterruptedException {
        RedisFanout n1 = node("n1");
        RedisFanout n2 = node("n2");
        RedisFanout n3 = node("n3");
        String channel = "private-tenant.7.a-b#c@d,e;f=g";
        String frame = "{\"event\":\"x\",\"data\":\"" + "é:\\\"-9:é ".repeat(1000) + "\"}";
        Broadcast sent = new Broadcast(APP, channel, frame, "123.456");
        Broadcast noExcept = new Broadcast(APP, channel, "{}", null);

        n2.broadcast(sent);
        n2.broadcast(noExcept);

        assertThat(recorder(n2).delivered).containsExactly(sent, noExcept); // locally, at once
        await().atMost(WAIT).until(() -> recorder(n1).delivered.size() == 2 && recorder(n3).delivered.size() == 2);
        Thread.sleep(300); // long enough for a duplicate or an echo of n2's own message to arrive
        assertThat(recorder(n1).delivered).containsExactly(sent, noExcept);
        assertThat(recorder(n3).delivered).containsExactly(sent, noExcept);
        assertThat(recorder(n2).delivered).containsExactly(sent, noExcept);
    }

    @Test
    void subscriptionCountsAreClusterWide() {
        RedisFanout n1 = node("n1");
        RedisFanout n2 = node("n2");

        assertThat(n1.subscribed(APP, "private-a")).isEqualTo(1);
        assertThat(n2.subscribed(APP, "private-a")).isEqualTo(2);
        assertThat(n1.subscribed(APP, "private-a")).isEqualTo(3);
        assertThat(n2.channel(APP, "private-a")).isEqualTo(new ChannelStats(3, 0));

        assertThat(n2.unsubscribed(APP, "private-a")).isEqualTo(2);
        // n2 holds none any more: its extra unsubscribe must not take n1's subscriptions away
        assertThat(n2.unsubscribed(APP, "private-a")).isEqualTo(2);
        assertThat(n1.unsubscribed(APP, "private-a")).isEqualTo(1);
        assertThat(n1.unsubscribed(APP, "private-a")).isZero();
        assertThat(n2.channel(APP, "private-a")).isEqualTo(ChannelStats.EMPTY);
        assertThat(n1.channels(APP, "")).isEmpty();
    }

    @Test
    void presenceIsClusterWideWithOneMemberPerUser() {
        RedisFanout n1 = node("n1");
        RedisFanout n2 = node("n2");
        String ch = "presence-tenant.7.room";
        n1.subscribed(APP, ch);
        n2.subscribed(APP, ch);
        n2.subscribed(APP, ch);

        assertThat(n1.joined(APP, ch, "1.1", new Member("alice", "{\"name\":\"Alice\"}"))).isTrue();
        assertThat(n2.joined(APP, ch, "2.1", new Member("alice", "{\"name\":\"Alice\"}"))).isFalse();
        assertThat(n2.joined(APP, ch, "2.2", new Member("bob:1", null))).isTrue();

        assertThat(n1.members(APP, ch)).containsExactlyInAnyOrder(
                new Member("alice", "{\"name\":\"Alice\"}"), new Member("bob:1", null));
        assertThat(n1.channel(APP, ch)).isEqualTo(new ChannelStats(3, 2));

        assertThat(n1.left(APP, ch, "1.1", "bob:1")).as("socket belongs to alice").isFalse();
        assertThat(n1.left(APP, ch, "9.9", "alice")).as("unknown socket").isFalse();
        assertThat(n1.left(APP, ch, "1.1", "alice")).as("alice still on n2").isFalse();
        assertThat(n2.members(APP, ch)).hasSize(2);
        assertThat(n2.left(APP, ch, "2.1", "alice")).as("alice's last connection").isTrue();
        assertThat(n2.left(APP, ch, "2.1", "alice")).as("twice").isFalse();
        assertThat(n1.members(APP, ch)).containsExactly(new Member("bob:1", null));
        assertThat(n1.channel(APP, ch).userCount()).isEqualTo(1);
    }

    @Test
    void channelsListsOccupiedChannelsByPrefixAcrossNodes() {
        RedisFanout n1 = node("n1");
        RedisFanout n2 = node("n2");
        n1.subscribed(APP, "private-tenant.1.sessions");
        n2.subscribed(APP, "private-tenant.1.sessions");
        n2.subscribed(APP, "private-tenant.2.sessions");
        n1.subscribed(APP, "presence-tenant.1.room");
        n2.joined(APP, "presence-tenant.1.room", "2.1", new Member("u1", null));
        n1.subscribed(APP, "public");
        n1.subscribed(APP, "gone");
        n1.unsubscribed(APP, "gone");

        assertThat(n2.channels(APP, "private-tenant.1.")).containsExactly(
                Map.entry("private-tenant.1.sessions", new ChannelStats(2, 0)));
        assertThat(n1.channels(APP, "")).containsOnlyKeys("private-tenant.1.sessions", "private-tenant.2.sessions",
                "presence-tenant.1.room", "public");
        assertThat(n1.channels(APP, "presence-")).containsExactly(
                Map.entry("presence-tenant.1.room", new ChannelStats(1, 1)));
        assertThat(n1.channels(APP, "*")).as("a glob character is matched literally").isEmpty();
    }

    @Test
    void cacheIsSharedAndExpires() {
        RedisFanout n1 = node("n1");
        RedisFanout n2 = node("n2");

        n1.cache(APP, "cache-prices", "{\"event\":\"p\"}", Duration.ofMillis(500));

        assertThat(n2.cached(APP, "cache-prices")).contains("{\"event\":\"p\"}");
        assertThat(n2.cached(APP, "cache-other")).isEmpty();
        await().atMost(WAIT).until(() -> n2.cached(APP, "cache-prices").isEmpty());
    }

    @Test
    void terminateUserReachesEveryNodeOnce() throws InterruptedException {
        RedisFanout n1 = node("n1");
        RedisFanout n2 = node("n2");
        RedisFanout n3 = node("n3");

        n2.terminateUser(APP, "u:42");

        assertThat(recorder(n2).terminated).containsExactly(APP + "/u:42");
        await().atMost(WAIT).until(() -> recorder(n1).terminated.size() == 1 && recorder(n3).terminated.size() == 1);
        Thread.sleep(300);
        assertThat(all(r -> r.terminated)).containsExactly(APP + "/u:42", APP + "/u:42", APP + "/u:42");
    }

    @Test
    void aCrashedNodesShareIsRemovedByOneSurvivor() throws InterruptedException {
        RedisFanout n1 = node("n1");
        RedisFanout n2 = node("n2");
        RedisFanout n3 = node("n3");
        String room = "presence-room";
        n3.subscribed(APP, "private-only-n3");
        n3.subscribed(APP, "private-shared");
        n1.subscribed(APP, "private-shared");
        n3.subscribed(APP, room);
        n3.subscribed(APP, room);
        n1.subscribed(APP, room);
        n3.joined(APP, room, "3.1", new Member("alice", null));      // only on n3
        n3.joined(APP, room, "3.2", new Member("bob", null));        // on n3 and n1
        n1.joined(APP, room, "1.1", new Member("bob", null));

        n3.crashForTest();

        await().atMost(WAIT).until(() -> n1.members(APP, room).size() == 1);
        assertThat(n2.members(APP, room)).containsExactly(new Member("bob", null));
        assertThat(n2.channels(APP, "")).containsOnly(
                Map.entry("private-shared", new ChannelStats(1, 0)),
                Map.entry(room, new ChannelStats(1, 1)));
        await().atMost(WAIT).until(() -> !redis.zrange(prefix + "nodes", 0, -1).contains("n3"));
        Thread.sleep(3 * HEARTBEAT.toMillis()); // more sweeps: a report must not come twice
        assertThat(all(r -> r.membersGone)).containsExactly(APP + "/" + room + "/alice");
        assertThat(all(r -> r.channelsGone)).containsExactly(APP + "/private-only-n3");
        assertThat(redis.keys(prefix + "node:n3:*")).isEmpty();
        assertThat(redis.zrange(prefix + "nodes", 0, -1)).containsExactlyInAnyOrder("n1", "n2");
    }

    @Test
    void closeLeavesNothingOfTheNodeBehind() {
        RedisFanout n1 = node("n1");
        RedisFanout n2 = node("n2");
        n2.subscribed(APP, "private-a");
        n2.subscribed(APP, "presence-b");
        n2.joined(APP, "presence-b", "2.1", new Member("carol", null));

        n2.close(); // without unsubscribing or leaving first: close cleans up anyway

        assertThat(recorder(n2).membersGone).containsExactly(APP + "/presence-b/carol");
        assertThat(recorder(n2).channelsGone).containsExactlyInAnyOrder(APP + "/private-a", APP + "/presence-b");
        assertThat(n1.channels(APP, "")).isEmpty();
        assertThat(n1.members(APP, "presence-b")).isEmpty();
        assertThat(redis.zrange(prefix + "nodes", 0, -1)).containsExactly("n1");
        n1.close();
        assertThat(redis.keys(prefix + "*")).as("nothing left once every node closed").isEmpty();
    }

    @Test
    void appsNeverSeeEachOthersChannelsOrMembers() {
        RedisFanout n1 = node("n1");
        RedisFanout n2 = node("n2");
        // ids that would collide if ':' were not escaped in keys and fields
        String appA = "tenant:a";
        String appB = "tenant%3Aa";
        n1.subscribed(appA, "presence-x");
        n1.joined(appA, "presence-x", "1.1", new Member("u1", null));
        n1.cache(appA, "cache-x", "{}", Duration.ofMinutes(1));

        assertThat(n2.channels(appA, "")).containsOnlyKeys("presence-x");
        assertThat(n2.channels(appB, "")).isEmpty();
        assertThat(n2.channel(appB, "presence-x")).isEqualTo(ChannelStats.EMPTY);
        assertThat(n2.members(appB, "presence-x")).isEmpty();
        assertThat(n2.cached(appB, "cache-x")).isEmpty();
        assertThat(n2.subscribed(appB, "presence-x")).isEqualTo(1);
        assertThat(n2.joined(appB, "presence-x", "2.1", new Member("u1", null))).isTrue();
        assertThat(n2.channel(appA, "presence-x")).isEqualTo(new ChannelStats(1, 1));
    }

    @Test
    void unreachableRedisNeverThrows() throws IOException {
        String nowhere = "redis://127.0.0.1:" + TestDatabase.freePort();
        Broadcast b = new Broadcast(APP, "c", "{}", null);

        assertThatCode(() -> {
            RedisFanout lonely = node("lonely", nowhere);
            lonely.broadcast(b);
            assertThat(lonely.subscribed(APP, "c")).isEqualTo(1);
            assertThat(lonely.unsubscribed(APP, "c")).isEqualTo(1);
            assertThat(lonely.joined(APP, "presence-c", "1.1", new Member("u", null))).isTrue();
            assertThat(lonely.left(APP, "presence-c", "1.1", "u")).isTrue();
            assertThat(lonely.members(APP, "presence-c")).isEmpty();
            assertThat(lonely.channels(APP, "")).isEmpty();
            assertThat(lonely.channel(APP, "c")).isEqualTo(ChannelStats.EMPTY);
            lonely.cache(APP, "cache-c", "{}", Duration.ofSeconds(1));
            assertThat(lonely.cached(APP, "cache-c")).isEmpty();
            lonely.terminateUser(APP, "u");
            assertThat(recorder(lonely).delivered).containsExactly(b);
            assertThat(recorder(lonely).terminated).containsExactly(APP + "/u");
            lonely.close();
        }).doesNotThrowAnyException();
        nodes.clear();
    }

    @Test
    void aNodeCutOffFromRedisDegradesAndRecovers() throws IOException {
        try (CuttableProxy proxy = new CuttableProxy(TestRedis.url())) {
            RedisFanout cut = node("cut", proxy.url());
            RedisFanout direct = node("direct");
            cut.subscribed(APP, "private-a");
            cut.joined(APP, "presence-b", "1.1", new Member("dave", null));

            proxy.cut();
            assertThatCode(() -> {
                cut.broadcast(new Broadcast(APP, "private-a", "{}", null));
                cut.subscribed(APP, "private-c");
                cut.members(APP, "presence-b");
            }).doesNotThrowAnyException();
            // silent for more than three heartbeats: the other node takes its share away
            await().atMost(WAIT).until(() -> recorder(direct).membersGone.contains(APP + "/presence-b/dave"));
            // presence is swept (and reported) before subscriptions: wait for the whole sweep
            await().atMost(WAIT).until(() -> recorder(direct).channelsGone.contains(APP + "/private-a"));
            assertThat(direct.channels(APP, "")).isEmpty();

            proxy.restore();
            direct.subscribed(APP, "private-d");
            // back in touch, it restates what it holds, including what changed while Redis was out of reach
            await().atMost(WAIT).until(() -> direct.channels(APP, "").keySet().containsAll(
                    List.of("private-a", "private-c")));
            assertThat(direct.members(APP, "presence-b")).extracting(Member::userId).containsExactly("dave");
            assertThat(recorder(cut).membersBack).containsExactly(APP + "/presence-b/dave");
            assertThat(cut.subscribed(APP, "private-d")).isEqualTo(2);
            // and counts each thing once
            assertThat(cut.unsubscribed(APP, "private-a")).isZero();
            assertThat(cut.unsubscribed(APP, "private-c")).isZero();
            assertThat(cut.left(APP, "presence-b", "1.1", "dave")).isTrue();
            assertThat(direct.channels(APP, "")).containsOnlyKeys("private-d");
            assertThat(direct.channel(APP, "private-d").subscriptionCount()).isEqualTo(2);
            // and its pub/sub subscription is back
            Broadcast hello = new Broadcast(APP, "private-d", "{\"hello\":1}", null);
            await().atMost(WAIT).until(() -> {
                direct.broadcast(hello);
                return recorder(cut).delivered.contains(hello);
            });
        }
    }

    /**
     * Redis restarted empty (it keeps nothing on disk): every node finds itself missing at its next
     * heartbeat and restates its share, so counts and members are whole again without any client
     * reconnecting, and each node's later changes still count exactly once.
     */
    @Test
    void aRedisThatLostItsDataIsRestatedByEveryNode() {
        RedisFanout a = node("a");
        RedisFanout b = node("b");
        a.subscribed(APP, "private-x");
        a.subscribed(APP, "private-x");
        b.subscribed(APP, "private-x");
        a.subscribed(APP, "presence-p");
        a.joined(APP, "presence-p", "1.1", new Member("erin", "{\"name\":\"Erin\"}"));
        b.subscribed(APP, "presence-p");
        b.joined(APP, "presence-p", "2.1", new Member("erin", "{\"name\":\"Erin\"}"));
        b.unsubscribed(APP, "private-x");
        b.subscribed(APP, "private-y");

        List<String> all = redis.keys(prefix + "*");
        assertThat(all).isNotEmpty();
        redis.del(all.toArray(String[]::new)); // what a restart of a Redis without persistence leaves
        assertThat(a.channels(APP, "")).isEmpty();

        await().atMost(WAIT).until(() -> a.channel(APP, "private-x").subscriptionCount() == 2
                && b.channel(APP, "presence-p").subscriptionCount() == 2 && a.channel(APP, "private-y").subscriptionCount() == 1);
        assertThat(b.members(APP, "presence-p")).extracting(Member::userId).containsExactly("erin");
        assertThat(a.channel(APP, "presence-p").userCount()).isEqualTo(1);
        // erin comes back once, announced by whichever node restated first
        assertThat(all(r -> r.membersBack)).containsExactly(APP + "/presence-p/erin");

        assertThat(a.unsubscribed(APP, "private-x")).isEqualTo(1);
        assertThat(a.left(APP, "presence-p", "1.1", "erin")).isFalse(); // b still has her
        assertThat(b.left(APP, "presence-p", "2.1", "erin")).isTrue();
        assertThat(all(r -> r.membersGone)).isEmpty(); // nothing was ever reported gone
    }
}
