package com.traidnet.wificore.jobs;

/**
 * Runs the jobs of one payload type. Declare one Spring bean per record type; enqueue with
 * {@link Jobs#enqueue(Record, JobOptions)}. A handler must be idempotent: a job runs at least
 * once, and again if its worker dies before the success is recorded.
 *
 * @param <T> the payload, a record stored as JSON — keep its fields stable, or add new ones
 *            (unknown JSON fields are ignored when an older payload meets a newer record)
 */
public interface JobHandler<T extends Record> {

    Class<T> type();

    /** Does the work. Returning is success; any exception is a failed attempt (retried with backoff). */
    void handle(T payload, JobContext context) throws Exception;

    /** The name stored with each job; override to keep old jobs runnable after renaming the record. */
    default String name() {
        return type().getName();
    }

    /** Queue used when the enqueuer names none. */
    default String queue() {
        return "default";
    }
}
