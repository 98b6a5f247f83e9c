package com.traidnet.wificore.jobs;

import java.io.PrintWriter;
import java.io.StringWriter;

/** How one run of a job ended, as reported by its virtual thread to the pool's dispatcher. */
sealed interface Outcome {

    int MAX_ERROR_CHARS = 4000;

    ClaimedJob job();

    /** How long the run took. */
    long nanos();

    record Succeeded(ClaimedJob job, long nanos) implements Outcome {
    }

    record Failed(ClaimedJob job, String error, long nanos) implements Outcome {

        static Failed of(ClaimedJob job, Throwable error, long nanos) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            String text = trace.toString();
            return new Failed(job, text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) : text, nanos);
        }

        /** Its earlier runs all died without reporting: a crash loop, not worth another run. */
        static Failed abandoned(ClaimedJob job) {
            return new Failed(job, "abandoned: claimed " + job.attempts() + " times for " + job.maxAttempts()
                    + " attempts; earlier runs never reported back (worker crashed or lost its lease)", 0);
        }
    }
}
