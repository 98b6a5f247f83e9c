package com.traidnet.wificore.radius.admin;

import com.traidnet.wificore.identity.StaffPrincipal;
import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.CurrentTenant;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The tenant's RADIUS users (radcheck, radreply, radusergroup). */
@RestController
@RequestMapping("/api/radius/users")
@Tag(name = "RADIUS")
class RadiusUsersController {

    static final int MAX_ITEMS = 100;

    private final RadiusUsers users;
    private final CurrentTenant current;

    RadiusUsersController(RadiusUsers users, CurrentTenant current) {
        this.users = users;
        this.current = current;
    }

    /** {@code groups} entries are group names or {@code {name, priority}}. */
    record NewUser(String username, String password, String passwordType,
                   @Valid @Size(max = MAX_ITEMS) List<AttributeRow> check,
                   @Valid @Size(max = MAX_ITEMS) List<AttributeRow> reply,
                   @Valid @Size(max = MAX_ITEMS) List<Membership> groups) {
    }

    /** Replaces check, reply and groups (omitted = none); the password only if one is given. */
    record UserChange(String password, String passwordType,
                      @Valid @Size(max = MAX_ITEMS) List<AttributeRow> check,
                      @Valid @Size(max = MAX_ITEMS) List<AttributeRow> reply,
                      @Valid @Size(max = MAX_ITEMS) List<Membership> groups) {
    }

    @GetMapping
    Page<UserView> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "50") int size) {
        return users.list(current.require(), q, Page.request(page, size));
    }

    @GetMapping("/{username}")
    UserView get(@PathVariable String username) {
        return users.find(current.require(), username)
                .orElseThrow(() -> ApiProblem.notFound("RADIUS user '" + username + "'"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Writers.ROLES)
    UserView create(@Valid @RequestBody NewUser body, @AuthenticationPrincipal StaffPrincipal who) {
        if (body.password() == null) {
            throw ApiProblem.invalidField("password", "is required");
        }
        var user = UserSpec.of(body.username(), body.password(), body.passwordType(), body.check(), body.reply(),
                body.groups());
        return users.create(current.require(), Actor.of(who), user);
    }

    @PutMapping("/{username}")
    @PreAuthorize(Writers.ROLES)
    UserView replace(@PathVariable String username, @Valid @RequestBody UserChange body,
                     @AuthenticationPrincipal StaffPrincipal who) {
        var user = UserSpec.of(username, body.password(), body.passwordType(), body.check(), body.reply(),
                body.groups());
        return users.replace(current.require(), Actor.of(who), user);
    }

    @DeleteMapping("/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Writers.ROLES)
    void delete(@PathVariable String username, @AuthenticationPrincipal StaffPrincipal who) {
        users.remove(current.require(), Actor.of(who), username);
    }
}
