package com.traidnet.wificore.radius.admin;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.CurrentTenant;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who tried to authenticate and what the server answered. */
@RestController
@RequestMapping("/api/radius/postauth")
@Tag(name = "RADIUS")
class PostAuthController {

    private final PostAuthLog log;
    private final CurrentTenant current;

    PostAuthController(PostAuthLog log, CurrentTenant current) {
        this.log = log;
        this.current = current;
    }

    @GetMapping
    Page<PostAuthView> list(@RequestParam(required = false) String username,
                            @RequestParam(required = false) String result,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        String reply = switch (result == null ? "" : result) {
            case "" -> null;
            case "accept" -> PostAuthLog.ACCEPT;
            case "reject" -> PostAuthLog.REJECT;
            default -> throw ApiProblem.invalidField("result", "must be accept or reject");
        };
        return log.list(current.require(), username == null || username.isEmpty() ? null : username, reply,
                Page.request(page, size));
    }
}
