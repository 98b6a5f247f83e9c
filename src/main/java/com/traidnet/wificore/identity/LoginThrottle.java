package com.traidnet.wificore.identity;

import com.traidnet.wificore.platform.ApiProblem;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed logins per account and per client address within a fixed window
 * (in-process; one node keeps its own counts). Past a limit, logins answer 429 with
 * {@code Retry-After} until the window ends — even with the right password, so a
 * guesser learns nothing from a locked account.
 */
@Component
class LoginThrottle {

    private record Window(Instant start, int failures) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final IdentitySettings settings;
    private final Clock clock;

    LoginThrottle(IdentitySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    void check(String email, String address) {
        refuseIfOver(accountKey(email), settings.maxFailuresPerAccount(), "this account");
        refuseIfOver(addressKey(address), settings.maxFailuresPerAddress(), "your address");
    }

    void failed(String email, String address) {
        bump(accountKey(email));
        bump(addressKey(address));
    }

    void succeeded(String email) {
        windows.remove(accountKey(email));
    }

    private void refuseIfOver(String key, int max, String who) {
        Window w = current(key);
        if (w != null && w.failures() >= max) {
            Duration wait = Duration.between(clock.instant(), w.start().plus(settings.failureWindow()));
            throw ApiProblem.tooManyRequests("too many failed logins for " + who + "; try again in "
                    + Math.max(1, wait.toSeconds()) + " s", wait);
        }
    }

    private void bump(String key) {
        Instant now = clock.instant();
        windows.compute(key, (k, w) -> w == null || expired(w, now) ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1));
    }

    private Window current(String key) {
        Window w = windows.get(key);
        return w == null || expired(w, clock.instant()) ? null : w;
    }

    private boolean expired(Window w, Instant now) {
        return !now.isBefore(w.start().plus(settings.failureWindow()));
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetExpired() {
        Instant now = clock.instant();
        windows.values().removeIf(w -> expired(w, now));
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
