package com.traidnet.wificore.water;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A dispenser's settings, for registration (name, capacity, price and calibration required) and
 * for PATCH (every field optional; null = unchanged).
 */
record DispenserRequest(@Size(min = 1, max = 100) String name,
                        @Size(max = 200) String location,
                        @DecimalMin(value = "0.001") @DecimalMax("1000000") @Digits(integer = 9, fraction = 3)
                        BigDecimal tankCapacityLitres,
                        @DecimalMin("0") @DecimalMax("1000000") @Digits(integer = 9, fraction = 3)
                        BigDecimal tankLowLitres,
                        @DecimalMin("0") @DecimalMax("100000") @Digits(integer = 8, fraction = 4)
                        BigDecimal pricePerLitre,
                        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like KES") String currency,
                        @Min(1) @Max(1_000_000) Integer pulsesPerLitre) {

    void requireAllForRegistration() {
        if (name == null || name.isBlank()) {
            throw com.traidnet.wificore.platform.ApiProblem.invalidField("name", "is required");
        }
        if (tankCapacityLitres == null) {
            throw com.traidnet.wificore.platform.ApiProblem.invalidField("tankCapacityLitres", "is required");
        }
        if (pricePerLitre == null) {
            throw com.traidnet.wificore.platform.ApiProblem.invalidField("pricePerLitre", "is required");
        }
        if (pulsesPerLitre == null) {
            throw com.traidnet.wificore.platform.ApiProblem.invalidField("pulsesPerLitre",
                    "is required (the flow meter's calibration)");
        }
    }
}
