package com.traidnet.wificore.radius.authorize;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.traidnet.wificore.platform.DatabaseNotifications;
import com.traidnet.wificore.radius.RadiusUserChanged;
import com.traidnet.wificore.radius.server.RadiusSettings;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Authorize data in memory, so an Access-Request for a known user costs no query. Users
 * (including unknown names, cached as empty) and groups are loaded on first use and dropped
 * when the tables change on any node: the tables' triggers NOTIFY {@code wificore_radius}
 * with {@code <schema>:u:<username>} or {@code <schema>:g:<groupname>}, and every node's
 * listener invalidates that entry within the listener's poll interval (250 ms). A load that
 * overlapped a change is used once but not cached, so a stale copy can never stick.
 */
@Component
class ProfileCache {

    record Key(TenantId tenant, String name) {
    }

    /** A user with its groups' items, in priority order. */
    record Resolved(UserProfile user, List<GroupProfile> groups) {
    }

    private final TenantGateway gateway;
    private final Cache<Key, UserProfile> users;
    private final Cache<Key, GroupProfile> groups;
    /** Learned when loading: notifications name schemas, the cache is keyed by tenant. */
    private final Map<String, TenantId> tenantsBySchema = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    ProfileCache(TenantGateway gateway, DatabaseNotifications notifications, RadiusSettings settings,
                 MeterRegistry meters) {
        this.gateway = gateway;
        // the expiry is a safety net only; correctness comes from the notifications
        this.users = Caffeine.newBuilder().maximumSize(settings.maxCachedUsers()).expireAfterWrite(Duration.ofHours(6))
                .recordStats().build();
        this.groups = Caffeine.newBuilder().maximumSize(Math.max(1000, settings.maxCachedUsers() / 10))
                .expireAfterWrite(Duration.ofHours(6)).recordStats().build();
        CaffeineCacheMetrics.monitor(meters, users, "radius.users");
        CaffeineCacheMetrics.monitor(meters, groups, "radius.groups");
        notifications.listen("wificore_radius", this::changed, this::clear);
    }

    /** The user and all its groups if every piece is cached; null otherwise. */
    Resolved cached(TenantId tenant, String username) {
        UserProfile user = users.getIfPresent(new Key(tenant, username));
        if (user == null) {
            return null;
        }
        List<GroupProfile> resolved = new ArrayList<>(user.groups().size());
        for (String name : user.groups()) {
            GroupProfile group = groups.getIfPresent(new Key(tenant, name));
            if (group == null) {
                return null;
            }
            resolved.add(group);
        }
        return new Resolved(user, resolved);
    }

    /** Reads the user and its uncached groups in one transaction (blocking). */
    Resolved load(TenantId tenant, String username) {
        long before = changes.get();
        Map<String, GroupProfile> loadedGroups = new LinkedHashMap<>();
        UserProfile user = gateway.inTenant(tenant, sql -> {
            String schema = sql.sql("select current_schema()").query(String.class).single();
            tenantsBySchema.put(schema, tenant);
            List<AvPair> check = new ArrayList<>();
            List<AvPair> reply = new ArrayList<>();
            List<String> names = new ArrayList<>();
            sql.sql("""
                    select 'c' as kind, attribute, op, value, id, 0 as priority from radcheck where username = :u
                    union all
                    select 'r', attribute, op, value, id, 0 from radreply where username = :u
                    union all
                    select 'g', groupname, '', '', id, priority from radusergroup where username = :u
                    order by kind, priority, id""").param("u", username).query(rs -> {
                AvPair pair = new AvPair(rs.getString(2), rs.getString(3).trim(), rs.getString(4));
                switch (rs.getString(1)) {
                    case "c" -> check.add(pair);
                    case "r" -> reply.add(pair);
                    default -> names.add(rs.getString(2));
                }
            });
            List<String> missing = names.stream().filter(n -> groups.getIfPresent(new Key(tenant, n)) == null)
                    .distinct().toList();
            if (!missing.isEmpty()) {
                Map<String, List<AvPair>> groupCheck = new LinkedHashMap<>();
                Map<String, List<AvPair>> groupReply = new LinkedHashMap<>();
                missing.forEach(n -> {
                    groupCheck.put(n, new ArrayList<>());
                    groupReply.put(n, new ArrayList<>());
                });
                sql.sql("""
                        select 'c' as kind, groupname, attribute, op, value, id from radgroupcheck where groupname = any(:g)
                        union all
                        select 'r', groupname, attribute, op, value, id from radgroupreply where groupname = any(:g)
                        order by kind, id""").param("g", missing.toArray(String[]::new)).query(rs -> {
                    AvPair pair = new AvPair(rs.getString(3), rs.getString(4).trim(), rs.getString(5));
                    (rs.getString(1).equals("c") ? groupCheck : groupReply).get(rs.getString(2)).add(pair);
                });
                missing.forEach(n -> loadedGroups.put(n, new GroupProfile(n, groupCheck.get(n), groupReply.get(n))));
            }
            return new UserProfile(username, check, reply, names);
        });
        boolean unchanged = changes.get() == before;
        List<GroupProfile> resolved = new ArrayList<>();
        for (String name : user.groups()) {
            GroupProfile group = loadedGroups.get(name);
            if (group == null) {
                group = groups.getIfPresent(new Key(tenant, name));
            }
            if (group == null) { // evicted meanwhile: treat as empty this once
                group = new GroupProfile(name, List.of(), List.of());
            }
            resolved.add(group);
        }
        if (unchanged) {
            loadedGroups.forEach((name, group) -> groups.put(new Key(tenant, name), group));
            users.put(new Key(tenant, username), user);
        }
        return new Resolved(user, resolved);
    }

    /**
     * This node wrote the user's rows: drop it right after the commit rather than when the
     * NOTIFY arrives (which it still does). Counts as a change, so a load that overlapped the
     * write is not cached.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void written(RadiusUserChanged change) {
        changes.incrementAndGet();
        users.invalidate(new Key(change.tenant(), change.username()));
    }

    private void changed(String payload) {
        changes.incrementAndGet();
        int first = payload.indexOf(':');
        if (first < 0 || payload.length() < first + 3) {
            return;
        }
        TenantId tenant = tenantsBySchema.get(payload.substring(0, first));
        if (tenant == null) {
            return; // nothing of that schema was ever cached here
        }
        char kind = payload.charAt(first + 1);
        Key key = new Key(tenant, payload.substring(first + 3));
        if (kind == 'g') {
            groups.invalidate(key);
        } else {
            users.invalidate(key);
        }
    }

    private void clear() {
        changes.incrementAndGet();
        users.invalidateAll();
        groups.invalidateAll();
    }
}
