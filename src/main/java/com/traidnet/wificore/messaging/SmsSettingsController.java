package com.traidnet.wificore.messaging;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.tenant.CurrentTenant;
import com.traidnet.wificore.tenant.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The current tenant's SMS account. The API key is write-only: stored sealed, never returned. */
@RestController
@RequestMapping("/api/messaging/sms")
@Tag(name = "Messaging")
class SmsSettingsController {

    private static final String ADMINS = "hasAnyRole('tenant_admin','platform_admin')";

    record SmsRequest(@NotBlank @Pattern(regexp = "platform|africastalking|off",
                              message = "must be platform, africastalking or off") String provider,
                      @Size(min = 1, max = 100) @Pattern(regexp = "[A-Za-z0-9_.-]+",
                              message = "letters, digits and _ . - only") String username,
                      @Size(min = 1, max = 11) @Pattern(regexp = "[A-Za-z0-9 ]+",
                              message = "a sender id of letters, digits and spaces, or a short code") String sender,
                      @Size(min = 1, max = 500) String apiKey) {
    }

    record TestRequest(@NotBlank @Pattern(regexp = "[+0-9 ()-]{9,20}",
            message = "must be a phone number, like 0712 345 678 or 254712345678") String to) {

        /** International form: digits only, a Kenyan 07…/01… number given its 254. */
        String international() {
            String digits = to.replaceAll("[^0-9]", "");
            String out = digits.length() == 10 && digits.startsWith("0") ? "254" + digits.substring(1) : digits;
            if (!out.matches("[1-9]\\d{7,14}")) {
                throw ApiProblem.invalidField("to", "must be a phone number, like 0712 345 678 or 254712345678");
            }
            return out;
        }
    }

    record TestResult(String provider, String to) {
    }

    private final SmsAccounts accounts;
    private final TenantSms sms;
    private final CurrentTenant current;

    SmsSettingsController(SmsAccounts accounts, TenantSms sms, CurrentTenant current) {
        this.accounts = accounts;
        this.sms = sms;
        this.current = current;
    }

    @GetMapping
    @Operation(summary = "Which provider carries this tenant's SMS; the API key only as apiKeySet")
    SmsAccount get() {
        return accounts.find(current.require());
    }

    @PutMapping
    @PreAuthorize(ADMINS)
    @Operation(summary = "Use the platform's provider, your own Africa's Talking application, or no SMS")
    SmsAccount put(@Valid @RequestBody SmsRequest body) {
        TenantId tenant = current.require();
        boolean own = "africastalking".equals(body.provider());
        SmsAccount saved = accounts.save(tenant, new SmsAccounts.Change(body.provider(),
                own ? body.username() : null, own ? body.sender() : null, own ? body.apiKey() : null));
        sms.forget(tenant);
        return saved;
    }

    @PostMapping("/test")
    @PreAuthorize(ADMINS)
    @Operation(summary = "Send a test message through the tenant's current SMS settings")
    TestResult test(@Valid @RequestBody TestRequest body) {
        TenantId tenant = current.require();
        String to = body.international();
        // a test that "succeeds" without sending anything would make the operator believe customers get their SMS
        switch (sms.effectiveRoute(tenant)) {
            case "off" -> throw ApiProblem.conflict("SMS is off for this tenant, so nothing was sent: choose the"
                    + " platform's provider or your own Africa's Talking account first");
            case "log" -> throw ApiProblem.conflict("The platform has no SMS provider set up (WIFICORE_SMS_PROVIDER),"
                    + " so messages are only written to its log and nothing was sent: use your own Africa's Talking"
                    + " account, or ask the platform's operator to configure one");
            default -> { }
        }
        try {
            return new TestResult(sms.send(tenant, to, "WifiCore test message: SMS from your account works."), to);
        } catch (SmsSender.SmsFailedException e) {
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "the SMS provider did not take the message: " + e.getMessage());
        }
    }
}
