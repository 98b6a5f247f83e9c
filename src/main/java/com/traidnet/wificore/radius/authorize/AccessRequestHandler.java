package com.traidnet.wificore.radius.authorize;

import com.traidnet.wificore.radius.nas.NasClient;
import com.traidnet.wificore.radius.packet.Attribute;
import com.traidnet.wificore.radius.packet.Dictionary;
import com.traidnet.wificore.radius.packet.PacketCode;
import com.traidnet.wificore.radius.packet.RadiusPacket;
import com.traidnet.wificore.radius.server.RadiusMetrics;
import com.traidnet.wificore.radius.server.RadiusRequest;
import com.traidnet.wificore.radius.server.RequestHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Access-Request: authorize from the tenant's FreeRADIUS tables, authenticate, answer, log.
 * A cached user without session limits is decided right on the network thread (no query,
 * no hand-off); a cache miss or a Simultaneous-Use / cap check goes to a virtual thread.
 * Beyond {@link #MAX_WAITING} such requests in flight new ones are dropped unanswered —
 * the NAS retransmits — rather than queueing without bound behind a slow database.
 */
@Component
class AccessRequestHandler implements RequestHandler {

    static final int MAX_WAITING = 2000;

    private final ProfileCache profiles;
    private final SessionFactsStore sessions;
    private final PostAuthWriter postAuth;
    private final RadiusMetrics metrics;
    private final Clock clock;
    private final Authorizer authorizer = new Authorizer();
    private final AccessDecider decider = new AccessDecider();
    private final ExecutorService slowPath = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger waiting = new AtomicInteger();

    AccessRequestHandler(ProfileCache profiles, SessionFactsStore sessions, PostAuthWriter postAuth,
                         RadiusMetrics metrics, Clock clock) {
        this.profiles = profiles;
        this.sessions = sessions;
        this.postAuth = postAuth;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public String type() {
        return "access";
    }

    @Override
    public CompletionStage<RadiusPacket> handle(RadiusRequest request) {
        Optional<String> username = request.packet().string("User-Name");
        if (username.isEmpty() || username.get().isEmpty()) {
            return CompletableFuture.completedFuture(
                    answer(request, "", new Decision.Reject(Reason.NO_USER_NAME, "", List.of())));
        }
        String user = username.get();
        ProfileCache.Resolved cached = profiles.cached(request.nas().tenant(), user);
        if (cached != null) {
            Authorization authorization = authorizer.authorize(cached.user(), cached.groups(), request.packet());
            if (!(authorization instanceof Authorization.Granted granted && granted.needsSessionFacts())) {
                return CompletableFuture.completedFuture(decide(request, user, authorization, SessionFacts.NONE));
            }
        }
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                ProfileCache.Resolved resolved = cached != null ? cached
                        : profiles.load(request.nas().tenant(), user);
                Authorization authorization = authorizer.authorize(resolved.user(), resolved.groups(),
                        request.packet());
                SessionFacts facts = SessionFacts.NONE;
                if (authorization instanceof Authorization.Granted granted && granted.needsSessionFacts()) {
                    boolean usage = granted.controlNumber(Limits.MAX_ALL_SESSION).isPresent()
                            || granted.controlNumber(Limits.MAX_TOTAL_OCTETS).isPresent();
                    facts = sessions.facts(request.nas().tenant(), user, request.nas().id(),
                            request.packet().string(Limits.CALLING_STATION_ID).orElse(null), usage);
                }
                return decide(request, user, authorization, facts);
            } finally {
                waiting.decrementAndGet();
            }
        }, slowPath);
    }

    private RadiusPacket decide(RadiusRequest request, String user, Authorization authorization, SessionFacts facts) {
        NasClient nas = request.nas();
        Decision decision = switch (authorization) {
            case Authorization.Refused refused ->
                    new Decision.Reject(refused.reason(), refused.detail(), replyMessage(refused.reason()));
            case Authorization.Granted granted ->
                    decider.decide(granted, request.packet(), nas.secret(), nas.type(), clock.instant(), facts);
        };
        return answer(request, user, decision);
    }

    private static List<Attribute> replyMessage(Reason reason) {
        return reason.replyMessage() == null ? List.of()
                : List.of(Dictionary.standard()
                .attribute("Reply-Message", reason.replyMessage()));
    }

    private RadiusPacket answer(RadiusRequest request, String user, Decision decision) {
        boolean accepted = decision instanceof Decision.Accept;
        RadiusPacket packet = request.packet();
        NasClient nas = request.nas();
        postAuth.record(new PostAuthWriter.Row(nas.tenant(), user, accepted, decision.reason().text(),
                request.source().getAddress().getHostAddress(), nas.id(),
                packet.string("Called-Station-Id").orElse(null), packet.string(Limits.CALLING_STATION_ID).orElse(null),
                clock.instant()));
        metrics.request("access", accepted ? "accept" : "reject", nas.tenant().value().toString());
        return packet.reply(accepted ? PacketCode.ACCESS_ACCEPT : PacketCode.ACCESS_REJECT)
                .addAll(decision.attributes()).build();
    }
}
