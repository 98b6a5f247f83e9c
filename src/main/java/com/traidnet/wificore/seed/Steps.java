package com.traidnet.wificore.seed;

import java.io.PrintStream;
import java.util.function.Supplier;

/** Runs the seed's steps one after the other, printing each one's summary and time as it finishes. */
final class Steps {

    private final PrintStream out;
    private final long started = System.nanoTime();

    Steps(PrintStream out) {
        this.out = out;
    }

    void run(String name, Supplier<String> step) {
        long t0 = System.nanoTime();
        String summary;
        try {
            summary = step.get();
        } catch (RuntimeException e) {
            out.printf("  %-14s FAILED after %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
            throw e;
        }
        out.printf("  %-14s %6.1f s  %s%n", name, (System.nanoTime() - t0) / 1e9, summary);
        out.flush();
    }

    /** Runs a step whose result the caller needs next: {@code step} says what it did, {@code result} fetches it. */
    <T> T run(String name, Supplier<String> step, Supplier<T> result) {
        run(name, step);
        return result.get();
    }

    double totalSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
