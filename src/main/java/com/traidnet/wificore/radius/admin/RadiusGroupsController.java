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

import static com.traidnet.wificore.radius.admin.RadiusUsersController.MAX_ITEMS;

/** The tenant's RADIUS groups (radgroups, radgroupcheck, radgroupreply). */
@RestController
@RequestMapping("/api/radius/groups")
@Tag(name = "RADIUS")
class RadiusGroupsController {

    private final RadiusGroups groups;
    private final CurrentTenant current;

    RadiusGroupsController(RadiusGroups groups, CurrentTenant current) {
        this.groups = groups;
        this.current = current;
    }

    record NewGroup(String name, @Size(max = 500) String description,
                    @Valid @Size(max = MAX_ITEMS) List<AttributeRow> check,
                    @Valid @Size(max = MAX_ITEMS) List<AttributeRow> reply) {
    }

    /** Replaces description, check and reply (omitted = none). */
    record GroupChange(@Size(max = 500) String description,
                       @Valid @Size(max = MAX_ITEMS) List<AttributeRow> check,
                       @Valid @Size(max = MAX_ITEMS) List<AttributeRow> reply) {
    }

    @GetMapping
    Page<GroupView> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "50") int size) {
        return groups.list(current.require(), q, Page.request(page, size));
    }

    @GetMapping("/{name}")
    GroupView get(@PathVariable String name) {
        return groups.find(current.require(), name)
                .orElseThrow(() -> ApiProblem.notFound("RADIUS group '" + name + "'"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Writers.ROLES)
    GroupView create(@Valid @RequestBody NewGroup body, @AuthenticationPrincipal StaffPrincipal who) {
        var group = GroupSpec.of(body.name(), body.description(), body.check(), body.reply());
        return groups.create(current.require(), Actor.of(who), group);
    }

    @PutMapping("/{name}")
    @PreAuthorize(Writers.ROLES)
    GroupView replace(@PathVariable String name, @Valid @RequestBody GroupChange body,
                      @AuthenticationPrincipal StaffPrincipal who) {
        var group = GroupSpec.of(name, body.description(), body.check(), body.reply());
        return groups.replace(current.require(), Actor.of(who), group);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Writers.ROLES)
    void delete(@PathVariable String name, @RequestParam(defaultValue = "false") boolean force,
                @AuthenticationPrincipal StaffPrincipal who) {
        groups.remove(current.require(), Actor.of(who), name, force);
    }
}
