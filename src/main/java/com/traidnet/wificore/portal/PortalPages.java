package com.traidnet.wificore.portal;

import com.traidnet.wificore.billing.Checkout;
import com.traidnet.wificore.hotspot.HotspotStorefront.Access;
import com.traidnet.wificore.hotspot.HotspotStorefront.Branding;
import com.traidnet.wificore.hotspot.HotspotStorefront.Offer;

import java.util.List;
import java.util.Map;

import static com.traidnet.wificore.portal.Html.hidden;
import static com.traidnet.wificore.portal.Html.text;

/** The portal's pages, one method each. Plain forms; the little script there is only speeds things up. */
final class PortalPages {

    private final String base;
    private final String brand;
    private final Branding branding;
    private final LoginLink link;

    private final java.time.ZoneId zone;

    PortalPages(String slug, String tenantName, Branding branding, LoginLink link, java.time.ZoneId zone) {
        this.base = "/portal/" + slug;
        this.brand = branding.displayName() != null ? branding.displayName() : tenantName;
        this.branding = branding;
        this.link = link;
        this.zone = zone;
    }

    private static final java.time.format.DateTimeFormatter UNTIL =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", java.util.Locale.ENGLISH);

    private String page(String title, String head, String body) {
        return Html.page(title, brand, branding.logoUrl(), Html.colour(branding.primaryColor()), head, body);
    }

    /**
     * The packages on sale — paid ones only when M-Pesa is set up and they are priced in its currency, free ones
     * always — and the voucher form.
     */
    String offers(List<Offer> all, boolean mpesa, String mpesaCurrency) {
        var b = new StringBuilder();
        List<Offer> offers = all.stream()
                .filter(o -> o.free() || mpesa && o.currency().equalsIgnoreCase(mpesaCurrency)).toList();
        if (!mpesa && all.stream().anyMatch(o -> !o.free())) {
            b.append("<div class=\"card\">Paying by M-Pesa is not available here yet: use a voucher.</div>");
        } else if (offers.isEmpty()) {
            b.append("<div class=\"card\">No packages are on sale here right now.</div>");
        }
        for (Offer o : offers) {
            b.append("<form class=\"card\" method=\"post\" action=\"").append(base).append(o.free() ? "/trial" : "/pay")
                    .append("\"><div class=\"price\">")
                    .append(o.free() ? "Free" : text(o.currency()) + " " + text(o.price().stripTrailingZeros().toPlainString()))
                    .append(" — ").append(text(o.name())).append("</div><div class=\"muted\">")
                    .append(text(o.validity())).append(", up to ").append(speed(o.downloadKbps()))
                    .append(o.dataCapBytes() == null ? "" : ", " + text(o.dataCapBytes() / 1_000_000) + " MB")
                    .append(o.devices() > 1 ? ", " + o.devices() + " devices" : "").append("</div>")
                    .append("<input type=\"hidden\" name=\"packageId\" value=\"").append(o.id()).append("\">")
                    .append(hidden(link.fields()))
                    .append("<label>").append(o.free() ? "Phone number" : "M-Pesa phone number")
                    .append("<input name=\"phone\" type=\"tel\" inputmode=\"tel\" required"
                            + " placeholder=\"07XX XXX XXX\" autocomplete=\"tel\"></label>")
                    .append(o.free() ? "<button>Start free trial</button></form>" : "<button>Pay with M-Pesa</button></form>");
        }
        b.append("<form class=\"card\" method=\"post\" action=\"").append(base).append("/voucher\">")
                .append("<div class=\"price\">Have a voucher?</div>").append(hidden(link.fields()))
                .append("<label>Voucher code<input name=\"code\" required autocapitalize=\"characters\""
                        + " autocomplete=\"off\"></label>")
                .append("<label>Phone number<input name=\"phone\" type=\"tel\" inputmode=\"tel\" required></label>")
                .append("<button>Redeem</button></form>");
        return page(brand + " — WiFi", "", b.toString());
    }

    /** Waiting for the customer's PIN: reloads itself (no script needed); the script polls faster. */
    String waiting(Checkout.Status payment) {
        String self = base + "/payments/" + payment.paymentId() + link.query();
        String status = base + "/payments/" + payment.paymentId() + "/status";
        String head = "<meta http-equiv=\"refresh\" content=\"5\">";
        String body = "<div class=\"card\" aria-live=\"polite\"><div class=\"price\">Check your phone</div>"
                + "<p>Enter your M-Pesa PIN on " + text(payment.phone()) + " to pay " + text(payment.amount())
                + ". This page continues by itself.</p><p class=\"muted\">Waiting for M-Pesa…</p></div>"
                + "<script>setInterval(function(){fetch('" + status + "').then(function(r){return r.json()})"
                + ".then(function(s){if(s.status!=='pending')location.replace('" + jsString(self)
                + "')})},2000)</script>";
        return page("Waiting for M-Pesa", head, body);
    }

    /**
     * Logs the device in through the NAS, or shows the credentials when no NAS sent the customer here. Without a
     * password (an existing account: never shown to whoever typed its number) the customer types their own.
     */
    String login(Access access, String headline) {
        var b = new StringBuilder("<div class=\"card\"><div class=\"price\">").append(text(headline)).append("</div>");
        if (access.packageName() != null) {
            b.append("<p>").append(text(access.packageName())).append(access.expiresAt() == null ? ""
                    : ", valid until " + text(UNTIL.format(access.expiresAt().atZone(zone)))).append(".</p>");
        }
        if (access.password() == null) {
            return ownPassword(access, b);
        }
        if (link.linkLoginOnly() == null) {
            b.append("<p>Username: <b>").append(text(access.username())).append("</b><br>Password: <b>")
                    .append(text(access.password())).append("</b></p></div>");
            return page("Connected", "", b.toString());
        }
        // an HTTP-CHAP hotspot takes only the digest; the cleartext then never reaches the page
        String password = link.chap() == null ? access.password() : link.chap().response(access.password());
        b.append("<form name=\"login\" method=\"post\" action=\"").append(text(link.linkLoginOnly())).append("\">")
                .append(hidden(Map.of("username", access.username(), "password", password,
                        "dst", link.linkOrig() == null ? "" : link.linkOrig(), "popup", "true")))
                .append("<button>Connect now</button></form></div>")
                .append("<script>document.forms.login.submit()</script>");
        return page("Connecting…", "", b.toString());
    }

    private String ownPassword(Access access, StringBuilder b) {
        b.append("<p>Added to the account of ").append(text(access.username())).append(".</p>");
        if (link.linkLoginOnly() == null) {
            b.append("<p>Log in with that account's username and your password.</p></div>");
            return page("Done", "", b.toString());
        }
        b.append("<form method=\"post\" action=\"").append(base).append("/login\">").append(hidden(link.fields()))
                .append(hidden(Map.of("username", access.username())))
                .append("<label>Your WiFi password<input name=\"password\" type=\"password\" required"
                        + " autocomplete=\"current-password\"></label><button>Connect</button></form></div>");
        return page("Connect", "", b.toString());
    }

    String failed(String why) {
        return page("Payment not completed", "", "<div class=\"card\"><p class=\"error\" role=\"alert\">"
                + text(why) + "</p><a href=\"" + text(base + link.query()) + "\">Try again</a></div>");
    }

    String error(String message) {
        return page("Sorry", "", "<div class=\"card\"><p class=\"error\" role=\"alert\">" + text(message)
                + "</p><a href=\"" + text(base + link.query()) + "\">Back</a></div>");
    }

    /** 3072 → "3 Mbit/s", 1536 → "1.5 Mbit/s", 512 → "512 kbit/s". */
    static String speed(int kbps) {
        if (kbps < 1024) {
            return kbps + " kbit/s";
        }
        var mbit = java.math.BigDecimal.valueOf(kbps).divide(java.math.BigDecimal.valueOf(1024), 1,
                java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return mbit.toPlainString() + " Mbit/s";
    }

    private static String jsString(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\u003c");
    }
}
