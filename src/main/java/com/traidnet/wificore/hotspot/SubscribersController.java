package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.identity.StaffPrincipal;
import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.radius.SessionControl;
import com.traidnet.wificore.tenant.CurrentTenant;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The tenant's hotspot and PPPoE subscribers. */
@RestController
@RequestMapping("/api/subscribers")
@Tag(name = "Hotspot")
class SubscribersController {

    private final Subscribers subscribers;
    private final SubscriberHistory history;
    private final SubscriberCsv csv;
    private final Enforcement enforcement;
    private final CurrentTenant current;

    SubscribersController(Subscribers subscribers, SubscriberHistory history, SubscriberCsv csv,
                          Enforcement enforcement, CurrentTenant current) {
        this.subscribers = subscribers;
        this.enforcement = enforcement;
        this.history = history;
        this.csv = csv;
        this.current = current;
    }

    @GetMapping
    Page<Subscriber> list(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                          @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "50") int size) {
        return subscribers.list(current.require(), q, kind, status, Page.request(page, size));
    }

    @GetMapping("/{id}")
    Subscriber get(@PathVariable UUID id) {
        return subscribers.find(current.require(), id).orElseThrow(() -> ApiProblem.notFound("subscriber " + id));
    }

    /** Answers {@code {subscriber, password}}: the password is shown this once (it is kept only in radcheck). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Writers.ROLES)
    Subscribers.Created create(@Valid @RequestBody SubscriberRequest body, @AuthenticationPrincipal StaffPrincipal who) {
        return subscribers.create(current.require(), Actor.of(who), body);
    }

    @PatchMapping("/{id}")
    @PreAuthorize(Writers.ROLES)
    Subscriber change(@PathVariable UUID id, @Valid @RequestBody SubscriberChange body,
                      @AuthenticationPrincipal StaffPrincipal who) {
        return subscribers.change(current.require(), Actor.of(who), id, body);
    }

    @PostMapping("/{id}/block")
    @PreAuthorize(Writers.ROLES)
    Subscriber block(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal who) {
        var tenant = current.require();
        Subscriber blocked = subscribers.setStatus(tenant, Actor.of(who), id, "blocked");
        // committed: it cannot log in again; now end what is running (unanswered ones are retried by the sweep)
        enforcement.disconnect(tenant, blocked, Actor.of(who), "blocked by staff");
        return blocked;
    }

    @PostMapping("/{id}/unblock")
    @PreAuthorize(Writers.ROLES)
    Subscriber unblock(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal who) {
        return subscribers.setStatus(current.require(), Actor.of(who), id, "active");
    }

    /**
     * Sends a Disconnect-Request for each of the subscriber's open sessions and answers the NAS's
     * answers (an empty list when it was offline). It may log in again unless it is blocked,
     * expired or over quota.
     */
    @PostMapping("/{id}/disconnect")
    @PreAuthorize(Writers.ROLES)
    List<SessionControl.Disconnected> disconnect(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal who) {
        var tenant = current.require();
        Subscriber s = subscribers.find(tenant, id).orElseThrow(() -> ApiProblem.notFound("subscriber " + id));
        return enforcement.disconnect(tenant, s, Actor.of(who), "staff request");
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Writers.ROLES)
    void delete(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal who) {
        var tenant = current.require();
        Subscriber gone = subscribers.remove(tenant, Actor.of(who), id);
        // its RADIUS rows are gone, so no new login; a session still running is ended too
        enforcement.disconnect(tenant, gone, Actor.of(who), "deleted by staff");
    }

    @GetMapping("/{id}/history")
    Page<SubscriberHistory.Entry> history(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "50") int size) {
        return history.of(current.require(), id, Page.request(page, size));
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    ResponseEntity<String> export() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"subscribers.csv\"")
                .body(csv.export(current.require()));
    }

    /** The CSV file as the body (text/csv, at most 1 MiB). All rows or none: 422 lists every bad row. */
    @PostMapping(value = "/import", consumes = {"text/csv", "text/plain"})
    @PreAuthorize(Writers.ROLES)
    ResponseEntity<?> importCsv(@RequestBody String body, @AuthenticationPrincipal StaffPrincipal who) {
        var result = csv.importCsv(current.require(), Actor.of(who), body);
        if (result.errors().isEmpty()) {
            return ResponseEntity.ok(result);
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                result.errors().size() + " row(s) are invalid; nothing was imported");
        problem.setProperty("errors", result.errors());
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
