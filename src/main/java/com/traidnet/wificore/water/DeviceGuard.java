package com.traidnet.wificore.water;

import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Authenticates device API requests (docs/water.md#signing). Every request carries
 * {@code X-Device-Id}, {@code X-Timestamp} (Unix seconds), {@code X-Nonce} and {@code X-Signature};
 * the signature is recomputed with the dispenser's key and compared in constant time. A timestamp
 * outside the window is refused, and a nonce is accepted once within it: it is recorded in the
 * tenant's {@code water_device_nonces} inside the transaction that does the request's work, so a
 * request that fails may be retried with the same nonce, and a replay of one that succeeded is
 * refused. Every refusal is counted (metric {@code wificore_water_device_refused_total{reason}},
 * and on the dispenser when it is known).
 */
@Component
class DeviceGuard {

    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_.-]{8,64}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

    /** A request whose signature checked out. */
    record Signed(DeviceCredentials.Credential device, String nonce, long timestamp) {
        TenantId tenant() {
            return device.tenant();
        }

        UUID dispenserId() {
            return device.dispenserId();
        }
    }

    private final DeviceCredentials credentials;
    private final TenantGateway gateway;
    private final WaterSettings settings;
    private final MeterRegistry metrics;
    private final Clock clock;

    DeviceGuard(DeviceCredentials credentials, TenantGateway gateway, WaterSettings settings, MeterRegistry metrics,
                Clock clock) {
        this.credentials = credentials;
        this.gateway = gateway;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Verifies the request, then runs {@code work}; a refusal on the way (or from the work) is counted and rethrown. */
    <T> T run(HttpServletRequest request, byte[] body, Function<Signed, T> work) {
        DeviceCredentials.Credential known = null;
        try {
            String deviceId = header(request, "X-Device-Id");
            String timestamp = header(request, "X-Timestamp");
            String nonce = header(request, "X-Nonce");
            String signature = header(request, "X-Signature");
            if (deviceId.length() > 64 || !NONCE.matcher(nonce).matches() || !HEX64.matcher(signature).matches()
                    || !timestamp.matches("\\d{1,12}")) {
                throw new DeviceRefusal(HttpStatus.UNAUTHORIZED, "malformed_headers", "X-Nonce must be 8-64 of"
                        + " [A-Za-z0-9_.-], X-Signature 64 hex digits, X-Timestamp Unix seconds");
            }
            known = credentials.find(deviceId).orElseThrow(() -> new DeviceRefusal(HttpStatus.UNAUTHORIZED,
                    "unknown_device", "unknown device " + deviceId));
            long ts = Long.parseLong(timestamp);
            long skew = Math.abs(clock.instant().getEpochSecond() - ts);
            if (skew > settings.signatureWindow().toSeconds()) {
                throw new DeviceRefusal(HttpStatus.UNAUTHORIZED, "stale_timestamp", "X-Timestamp " + ts + " is "
                        + skew + " s away from the server's clock (" + clock.instant().getEpochSecond()
                        + "); the window is ±" + settings.signatureWindow().toSeconds() + " s");
            }
            String expected = DeviceKeys.sign(known.key(), DeviceKeys.canonical(request.getMethod(),
                    request.getRequestURI(), timestamp, nonce, body));
            if (!DeviceKeys.matches(expected, signature)) {
                throw new DeviceRefusal(HttpStatus.UNAUTHORIZED, "bad_signature", "signature does not match"
                        + " (HMAC-SHA256 of method, path, timestamp, nonce and SHA-256 of the body; see docs/water.md)");
            }
            if (!known.enabled()) {
                throw new DeviceRefusal(HttpStatus.FORBIDDEN, "disabled", "dispenser " + deviceId
                        + " is disabled; staff can enable it again");
            }
            return work.apply(new Signed(known, nonce, ts));
        } catch (DeviceRefusal refusal) {
            count(refusal.reason(), known);
            throw refusal;
        }
    }

    /** Inside the work's tenant transaction: a nonce seen within the window is a replay. */
    void consumeNonce(JdbcClient sql, Signed signed) {
        int fresh = sql.sql("""
                        insert into water_device_nonces (dispenser_id, nonce, expires_at) values (?, ?, ?)
                        on conflict do nothing""")
                .params(signed.dispenserId(), signed.nonce(), nonceExpiry(signed)).update();
        if (fresh == 0) {
            throw replay(signed);
        }
    }

    /** Until when a nonce must be remembered: as long as its timestamp is accepted. */
    Timestamp nonceExpiry(Signed signed) {
        return Timestamp.from(Instant.ofEpochSecond(signed.timestamp()).plus(settings.signatureWindow()).plusSeconds(1));
    }

    static DeviceRefusal replay(Signed signed) {
        return new DeviceRefusal(HttpStatus.CONFLICT, "replay", "nonce " + signed.nonce()
                + " was already used: a replayed request is refused (sign each request with a new nonce)");
    }

    /** Counts a refusal of a request that does not go through {@link #run} (e.g. an unreadable body). */
    void count(String reason, DeviceCredentials.Credential known) {
        metrics.counter("wificore.water.device.refused", "reason", reason).increment();
        if (known != null) {
            gateway.inTenant(known.tenant(), sql -> sql.sql(
                            "update dispensers set refused_requests = refused_requests + 1 where id = ?")
                    .param(known.dispenserId()).update());
        }
    }

    private static String header(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        if (value == null || value.isBlank()) {
            throw new DeviceRefusal(HttpStatus.UNAUTHORIZED, "missing_headers", "missing " + name
                    + " header: every device request is signed (X-Device-Id, X-Timestamp, X-Nonce, X-Signature)");
        }
        return value.strip();
    }
}
