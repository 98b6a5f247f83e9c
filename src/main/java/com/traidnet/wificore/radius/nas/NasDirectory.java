package com.traidnet.wificore.radius.nas;

import com.traidnet.wificore.platform.DatabaseNotifications;
import com.traidnet.wificore.platform.SecretBox;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every tenant's NAS, in memory, for the RADIUS server's per-packet lookups: these touch
 * no database and take no lock (one volatile read of an immutable {@link NasSnapshot}).
 * The snapshot is rebuilt off the packet path, on one background thread, whenever the
 * {@code nas_clients} trigger sends {@code wificore_nas} (from any node; so does a tenant's
 * status change: a suspended tenant's NAS are not served) and whenever
 * notifications may have been missed; bursts of changes coalesce into one reload.
 * Secrets are decrypted once per reload. A NAS whose secret cannot be decrypted (wrong
 * {@code wificore.secret-key}) is logged and left out, so the rest still work.
 */
@Component
public class NasDirectory {

    static final String CHANNEL = "wificore_nas";
    private static final Logger log = LoggerFactory.getLogger(NasDirectory.class);
    private static final long RETRY_SECONDS = 5;

    private final TenantGateway gateway;
    private final SecretBox secrets;
    private final ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("nas-directory").factory());
    private final AtomicBoolean reloadPending = new AtomicBoolean();
    private volatile NasSnapshot snapshot = NasSnapshot.of(List.of());

    NasDirectory(TenantGateway gateway, SecretBox secrets, DatabaseNotifications notifications) {
        this.gateway = gateway;
        this.secrets = secrets;
        reload(); // filled before anyone asks (the RADIUS server starts later)
        notifications.listen(CHANNEL, payload -> reloadSoon(), this::reloadSoon);
    }

    /**
     * The NAS entries whose host or range contains {@code source}, at most one per tenant
     * (that tenant's most specific entry), most specific first. Empty for an unknown source.
     * An IPv4-mapped IPv6 source counts as IPv4.
     */
    public List<NasClient> candidates(InetAddress source) {
        return snapshot.candidates(source);
    }

    /** The NAS with this id, of any tenant. */
    public Optional<NasClient> byId(UUID id) {
        return Optional.ofNullable(snapshot.byId(id));
    }

    /** Schedules a reload unless one is already waiting; returns at once. */
    void reloadSoon() {
        if (reloadPending.compareAndSet(false, true)) {
            reloader.execute(() -> {
                reloadPending.set(false); // a change arriving while we load schedules another load
                try {
                    reload();
                } catch (RuntimeException e) {
                    log.warn("NAS directory reload failed, retrying in {} s: {}", RETRY_SECONDS, e.toString());
                    reloader.schedule(this::reloadSoon, RETRY_SECONDS, TimeUnit.SECONDS);
                }
            });
        }
    }

    private synchronized void reload() {
        List<StoredNas> rows = gateway.inPlatform(sql -> sql.sql("""
                        select n.id, n.tenant_id, n.name, n.address::text as address, n.secret_ciphertext, n.type,
                               n.coa_port, n.require_message_authenticator
                        from nas_clients n join tenants t on t.id = n.tenant_id
                        where t.status = 'active'""")
                .query((rs, n) -> new StoredNas(rs.getObject("id", UUID.class),
                        new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getString("name"),
                        NasAddress.parse(rs.getString("address")), rs.getBytes("secret_ciphertext"),
                        rs.getString("type"), rs.getInt("coa_port"), rs.getBoolean("require_message_authenticator")))
                .list());
        List<NasClient> clients = new ArrayList<>(rows.size());
        for (StoredNas row : rows) {
            try {
                clients.add(row.decrypted(secrets));
            } catch (SecretBox.SecretUnreadableException e) {
                log.error("NAS {} ({}) of tenant {} is left out: {}", row.id(), row.name(), row.tenant(),
                        e.getMessage());
            }
        }
        snapshot = NasSnapshot.of(clients);
        log.debug("NAS directory loaded: {} entries", clients.size());
    }

    @PreDestroy
    void stop() {
        reloader.shutdownNow();
    }

    private record StoredNas(UUID id, TenantId tenant, String name, NasAddress address, byte[] sealedSecret,
                             String type, int coaPort, boolean requireMessageAuthenticator) {
        NasClient decrypted(SecretBox secrets) {
            return new NasClient(id, tenant, name, address.network(), address.prefixLength(),
                    secrets.open(sealedSecret), type, coaPort, requireMessageAuthenticator);
        }
    }
}
