package com.traidnet.wificore.onboarding;

import com.traidnet.wificore.platform.ApiProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Self-service registration creates a schema, so it is capped per client address per
 * hour ({@code wificore.onboarding.registrations-per-hour}, default 20). Platform admins
 * are not limited.
 */
@Component
class RegistrationThrottle {

    private final int perHour;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    RegistrationThrottle(@Value("${wificore.onboarding.registrations-per-hour:20}") int perHour) {
        this.perHour = perHour;
    }

    void acquire(String address) {
        if (counts.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet() > perHour) {
            throw ApiProblem.tooManyRequests("too many registrations from your address; try again later",
                    Duration.ofHours(1));
        }
    }

    @Scheduled(fixedRate = 3_600_000, initialDelay = 3_600_000)
    void reset() {
        counts.clear();
    }
}
