package com.traidnet.wificore.radius.admin;

import com.traidnet.wificore.identity.StaffPrincipal;
import com.traidnet.wificore.radius.packet.PacketCode;
import com.traidnet.wificore.tenant.CurrentTenant;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Disconnect a session or change it while it runs (RFC 5176), through its NAS. */
@RestController
@RequestMapping("/api/sessions")
@Tag(name = "RADIUS")
class SessionCommandsController {

    record CoaRequest(@NotEmpty @Size(max = 20) List<@Valid Item> attributes) {
    }

    record Item(@NotBlank String attribute, @NotBlank @Size(max = 253) String value) {
    }

    private final SessionCommands commands;
    private final CurrentTenant current;

    SessionCommandsController(SessionCommands commands, CurrentTenant current) {
        this.commands = commands;
        this.current = current;
    }

    @PostMapping("/{id}/disconnect")
    @PreAuthorize(Writers.ROLES)
    SessionCommands.Outcome disconnect(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal who) {
        return commands.send(current.require(), id, PacketCode.DISCONNECT_REQUEST, List.of(), Actor.of(who));
    }

    @PostMapping("/{id}/coa")
    @PreAuthorize(Writers.ROLES)
    SessionCommands.Outcome coa(@PathVariable long id, @Valid @RequestBody CoaRequest body,
                                @AuthenticationPrincipal StaffPrincipal who) {
        List<SessionCommands.Change> changes = body.attributes().stream()
                .map(i -> new SessionCommands.Change(i.attribute(), i.value())).toList();
        return commands.send(current.require(), id, PacketCode.COA_REQUEST, changes, Actor.of(who));
    }
}
