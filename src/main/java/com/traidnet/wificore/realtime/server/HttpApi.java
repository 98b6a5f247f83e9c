package com.traidnet.wificore.realtime.server;

import com.traidnet.wificore.realtime.RealtimeSettings;
import com.traidnet.wificore.realtime.channels.Hub;
import com.traidnet.wificore.realtime.channels.RealtimeMetrics;
import com.traidnet.wificore.realtime.cluster.ChannelStats;
import com.traidnet.wificore.realtime.cluster.Member;
import com.traidnet.wificore.realtime.protocol.ChannelKind;
import com.traidnet.wificore.realtime.protocol.ChannelName;
import com.traidnet.wificore.realtime.protocol.Frames;
import com.traidnet.wificore.realtime.protocol.PusherApp;
import com.traidnet.wificore.realtime.server.EventRequests.EventRequest;
import com.traidnet.wificore.realtime.server.EventRequests.Invalid;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The Pusher HTTP API (Channels REST API): trigger events, batches, channel and presence
 * queries, terminating a user's connections. Every call is signed with the app secret.
 */
final class HttpApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Hub hub;
    private final RealtimeSettings settings;
    private final EventRequests events;
    private final RealtimeMetrics metrics;
    private final Clock clock;

    HttpApi(Hub hub, RealtimeSettings settings, RealtimeMetrics metrics, Clock clock) {
        this.hub = hub;
        this.settings = settings;
        this.events = new EventRequests(settings);
        this.metrics = metrics;
        this.clock = clock;
    }

    /** {@code segments} is the path after {@code /apps/}, split on {@code /} and decoded. */
    ApiReply handle(String method, String rawPath, List<String> segments, Map<String, List<String>> params, byte[] body) {
        PusherApp app = segments.isEmpty() ? null : hub.apps().byId(segments.getFirst()).orElse(null);
        if (app == null) {
            return ApiReply.problem(404, "Not Found", "unknown app id");
        }
        String refusal = ApiSignature.check(app, method, rawPath, params, body, clock);
        if (refusal != null) {
            metrics.rejected(app.id(), "api_auth");
            return ApiReply.problem(401, "Unauthorized", refusal);
        }
        List<String> rest = segments.subList(1, segments.size());
        try {
            return switch (method + " " + shape(rest)) {
                case "POST events" -> events(app, body);
                case "POST batch_events" -> batch(app, body);
                case "GET channels" -> channels(app, params);
                case "GET channels/*" -> channel(app, rest.get(1), params);
                case "GET channels/*/users" -> users(app, rest.get(1));
                case "POST users/*/terminate_connections" -> terminate(app, rest.get(1));
                default -> ApiReply.problem(404, "Not Found", "no such API endpoint: " + method + " " + rawPath);
            };
        } catch (Invalid e) {
            metrics.rejected(app.id(), "api_invalid");
            return ApiReply.problem(e.status, e.status == 413 ? "Payload Too Large" : "Bad Request", e.getMessage());
        }
    }

    /** The route shape: fixed words kept, the variable segment (channel name, user id) as {@code *}. */
    private static String shape(List<String> rest) {
        if (rest.size() >= 2 && (rest.getFirst().equals("channels") || rest.getFirst().equals("users"))) {
            var copy = new ArrayList<>(rest);
            copy.set(1, "*");
            return String.join("/", copy);
        }
        return String.join("/", rest);
    }

    private ApiReply events(PusherApp app, byte[] body) throws Invalid {
        metrics.apiCall(app.id(), "events");
        EventRequest e = events.read(parse(body));
        hub.publish(app, e.channels(), e.name(), e.data(), e.socketId());
        return ApiReply.ok(e.info() == null ? "{}" : "{\"channels\":" + info(app, e.channels(), e.info()) + "}");
    }

    private ApiReply batch(PusherApp app, byte[] body) throws Invalid {
        metrics.apiCall(app.id(), "batch_events");
        JsonNode batch = parse(body).path("batch");
        if (!batch.isArray() || batch.isEmpty() || batch.size() > settings.maxBatchEvents()) {
            throw new Invalid(400, "\"batch\" must hold 1–" + settings.maxBatchEvents() + " events");
        }
        List<EventRequest> requests = new ArrayList<>();
        for (JsonNode node : batch) {
            requests.add(events.read(node)); // all valid before any is published
        }
        var replies = new StringJoiner(",", "{\"batch\":[", "]}");
        boolean anyInfo = false;
        for (EventRequest e : requests) {
            hub.publish(app, e.channels(), e.name(), e.data(), e.socketId());
            anyInfo |= e.info() != null;
            // a batch entry names one channel; its info is that channel's counts
            String channel = e.channels().getFirst();
            replies.add(e.info() == null ? "{}" : stats(hub.channel(app, channel), e.info(), channel));
        }
        return ApiReply.ok(anyInfo ? replies.toString() : "{}");
    }

    private String info(PusherApp app, List<String> channels, String info) {
        var out = new StringJoiner(",", "{", "}");
        for (String c : channels) {
            out.add(Frames.quote(c) + ":" + stats(hub.channel(app, c), info, c));
        }
        return out.toString();
    }

    private static String stats(ChannelStats s, String info, String channel) {
        var out = new StringJoiner(",", "{", "}");
        if (info.contains("subscription_count")) {
            out.add("\"subscription_count\":" + s.subscriptionCount());
        }
        if (info.contains("user_count") && channel.startsWith("presence-")) {
            out.add("\"user_count\":" + s.userCount());
        }
        return out.toString();
    }

    private ApiReply channels(PusherApp app, Map<String, List<String>> params) throws Invalid {
        metrics.apiCall(app.id(), "channels");
        String prefix = param(params, "filter_by_prefix", "");
        String info = param(params, "info", "");
        if (info.contains("user_count") && !prefix.startsWith("presence-")) {
            throw new Invalid(400, "info=user_count needs filter_by_prefix=presence-");
        }
        var out = new StringJoiner(",", "{\"channels\":{", "}}");
        hub.channels(app, prefix).forEach((name, s) -> out.add(Frames.quote(name) + ":" + stats(s, info, name)));
        return ApiReply.ok(out.toString());
    }

    private ApiReply channel(PusherApp app, String name, Map<String, List<String>> params) throws Invalid {
        metrics.apiCall(app.id(), "channel");
        ChannelName channel = channelName(name);
        String info = param(params, "info", "");
        if (info.contains("user_count") && channel.kind() != ChannelKind.PRESENCE) {
            throw new Invalid(400, "info=user_count is only for presence channels");
        }
        ChannelStats s = hub.channel(app, name);
        String counts = stats(s, info, name);
        return ApiReply.ok("{\"occupied\":" + s.occupied() + (counts.length() > 2 ? "," + counts.substring(1) : "}"));
    }

    private ApiReply users(PusherApp app, String name) throws Invalid {
        metrics.apiCall(app.id(), "users");
        if (channelName(name).kind() != ChannelKind.PRESENCE) {
            throw new Invalid(400, "users are only listed for presence channels");
        }
        var out = new StringJoiner(",", "{\"users\":[", "]}");
        for (Member m : hub.members(app, name)) {
            out.add("{\"id\":" + Frames.quote(m.userId()) + "}");
        }
        return ApiReply.ok(out.toString());
    }

    private ApiReply terminate(PusherApp app, String userId) throws Invalid {
        metrics.apiCall(app.id(), "terminate_connections");
        if (userId.isEmpty()) {
            throw new Invalid(400, "a user id is required");
        }
        hub.terminateConnections(app, userId);
        return ApiReply.ok("{}");
    }

    private ChannelName channelName(String name) throws Invalid {
        return ChannelName.parse(name, settings.maxChannelNameLength())
                .orElseThrow(() -> new Invalid(400, "invalid channel name"));
    }

    private static JsonNode parse(byte[] body) throws Invalid {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new Invalid(400, "the body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new Invalid(400, "the body is not valid JSON");
        }
    }

    private static String param(Map<String, List<String>> params, String name, String fallback) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? fallback : v.getFirst();
    }
}
