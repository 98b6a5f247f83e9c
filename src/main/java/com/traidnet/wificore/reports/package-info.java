/**
 * Read-only business reports for tenant staff (docs/reports.md): revenue per day, package and
 * NAS, subscribers by kind and status, subscribers expiring soon, who is online now and the
 * top users by data. On purpose this module reads other modules' tenant tables
 * ({@code payments}, {@code packages}, {@code subscribers}, {@code radacct},
 * {@code radacct_sessions}, {@code nas_clients}) directly by SQL, read-only, instead of going
 * through their services: a report is one set-wise query over many rows, which no per-entity
 * service API could answer efficiently. It never writes to them. Every query names a time
 * range (or goes through {@code radacct_sessions}) so radacct's daily partitions are pruned.
 */
package com.traidnet.wificore.reports;
