package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.platform.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A package to create or replace (PUT sends the whole package). Defaults: KES, 1 device, public, every NAS. */
record PackageRequest(@NotNull @Pattern(regexp = "hotspot|pppoe|trial") String type,
                      @NotBlank @Size(max = 100) String name,
                      @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal price,
                      @Pattern(regexp = "[A-Z]{3}", message = "a three-letter currency code in capitals, e.g. KES")
                      String currency,
                      @NotNull @Positive @Max(100_000) Integer durationValue,
                      @NotNull @Pattern(regexp = "minutes|hours|days|months") String durationUnit,
                      @NotNull @Positive @Max(100_000_000) Integer uploadKbps,
                      @NotNull @Positive @Max(100_000_000) Integer downloadKbps,
                      @Valid BurstRequest burst,
                      @Positive Long dataCapBytes,
                      @Positive @Max(1000) Integer devices,
                      @Pattern(regexp = "public|hidden") String visibility,
                      @Size(max = 100) List<@NotNull UUID> nasIds) {

    record BurstRequest(@NotNull @Positive @Max(100_000_000) Integer uploadKbps,
                        @NotNull @Positive @Max(100_000_000) Integer downloadKbps,
                        @NotNull @Positive @Max(100_000_000) Integer thresholdUploadKbps,
                        @NotNull @Positive @Max(100_000_000) Integer thresholdDownloadKbps,
                        @NotNull @Positive @Max(3600) Integer timeSeconds) {
    }

    String currencyOrDefault() {
        return currency == null ? "KES" : currency;
    }

    int devicesOrDefault() {
        return devices == null ? 1 : devices;
    }

    boolean listed() {
        return !"hidden".equals(visibility);
    }

    List<UUID> nasIdsOrEmpty() {
        return nasIds == null ? List.of() : nasIds.stream().distinct().toList();
    }

    /**
     * Checks across fields that annotations cannot express. A price in shillings is whole: M-Pesa
     * moves whole shillings only, so KES 25.50 could be listed but never paid.
     */
    RateLimit.Burst checked() {
        if ("KES".equals(currencyOrDefault()) && price.stripTrailingZeros().scale() > 0) {
            throw ApiProblem.invalidField("price", "must be whole shillings: M-Pesa cannot be paid KES "
                    + price.toPlainString());
        }
        return checkedBurst();
    }

    /** MikroTik ignores a burst at or below the base rate. */
    private RateLimit.Burst checkedBurst() {
        if (burst == null) {
            return null;
        }
        if (burst.uploadKbps() <= uploadKbps || burst.downloadKbps() <= downloadKbps) {
            throw ApiProblem.invalidField("burst", "burst rates must be above uploadKbps/downloadKbps");
        }
        if (burst.thresholdUploadKbps() > uploadKbps || burst.thresholdDownloadKbps() > downloadKbps) {
            throw ApiProblem.invalidField("burst", "burst thresholds must not exceed uploadKbps/downloadKbps");
        }
        return new RateLimit.Burst(burst.uploadKbps(), burst.downloadKbps(), burst.thresholdUploadKbps(),
                burst.thresholdDownloadKbps(), burst.timeSeconds());
    }
}
