package com.traidnet.wificore.radius.authorize;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The result of the authorize step (before any password is looked at): refused outright, or
 * the merged control items (password, Auth-Type, limits) and reply items of user and groups.
 */
sealed interface Authorization {

    record Refused(Reason reason, String detail) implements Authorization {
    }

    record Granted(List<AvPair> control, List<AvPair> reply) implements Authorization {

        Optional<AvPair> control(String attribute) {
            return control.stream().filter(p -> p.named(attribute)).findFirst();
        }

        OptionalLong controlNumber(String attribute) {
            return control(attribute).map(p -> parseLong(p.value())).orElse(OptionalLong.empty());
        }

        /** Whether deciding needs the accounting tables (open sessions or usage so far). */
        boolean needsSessionFacts() {
            return controlNumber(Limits.SIMULTANEOUS_USE).isPresent() || controlNumber(Limits.MAX_ALL_SESSION).isPresent()
                    || controlNumber(Limits.MAX_TOTAL_OCTETS).isPresent();
        }

        private static OptionalLong parseLong(String text) {
            try {
                return OptionalLong.of(Long.parseLong(text.trim()));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
    }
}
