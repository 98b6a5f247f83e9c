package com.traidnet.wificore.hotspot;

/**
 * A package's speeds as a {@code Mikrotik-Rate-Limit} value. MikroTik reads it from the
 * router's point of view — {@code rx/tx}, where rx is what the router receives from the
 * customer (the customer's upload) and tx what it sends (the download) — so every pair is
 * written upload/download: {@code up/down [burstUp/burstDown thresholdUp/thresholdDown
 * timeUp/timeDown]}, rates in {@code k} (kbps), burst time in seconds.
 *
 * @param burst null for no burst
 */
record RateLimit(int uploadKbps, int downloadKbps, Burst burst) {

    /** Burst: the rates allowed while the average stays under the thresholds, averaged over {@code timeSeconds}. */
    record Burst(int uploadKbps, int downloadKbps, int thresholdUploadKbps, int thresholdDownloadKbps,
                 int timeSeconds) {
    }

    String mikrotik() {
        String base = uploadKbps + "k/" + downloadKbps + "k";
        if (burst == null) {
            return base;
        }
        return base + " " + burst.uploadKbps + "k/" + burst.downloadKbps + "k "
                + burst.thresholdUploadKbps + "k/" + burst.thresholdDownloadKbps + "k "
                + burst.timeSeconds + "/" + burst.timeSeconds;
    }
}
