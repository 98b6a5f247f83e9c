package com.traidnet.wificore.realtime.channels;

import com.traidnet.wificore.realtime.RealtimeSettings;
import com.traidnet.wificore.realtime.cluster.Fanout;
import com.traidnet.wificore.realtime.cluster.Member;
import com.traidnet.wificore.realtime.protocol.ChannelKind;
import com.traidnet.wificore.realtime.protocol.ChannelName;
import com.traidnet.wificore.realtime.protocol.Signatures;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/**
 * Decides a {@code pusher:subscribe}: channel name, per-connection limit, the signature of
 * private/presence/encrypted channels, and presence {@code channel_data}. Tenant rules are
 * not checked here: the auth endpoint only signs channels of the caller's own tenant, and
 * the signature binds the channel name.
 */
final class SubscriptionGate {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RealtimeSettings settings;
    private final Fanout fanout;

    SubscriptionGate(RealtimeSettings settings, Fanout fanout) {
        this.settings = settings;
        this.fanout = fanout;
    }

    Admission admit(Connection c, String channelName, String auth, String channelData) {
        var parsed = ChannelName.parse(channelName, settings.maxChannelNameLength());
        if (parsed.isEmpty()) {
            return new Admission.Refused("InvalidChannel", "invalid channel name (letters, digits and _-=@,.; only,"
                    + " at most " + settings.maxChannelNameLength() + " characters)", 400);
        }
        ChannelName channel = parsed.get();
        if (channel.kind() == ChannelKind.SERVER_TO_USER) {
            // pusher-js subscribes to its own user's channel after pusher:signin_success
            boolean own = c.userId() != null && channel.name().equals(ChannelName.SERVER_TO_USER + c.userId());
            return own ? new Admission.Granted(new Subscription(channel, null))
                    : new Admission.Refused("AuthError", "only the user signed in on this connection may"
                    + " subscribe to its #server-to-user- channel", 403);
        }
        if (c.subscriptions().size() >= settings.maxChannelsPerConnection()) {
            return new Admission.Refused("LimitReached", "a connection may subscribe to at most "
                    + settings.maxChannelsPerConnection() + " channels", 400);
        }
        if (!channel.kind().needsAuth()) {
            return new Admission.Granted(new Subscription(channel, null));
        }
        String data = channel.kind() == ChannelKind.PRESENCE ? channelData : null;
        if (!validSignature(c, channel.name(), auth, data)) {
            return new Admission.Refused("AuthError", "invalid signature for " + channel.name(), 401);
        }
        if (channel.kind() != ChannelKind.PRESENCE) {
            return new Admission.Granted(new Subscription(channel, null));
        }
        return presence(c, channel, channelData);
    }

    private boolean validSignature(Connection c, String channel, String auth, String channelData) {
        if (auth == null) {
            return false;
        }
        String expected = Signatures.channelAuth(c.app(), c.socketId(), channel, channelData);
        return Signatures.same(expected, auth);
    }

    private Admission presence(Connection c, ChannelName channel, String channelData) {
        if (channelData == null) {
            return new Admission.Refused("AuthError", "presence channels need channel_data", 400);
        }
        if (channelData.getBytes(StandardCharsets.UTF_8).length > settings.maxPresenceMemberBytes()) {
            return new Admission.Refused("LimitReached", "channel_data is larger than "
                    + settings.maxPresenceMemberBytes() + " bytes", 413);
        }
        JsonNode data;
        try {
            data = JSON.readTree(channelData);
        } catch (JacksonException e) {
            return new Admission.Refused("AuthError", "channel_data is not JSON", 400);
        }
        JsonNode id = data == null ? null : data.get("user_id");
        if (id == null || !(id.isString() || id.isIntegralNumber()) || id.asString().isEmpty()) {
            return new Admission.Refused("AuthError", "channel_data needs a user_id", 400);
        }
        Member member = new Member(id.asString(), data.has("user_info") ? JSON.writeValueAsString(data.get("user_info"))
                : "null");
        var stats = fanout.channel(c.app().id(), channel.name());
        if (stats.userCount() >= settings.maxPresenceMembers()
                && fanout.members(c.app().id(), channel.name()).stream().noneMatch(m -> m.userId().equals(member.userId()))) {
            return new Admission.Refused("LimitReached", "presence channel is full (" + settings.maxPresenceMembers()
                    + " members)", 403);
        }
        return new Admission.Granted(new Subscription(channel, member));
    }
}
