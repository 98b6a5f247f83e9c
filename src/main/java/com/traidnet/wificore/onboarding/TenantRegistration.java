package com.traidnet.wificore.onboarding;

import jakarta.validation.constraints.NotBlank;

/** What it takes to open a tenant: its name, its slug and its first admin. */
record TenantRegistration(@NotBlank String tenantName, @NotBlank String slug, @NotBlank String adminEmail,
                          @NotBlank String adminPassword) {
}
