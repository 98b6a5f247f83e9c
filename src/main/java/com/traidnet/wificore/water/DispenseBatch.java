package com.traidnet.wificore.water;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/devices/v1/dispenses}: one or more dispenses as the device recorded them.
 * Structural faults (missing fields, negative or absurd litres, times out of range) refuse the
 * whole batch with one error per bad dispense, so a broken device is noticed and nothing half
 * understood is booked; whatever is well formed but cannot be honoured (unknown customer, price
 * mismatch, no balance) is stored flagged instead — never dropped.
 */
record DispenseBatch(List<Item> dispenses) {

    /**
     * @param seq        the device's own sequence number, unique per dispenser, never reused
     * @param customerId the customer (as authorize answered), or {@code card}, or neither for a cash/coin sale
     * @param startedAt  when the water started to flow (device clock): the day it is booked to
     */
    record Item(Long seq, UUID customerId, String card, BigDecimal litres, BigDecimal amount, Instant startedAt,
                Instant endedAt) {
    }

    /** Every structural fault, as {@code {index, seq, field, message}}; empty when the batch is well formed. */
    List<Map<String, Object>> faults(WaterSettings settings, Instant now) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (int i = 0; i < dispenses.size(); i++) {
            Item d = dispenses.get(i);
            if (d == null) {
                errors.add(error(i, null, "dispenses", "must not be null"));
                continue;
            }
            String fault = fault(d, settings, now);
            if (fault != null) {
                int colon = fault.indexOf(':');
                errors.add(error(i, d.seq(), fault.substring(0, colon), fault.substring(colon + 2)));
            }
        }
        return errors;
    }

    private static String fault(Item d, WaterSettings settings, Instant now) {
        if (d.seq() == null || d.seq() < 0) {
            return "seq: is required, a whole number 0 or more";
        }
        if (d.litres() == null || d.litres().signum() <= 0) {
            return "litres: is required and must be more than 0";
        }
        if (d.litres().compareTo(settings.maxLitres()) > 0 || d.litres().scale() > 3) {
            return "litres: at most " + settings.maxLitres().toPlainString() + " per dispense, 3 decimals";
        }
        if (d.amount() == null || d.amount().signum() < 0 || d.amount().scale() > 2
                || d.amount().compareTo(new BigDecimal("10000000")) >= 0) {
            return "amount: is required, 0 or more, at most 2 decimals";
        }
        if (d.startedAt() == null) {
            return "startedAt: is required (ISO-8601 instant)";
        }
        if (d.startedAt().isAfter(now.plus(settings.signatureWindow()))) {
            return "startedAt: is in the future (" + d.startedAt() + "); check the device clock";
        }
        if (d.startedAt().isBefore(now.minus(settings.maxUploadAge()))) {
            return "startedAt: older than " + settings.maxUploadAge().toDays() + " days cannot be uploaded";
        }
        if (d.endedAt() != null && (d.endedAt().isBefore(d.startedAt())
                || Duration.between(d.startedAt(), d.endedAt()).compareTo(Duration.ofHours(6)) > 0)) {
            return "endedAt: must be after startedAt and within 6 hours of it";
        }
        if (d.customerId() != null && d.card() != null) {
            return "card: give customerId or card, not both";
        }
        if (d.card() != null && (d.card().isBlank() || d.card().length() > 64)) {
            return "card: 1 to 64 characters";
        }
        return null;
    }

    private static Map<String, Object> error(int index, Long seq, String field, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("index", index);
        e.put("seq", seq);
        e.put("field", field);
        e.put("message", message);
        return e;
    }
}
