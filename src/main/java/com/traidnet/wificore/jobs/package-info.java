/**
 * Background jobs on PostgreSQL. Modules define a job as a record plus a
 * {@link com.traidnet.wificore.jobs.JobHandler} bean, enqueue it with
 * {@link com.traidnet.wificore.jobs.Jobs#enqueue} (inside their gateway transaction, so the
 * job commits with the business change) and declare cron schedules as
 * {@link com.traidnet.wificore.jobs.RecurringJob} beans. Internally: the daily-partitioned
 * {@code jobs} table and {@code failed_jobs}, worker pools per queue on virtual threads that
 * claim with {@code FOR UPDATE SKIP LOCKED} under a renewable lease, woken by LISTEN/NOTIFY,
 * retries with exponential backoff, the {@code jobs} CLI command and the status API.
 * See docs/jobs.md.
 */
package com.traidnet.wificore.jobs;
