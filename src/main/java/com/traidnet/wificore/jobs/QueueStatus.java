package com.traidnet.wificore.jobs;

/**
 * One queue at a glance.
 *
 * @param ready               due and not leased (including leases that ran out)
 * @param scheduled           not due yet (delayed jobs and retries waiting for their backoff)
 * @param running             leased to a worker
 * @param failed              dead jobs in failed_jobs
 * @param oldestReadySeconds  how long the longest-waiting ready job has been due; null if none is ready
 */
record QueueStatus(String queue, long ready, long scheduled, long running, long failed, Long oldestReadySeconds) {
}
