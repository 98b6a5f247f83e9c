package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.UUID;

/** A subscriber's history, newest first. */
@Component
class SubscriberHistory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Entry(long id, Instant at, String actor, String action, JsonNode detail) {
    }

    private final TenantGateway gateway;

    SubscriberHistory(TenantGateway gateway) {
        this.gateway = gateway;
    }

    Page<Entry> of(TenantId tenant, UUID subscriberId, Page.Request page) {
        return page.of(gateway.inTenant(tenant, sql -> {
            boolean known = sql.sql("select exists (select 1 from subscribers where id = ?)"
                    + " or exists (select 1 from subscriber_history where subscriber_id = ?)")
                    .params(subscriberId, subscriberId).query(Boolean.class).single();
            if (!known) {
                throw ApiProblem.notFound("subscriber " + subscriberId);
            }
            return sql.sql("select id, at, actor, action, detail::text from subscriber_history"
                            + " where subscriber_id = ? order by id desc offset ? limit ?")
                    .params(subscriberId, page.offset(), page.limit())
                    .query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5) == null ? null : JSON.readTree(rs.getString(5))))
                    .list();
        }));
    }
}
