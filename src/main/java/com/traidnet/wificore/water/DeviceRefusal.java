package com.traidnet.wificore.water;

import com.traidnet.wificore.platform.ApiProblem;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/**
 * A device request refused: answered as problem+json with {@code reason} (a stable word devices
 * and dashboards can match on) and, for a bad batch, one error per bad dispense; counted per
 * reason and, when the dispenser is known, on the dispenser.
 */
final class DeviceRefusal extends ApiProblem {

    private final String reason;
    private final List<Map<String, Object>> errors;

    DeviceRefusal(HttpStatus status, String reason, String detail) {
        this(status, reason, detail, List.of());
    }

    DeviceRefusal(HttpStatus status, String reason, String detail, List<Map<String, Object>> errors) {
        super(status, detail);
        this.reason = reason;
        this.errors = errors;
    }

    String reason() {
        return reason;
    }

    List<Map<String, Object>> errors() {
        return errors;
    }
}
