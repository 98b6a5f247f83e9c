package com.traidnet.wificore.portal;

import com.traidnet.wificore.billing.Checkout;
import com.traidnet.wificore.hotspot.HotspotStorefront;
import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.tenant.Tenant;
import com.traidnet.wificore.tenant.TenantStatus;
import com.traidnet.wificore.tenant.TenantZones;
import com.traidnet.wificore.tenant.Tenants;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /portal/{tenantSlug}}: the captive portal's pages (HTML) and the payment status the
 * waiting page polls (JSON). Public: the customer has no account yet. Refusals are pages
 * with the reason, with the HTTP status of the problem.
 */
@Controller
@RequestMapping("/portal/{slug}")
class PortalController {

    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);
    private final Tenants tenants;
    private final HotspotStorefront store;
    private final Checkout checkout;
    private final TenantZones zones;

    PortalController(Tenants tenants, HotspotStorefront store, Checkout checkout, TenantZones zones) {
        this.tenants = tenants;
        this.store = store;
        this.checkout = checkout;
        this.zones = zones;
    }

    @GetMapping
    ResponseEntity<String> offers(@PathVariable String slug, @RequestParam Map<String, String> params) {
        return render(slug, params, (tenant, pages, link) ->
                ok(pages.offers(store.offers(tenant.id(), link.nas()), checkout.mpesaReady(tenant.id()),
                        checkout.currency())));
    }

    @PostMapping("/pay")
    ResponseEntity<String> pay(@PathVariable String slug, @RequestParam Map<String, String> params) {
        return render(slug, params, (tenant, pages, link) -> {
            var offer = store.offer(tenant.id(), uuid(params.get("packageId"), "packageId"), link.nas());
            if (offer.free()) {
                return trial(tenant, pages, link, offer, params); // nothing to pay: M-Pesa refuses KES 0
            }
            if (!checkout.mpesaReady(tenant.id())) {
                throw ApiProblem.conflict("Paying by M-Pesa is not available on this hotspot yet; use a voucher.");
            }
            if (!offer.currency().equalsIgnoreCase(checkout.currency())) {
                throw ApiProblem.conflict("'" + offer.name() + "' is priced in " + offer.currency() + "; M-Pesa takes "
                        + checkout.currency() + " only. Use a voucher.");
            }
            var payment = checkout.payForPackage(tenant.id(), required(params, "phone"), offer.price(), offer.id(),
                    link.mac());
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create("/portal/" + slug + "/payments/" + payment.paymentId() + link.query()))
                    .build();
        });
    }

    @GetMapping("/payments/{id}")
    ResponseEntity<String> payment(@PathVariable String slug, @PathVariable String id,
                                   @RequestParam Map<String, String> params) {
        return render(slug, params, (tenant, pages, link) -> {
            var payment = checkout.status(tenant.id(), uuid(id, "payment"))
                    .orElseThrow(() -> ApiProblem.notFound("payment " + id));
            if (payment.pending()) {
                return ok(pages.waiting(payment));
            }
            if (!payment.settled()) {
                return ok(pages.failed("The payment did not go through" + (payment.resultDesc() == null ? "."
                        : ": " + payment.resultDesc())));
            }
            return store.access(tenant.id(), payment.phone())
                    .map(access -> ok(pages.login(access, "Payment received")))
                    .orElseGet(() -> ok(pages.failed("The payment was received but could not be applied to a"
                            + " package; the operator has been told.")));
        });
    }

    @GetMapping(path = "/payments/{id}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, String> paymentStatus(@PathVariable String slug, @PathVariable String id) {
        Tenant tenant = tenant(slug);
        var payment = checkout.status(tenant.id(), uuid(id, "payment"))
                .orElseThrow(() -> ApiProblem.notFound("payment " + id));
        return Map.of("status", payment.status());
    }

    /**
     * A customer with an account of their own types its password (it is never shown to whoever typed the
     * number): the page logs the device in through the NAS with it — for an HTTP-CHAP hotspot as the digest.
     * Nothing is checked here: the NAS asks RADIUS, which refuses a wrong password.
     */
    @PostMapping("/login")
    ResponseEntity<String> login(@PathVariable String slug, @RequestParam Map<String, String> params) {
        return render(slug, params, (tenant, pages, link) -> {
            String password = required(params, "password");
            if (password.length() > 128) {
                throw ApiProblem.invalidField("password", "is too long");
            }
            return ok(pages.login(new HotspotStorefront.Access(required(params, "username"), password, null, null),
                    "Connecting"));
        });
    }

    /** A free package (price 0): given at once, once per phone and device. */
    @PostMapping("/trial")
    ResponseEntity<String> trial(@PathVariable String slug, @RequestParam Map<String, String> params) {
        return render(slug, params, (tenant, pages, link) -> {
            var offer = store.offer(tenant.id(), uuid(params.get("packageId"), "packageId"), link.nas());
            return trial(tenant, pages, link, offer, params);
        });
    }

    private ResponseEntity<String> trial(Tenant tenant, PortalPages pages, LoginLink link, HotspotStorefront.Offer offer,
                                         Map<String, String> params) {
        if (!offer.free()) {
            throw ApiProblem.invalidField("packageId", "'" + offer.name() + "' is not free: pay for it");
        }
        var access = store.claimTrial(tenant.id(), offer.id(), required(params, "phone"), link.mac());
        return ok(pages.login(access, "Free trial started"));
    }

    @PostMapping("/voucher")
    ResponseEntity<String> voucher(@PathVariable String slug, @RequestParam Map<String, String> params) {
        return render(slug, params, (tenant, pages, link) -> {
            var access = store.redeemVoucher(tenant.id(), required(params, "code"), required(params, "phone"),
                    link.mac());
            return ok(pages.login(access, "Voucher accepted"));
        });
    }

    private interface Step {
        ResponseEntity<String> run(Tenant tenant, PortalPages pages, LoginLink link);
    }

    /** Runs a step; a problem becomes the error page with the problem's status, so the customer reads why. */
    private ResponseEntity<String> render(String slug, Map<String, String> params, Step step) {
        Tenant tenant = tenant(slug);
        LoginLink link;
        try {
            link = LoginLink.of(params);
        } catch (ApiProblem e) {
            link = LoginLink.NONE;
            return page(e, new PortalPages(slug, tenant.name(), store.branding(tenant.id()), link,
                    zones.of(tenant.id())));
        }
        var pages = new PortalPages(slug, tenant.name(), store.branding(tenant.id()), link, zones.of(tenant.id()));
        try {
            return step.run(tenant, pages, link);
        } catch (ApiProblem e) {
            return page(e, pages);
        }
    }

    private static ResponseEntity<String> page(ApiProblem e, PortalPages pages) {
        return ResponseEntity.status(e.status()).contentType(HTML).body(pages.error(e.getMessage()));
    }

    private Tenant tenant(String slug) {
        return tenants.findBySlug(slug).filter(t -> t.status() == TenantStatus.ACTIVE)
                .orElseThrow(() -> ApiProblem.notFound("hotspot '" + slug + "'"));
    }

    private static ResponseEntity<String> ok(String html) {
        return ResponseEntity.ok().contentType(HTML).header("Cache-Control", "no-store").body(html);
    }

    private static String required(Map<String, String> params, String field) {
        String value = params.get(field);
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalidField(field, "is required");
        }
        return value;
    }

    private static UUID uuid(String text, String field) {
        try {
            return UUID.fromString(text == null ? "" : text.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(field, "is not a valid id");
        }
    }
}
