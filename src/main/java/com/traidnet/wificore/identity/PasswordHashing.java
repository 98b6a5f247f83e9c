package com.traidnet.wificore.identity;

import com.traidnet.wificore.platform.ApiProblem;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id password hashes (Spring Security's encoder over Bouncy Castle; parameters:
 * 16 MiB memory, 2 iterations, parallelism 1 — OWASP's minimum class, ~30-60 ms here).
 * Verifying an unknown account still spends the same time, so response times do not
 * reveal which e-mail addresses exist.
 */
@Component
class PasswordHashing {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 200;

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final String decoy = encoder.encode("decoy password for unknown accounts");

    String hash(String password, String field) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw ApiProblem.invalidField(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw ApiProblem.invalidField(field, "must be at most " + MAX_LENGTH + " characters");
        }
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        if (password == null || password.length() > MAX_LENGTH) {
            encoder.matches("x", decoy);
            return false;
        }
        return encoder.matches(password, hash == null ? decoy : hash) && hash != null;
    }
}
