package com.traidnet.wificore.water;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.time.Clock;
import java.time.Instant;

/**
 * The device API, for dispensers (docs/water.md). No staff credentials: every request is signed
 * with the dispenser's key ({@link DeviceGuard}), and the tenant is the dispenser's. The body is
 * read as bytes because the signature covers them exactly as sent.
 */
@RestController
@RequestMapping("/api/devices/v1")
@Tag(name = "Water devices")
class DeviceController {

    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("water-devices").addDeserializer(Instant.class, new UtcInstants())).build();

    private final DeviceGuard guard;
    private final DispenseLedger ledger;
    private final DeviceDesk desk;
    private final WaterSettings settings;
    private final Clock clock;

    DeviceController(DeviceGuard guard, DispenseLedger ledger, DeviceDesk desk, WaterSettings settings, Clock clock) {
        this.guard = guard;
        this.ledger = ledger;
        this.desk = desk;
        this.settings = settings;
        this.clock = clock;
    }

    /** How many litres a customer may have now: one indexed lookup. */
    @PostMapping("/authorize")
    DeviceDesk.Authorization authorize(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        return guard.run(request, body, device -> desk.authorize(device, parse(body, DeviceDesk.AuthorizeRequest.class)));
    }

    /** One or up to {@code max-batch} dispenses; answers what was booked, what was already booked and what was flagged. */
    @PostMapping("/dispenses")
    DispenseLedger.Booked dispenses(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        return guard.run(request, body, device -> {
            DispenseBatch batch = parse(body, DispenseBatch.class);
            if (batch.dispenses() == null || batch.dispenses().isEmpty()) {
                throw new DeviceRefusal(HttpStatus.BAD_REQUEST, "invalid_batch", "dispenses: give 1 to "
                        + settings.maxBatch() + " dispenses");
            }
            if (batch.dispenses().size() > settings.maxBatch()) {
                throw new DeviceRefusal(HttpStatus.CONTENT_TOO_LARGE, "batch_too_large", batch.dispenses().size()
                        + " dispenses in one upload; at most " + settings.maxBatch() + " (split the queue)");
            }
            var faults = batch.faults(settings, clock.instant());
            if (!faults.isEmpty()) {
                throw new DeviceRefusal(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_dispense", faults.size()
                        + " dispense(s) are invalid; nothing of this upload was booked", faults);
            }
            return ledger.book(device, batch.dispenses());
        });
    }

    @PostMapping("/heartbeat")
    DeviceDesk.HeartbeatReply heartbeat(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        return guard.run(request, body, device -> desk.heartbeat(device, parse(body, DeviceDesk.Heartbeat.class)));
    }

    /** A customer typed a water token on the kiosk: it is credited to their account. */
    @PostMapping("/redeem")
    Tokens.Redeemed redeem(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        return guard.run(request, body, device -> desk.redeem(device, parse(body, DeviceDesk.RedeemRequest.class)));
    }

    private static <T> T parse(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw new DeviceRefusal(HttpStatus.BAD_REQUEST, "malformed_body", "a JSON body is required");
        }
        try {
            T value = JSON.readValue(body, type);
            if (value == null) {
                throw new DeviceRefusal(HttpStatus.BAD_REQUEST, "malformed_body", "a JSON object is required");
            }
            return value;
        } catch (JacksonException e) {
            throw new DeviceRefusal(HttpStatus.BAD_REQUEST, "malformed_body", "malformed JSON request body: "
                    + e.getOriginalMessage());
        }
    }

    /** Device refusals carry their reason (and per-dispense errors) in the problem. */
    @org.springframework.web.bind.annotation.ExceptionHandler(DeviceRefusal.class)
    org.springframework.http.ResponseEntity<org.springframework.http.ProblemDetail> refused(DeviceRefusal e) {
        var problem = org.springframework.http.ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setProperty("reason", e.reason());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return org.springframework.http.ResponseEntity.status(e.status())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

}
