package com.traidnet.wificore.realtime;

import com.traidnet.wificore.identity.StaffPrincipal;
import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.realtime.protocol.PusherApp;
import com.traidnet.wificore.realtime.protocol.PusherApps;
import com.traidnet.wificore.realtime.protocol.Signatures;
import com.traidnet.wificore.tenant.CurrentTenant;
import com.traidnet.wificore.tenant.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Signs channel subscriptions and user sign-ins for staff (pusher-js {@code channelAuthorization}
 * and {@code userAuthentication} endpoints; laravel-echo's {@code authEndpoint}). Accepts the
 * form encoding pusher-js posts and JSON. Only the caller's own tenant's channels are signed.
 */
@RestController
@RequestMapping("/api/broadcasting")
@Tag(name = "Real-time")
class BroadcastingController {

    private static final Pattern SOCKET_ID = Pattern.compile("\\d{1,20}\\.\\d{1,20}");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final PusherApp app;
    private final CurrentTenant currentTenant;
    private final RealtimeEndpoint endpoint;

    BroadcastingController(PusherApps apps, RealtimeEndpoint endpoint, CurrentTenant currentTenant) {
        this.app = apps.primary();
        this.endpoint = endpoint;
        this.currentTenant = currentTenant;
    }

    @Operation(summary = "Sign a subscription to one of your tenant's private, presence or encrypted channels")
    @PostMapping(path = "/auth", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Map<String, String> authForm(@RequestParam(name = "socket_id", required = false) String socketId,
                                 @RequestParam(name = "channel_name", required = false) String channel) {
        return authorize(socketId, channel);
    }

    @PostMapping(path = "/auth", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> authJson(@RequestBody Map<String, Object> body) {
        return authorize(text(body, "socket_id"), text(body, "channel_name"));
    }

    @Operation(summary = "Sign a user sign-in (pusher:signin) for the caller")
    @PostMapping(path = "/user-auth", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Map<String, String> userAuthForm(@RequestParam(name = "socket_id", required = false) String socketId) {
        return userAuth(socketId);
    }

    @PostMapping(path = "/user-auth", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> userAuthJson(@RequestBody Map<String, Object> body) {
        return userAuth(text(body, "socket_id"));
    }

    @Operation(summary = "What a client needs to connect: the app key, the port and the caller's channel prefix")
    @GetMapping("/config")
    Map<String, Object> config() {
        TenantId tenant = currentTenant.require();
        var config = new LinkedHashMap<String, Object>();
        config.put("appKey", app.key());
        config.put("wsPort", endpoint.port());
        config.put("protocol", 7);
        config.put("tenantId", tenant.toString());
        config.put("channelPrefix", TenantChannels.PRIVATE + tenant + ".");
        return config;
    }

    private Map<String, String> authorize(String socketId, String channel) {
        checkSocketId(socketId);
        if (channel == null || channel.isBlank()) {
            throw ApiProblem.invalidField("channel_name", "is required");
        }
        TenantId tenant = currentTenant.require();
        TenantId owner = TenantChannels.tenantOf(channel).orElseThrow(() -> ApiProblem.forbidden(
                "only tenant channels (private-tenant.{tenantId}.{topic}, presence-tenant.…, private-encrypted-tenant.…)"
                        + " are signed here"));
        if (!owner.equals(tenant)) {
            throw ApiProblem.forbidden("channel " + channel + " belongs to another tenant");
        }
        var answer = new LinkedHashMap<String, String>();
        if (TenantChannels.isPresence(channel)) {
            String channelData = JSON.writeValueAsString(Map.of("user_id", caller().userId().toString(),
                    "user_info", userInfo(caller())));
            answer.put("auth", Signatures.channelAuth(app, socketId, channel, channelData));
            answer.put("channel_data", channelData);
        } else {
            answer.put("auth", Signatures.channelAuth(app, socketId, channel, null));
            if (TenantChannels.isEncrypted(channel)) {
                answer.put("shared_secret", app.sharedSecret(channel));
            }
        }
        return answer;
    }

    private Map<String, String> userAuth(String socketId) {
        checkSocketId(socketId);
        StaffPrincipal staff = caller();
        String userData = JSON.writeValueAsString(Map.of("id", staff.userId().toString(), "user_info", userInfo(staff)));
        return Map.of("auth", Signatures.userAuth(app, socketId, userData), "user_data", userData);
    }

    private static Map<String, Object> userInfo(StaffPrincipal staff) {
        return Map.of("email", staff.email(), "roles", staff.roles().stream().map(r -> r.id()).sorted().toList());
    }

    private static StaffPrincipal caller() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal staff) {
            return staff;
        }
        throw ApiProblem.unauthorized("authentication required");
    }

    private static void checkSocketId(String socketId) {
        if (socketId == null || !SOCKET_ID.matcher(socketId).matches()) {
            throw ApiProblem.invalidField("socket_id", "must look like 123.456 (the socket id from"
                    + " pusher:connection_established)");
        }
    }

    private static String text(Map<String, Object> body, String field) {
        return body.get(field) instanceof String s ? s : null;
    }
}
