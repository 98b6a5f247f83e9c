package com.traidnet.wificore.water;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.traidnet.wificore.platform.SecretBox;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * A dispenser's credential by device id: its tenant (from {@code public.water_devices}, never
 * from anything else the caller says), its opened key and whether it is enabled. Cached per node
 * for {@code wificore.water.credentials-cache-ttl} (unknown ids too, so a flood of made-up ids
 * does not reach the database); changes on this node evict at once, other nodes follow within
 * the TTL.
 */
@Component
class DeviceCredentials {

    record Credential(String deviceId, TenantId tenant, UUID dispenserId, byte[] key, boolean enabled) {
    }

    private record Route(UUID tenantId, UUID dispenserId) {
    }

    private final TenantGateway gateway;
    private final SecretBox box;
    private final Cache<String, Optional<Credential>> cache;

    DeviceCredentials(TenantGateway gateway, SecretBox box, WaterSettings settings) {
        this.gateway = gateway;
        this.box = box;
        this.cache = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(settings.credentialsCacheTtl()).build();
    }

    Optional<Credential> find(String deviceId) {
        return cache.get(deviceId, this::load);
    }

    void evict(String deviceId) {
        cache.invalidate(deviceId);
    }

    private Optional<Credential> load(String deviceId) {
        Optional<Route> route = gateway.inPlatform(sql -> sql.sql(
                        "select tenant_id, dispenser_id from water_devices where device_id = ?")
                .param(deviceId).query((rs, n) -> new Route(Rows.uuid(rs, "tenant_id"), Rows.uuid(rs, "dispenser_id")))
                .optional());
        if (route.isEmpty()) {
            return Optional.empty();
        }
        TenantId tenant = new TenantId(route.get().tenantId());
        UUID dispenser = route.get().dispenserId();
        return gateway.inTenant(tenant, sql -> sql.sql("select key_sealed, enabled from dispensers where id = ?")
                .param(dispenser)
                .query((rs, n) -> new Credential(deviceId, tenant, dispenser, box.open(rs.getBytes(1)), rs.getBoolean(2)))
                .optional());
    }
}
