package com.traidnet.wificore.tenant;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Work done inside one gateway transaction; {@code sql} is bound to that transaction. */
@FunctionalInterface
public interface TenantWork<T> {
    T run(JdbcClient sql);
}
