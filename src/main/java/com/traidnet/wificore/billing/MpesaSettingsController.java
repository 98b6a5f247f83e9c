package com.traidnet.wificore.billing;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.tenant.CurrentTenant;
import com.traidnet.wificore.tenant.TenantId;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The current tenant's Daraja app. Secrets are write-only: stored sealed, never returned. */
@RestController
@RequestMapping("/api/billing/mpesa")
@Tag(name = "Payments")
class MpesaSettingsController {

    private static final Logger log = LoggerFactory.getLogger(MpesaSettingsController.class);

    private final MpesaSettingsStore store;
    private final CurrentTenant current;
    private final DarajaClient daraja;
    private final OwnUrl ownUrl;
    private final boolean simulatorEnabled;

    MpesaSettingsController(MpesaSettingsStore store, CurrentTenant current, DarajaClient daraja, OwnUrl ownUrl,
                            @Value("${wificore.billing.simulator.enabled:true}") boolean simulatorEnabled) {
        this.store = store;
        this.current = current;
        this.daraja = daraja;
        this.ownUrl = ownUrl;
        this.simulatorEnabled = simulatorEnabled;
    }

    record MpesaSettingsRequest(@NotBlank @Pattern(regexp = "\\d{5,7}", message = "must be 5 to 7 digits") String shortcode,
                                @NotBlank @Pattern(regexp = "paybill|till", message = "must be paybill or till") String shortcodeType,
                                @NotBlank @Pattern(regexp = "sandbox|production|simulator",
                                        message = "must be sandbox, production or simulator") String environment,
                                @Size(max = 300) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
                                String callbackBaseUrl,
                                @Size(min = 1, max = 500) String passkey, @Size(min = 1, max = 500) String consumerKey,
                                @Size(min = 1, max = 500) String consumerSecret) {
    }

    @GetMapping
    MpesaSettingsView get() {
        return store.find(current.require()).orElseThrow(() -> ApiProblem.notFound("M-Pesa settings"));
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('tenant_admin','platform_admin')")
    MpesaSettingsView put(@Valid @RequestBody MpesaSettingsRequest body) {
        if ("simulator".equals(body.environment()) && !simulatorEnabled) {
            throw ApiProblem.invalidField("environment", "the Daraja simulator is disabled on this platform"
                    + " (wificore.billing.simulator.enabled)");
        }
        TenantId tenant = current.require();
        MpesaSettingsView saved = store.save(tenant, new MpesaSettingsStore.Change(body.shortcode(),
                body.shortcodeType(), body.environment(), body.callbackBaseUrl(), body.passkey(), body.consumerKey(),
                body.consumerSecret()));
        return "paybill".equals(body.shortcodeType()) ? saved.withRegistration(registerC2b(tenant)) : saved;
    }

    /** After the save committed: a Daraja outage must not lose the settings, so the outcome is only reported. */
    private String registerC2b(TenantId tenant) {
        MpesaApp app = store.app(tenant).orElseThrow();
        String base = ownUrl.callbackBase(app) + "/api/payments/mpesa/c2b";
        try {
            daraja.registerC2bUrls(app, base + "/confirmation", base + "/validation");
            return "registered";
        } catch (DarajaClient.DarajaException e) {
            log.warn("tenant {}: C2B URL registration failed: {}", tenant, e.getMessage());
            return "failed: " + e.getMessage();
        }
    }
}
