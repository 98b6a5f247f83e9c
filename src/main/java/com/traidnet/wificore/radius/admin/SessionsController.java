package com.traidnet.wificore.radius.admin;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.CurrentTenant;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accounting sessions (radacct), for every role including viewers. */
@RestController
@RequestMapping("/api/sessions")
@Tag(name = "RADIUS")
class SessionsController {

    private final AccountingSessions sessions;
    private final CurrentTenant current;

    SessionsController(AccountingSessions sessions, CurrentTenant current) {
        this.sessions = sessions;
        this.current = current;
    }

    @GetMapping
    Page<SessionView> list(@RequestParam(required = false) String status,
                           @RequestParam(required = false) String username,
                           @RequestParam(required = false) String nasIp,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Boolean open = switch (status == null ? "" : status) {
            case "" -> null;
            case "open" -> true;
            case "closed" -> false;
            default -> throw ApiProblem.invalidField("status", "must be open or closed");
        };
        var filter = new AccountingSessions.Filter(open, username == null || username.isEmpty() ? null : username,
                Addresses.literal(nasIp, "nasIp"));
        return sessions.list(current.require(), filter, Page.request(page, size));
    }

    @GetMapping("/{id}")
    SessionView get(@PathVariable long id) {
        return sessions.find(current.require(), id).orElseThrow(() -> ApiProblem.notFound("session " + id));
    }
}
