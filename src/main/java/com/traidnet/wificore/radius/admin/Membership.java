package com.traidnet.wificore.radius.admin;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * A user's place in a group ({@code radusergroup}). Requests may give just the group
 * name as a string; a missing priority becomes the position in the list (from 1).
 * FreeRADIUS applies groups in ascending priority.
 */
record Membership(@NotBlank String name, @Min(0) Integer priority) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    Membership {
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Membership named(String name) {
        return new Membership(name, null);
    }
}
