package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.platform.SqlText;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tenant's packages. A package some subscriber or voucher batch refers to is archived, not deleted. */
@Service
class Packages {

    private final TenantGateway gateway;

    Packages(TenantGateway gateway) {
        this.gateway = gateway;
    }

    PackageView create(TenantId tenant, Actor actor, PackageRequest body) {
        RateLimit.Burst burst = body.checked();
        return gateway.inTenant(tenant, sql -> {
            requireOwnNas(sql, body.nasIdsOrEmpty());
            UUID id = uniqueName(body, () -> sql.sql("insert into packages (" + WRITABLE + ") values ("
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::uuid[]) returning id")
                    .params(params(body, burst)).query(UUID.class).single());
            actor.audit(sql, "package.created", body.name());
            return require(sql, id);
        });
    }

    /** Replaces the package's terms. Subscribers keep the terms they bought (their snapshot); only new purchases see this. */
    PackageView replace(TenantId tenant, Actor actor, UUID id, PackageRequest body) {
        RateLimit.Burst burst = body.checked();
        return gateway.inTenant(tenant, sql -> {
            PackageView current = require(sql, id);
            if (current.archived()) {
                throw ApiProblem.conflict("package '" + current.name() + "' is archived and cannot be changed");
            }
            requireOwnNas(sql, body.nasIdsOrEmpty());
            uniqueName(body, () -> sql.sql("update packages set (" + WRITABLE + ", updated_at) = ("
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::uuid[], now()) where id = ? returning id")
                    .params(append(params(body, burst), id)).query(UUID.class).single());
            actor.audit(sql, "package.updated", body.name());
            return require(sql, id);
        });
    }

    /** Deletes an unused package; archives one that subscribers or voucher batches refer to. Answers which it did. */
    String remove(TenantId tenant, Actor actor, UUID id) {
        return gateway.inTenant(tenant, sql -> {
            PackageView current = require(sql, id);
            boolean used = sql.sql("""
                    select exists (select 1 from subscribers where package_id = :id)
                        or exists (select 1 from voucher_batches where package_id = :id)""")
                    .param("id", id).query(Boolean.class).single();
            if (used) {
                sql.sql("update packages set archived_at = coalesce(archived_at, now()), updated_at = now() where id = ?")
                        .param(id).update();
                actor.audit(sql, "package.archived", current.name());
                return "archived";
            }
            sql.sql("delete from packages where id = ?").param(id).update();
            actor.audit(sql, "package.deleted", current.name());
            return "deleted";
        });
    }

    Optional<PackageView> find(TenantId tenant, UUID id) {
        return gateway.inTenant(tenant, sql -> load(sql, id));
    }

    Page<PackageView> list(TenantId tenant, String query, String type, boolean archived, Page.Request page) {
        return page.of(gateway.inTenant(tenant, sql -> sql.sql("select " + PackageView.COLUMNS + " from packages"
                        + " where lower(name) like ? and (?::text is null or type = ?)"
                        + " and (? or archived_at is null) order by lower(name), id offset ? limit ?")
                .params(SqlText.containsPattern(query), type, type, archived, page.offset(), page.limit())
                .query(PackageView::map).list()));
    }

    static Optional<PackageView> load(JdbcClient sql, UUID id) {
        return sql.sql("select " + PackageView.COLUMNS + " from packages where id = ?").param(id)
                .query(PackageView::map).optional();
    }

    private static PackageView require(JdbcClient sql, UUID id) {
        return load(sql, id).orElseThrow(() -> ApiProblem.notFound("package " + id));
    }

    private static final String WRITABLE = """
            type, name, price, currency, duration_value, duration_unit, upload_kbps, download_kbps,
            burst_upload_kbps, burst_download_kbps, burst_threshold_upload_kbps, burst_threshold_download_kbps,
            burst_time_seconds, data_cap_bytes, devices, public, nas_ids""";

    private static Object[] params(PackageRequest b, RateLimit.Burst burst) {
        return new Object[]{b.type(), b.name().strip(), b.price(), b.currencyOrDefault(), b.durationValue(),
                b.durationUnit(), b.uploadKbps(), b.downloadKbps(),
                burst == null ? null : burst.uploadKbps(), burst == null ? null : burst.downloadKbps(),
                burst == null ? null : burst.thresholdUploadKbps(), burst == null ? null : burst.thresholdDownloadKbps(),
                burst == null ? null : burst.timeSeconds(), b.dataCapBytes(), b.devicesOrDefault(), b.listed(),
                b.nasIdsOrEmpty().stream().map(UUID::toString).toArray(String[]::new)};
    }

    private static Object[] append(Object[] params, Object last) {
        Object[] out = java.util.Arrays.copyOf(params, params.length + 1);
        out[params.length] = last;
        return out;
    }

    private static UUID uniqueName(PackageRequest body, java.util.function.Supplier<UUID> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflictOn("name", "a package named '" + body.name().strip() + "' already exists");
        }
    }

    /**
     * NAS ids must be the tenant's own: nas_clients' row-level security (app.tenant_id, set by the
     * gateway) hides every other tenant's NAS, so a foreign id simply is not found.
     */
    private static void requireOwnNas(JdbcClient sql, List<UUID> nasIds) {
        if (nasIds.isEmpty()) {
            return;
        }
        long known = sql.sql("select count(*) from public.nas_clients where id = any(?::uuid[])")
                .param(nasIds.stream().map(UUID::toString).toArray(String[]::new)).query(Long.class).single();
        if (known != nasIds.size()) {
            throw ApiProblem.invalidField("nasIds", "names a NAS that is not registered for this tenant");
        }
    }
}
