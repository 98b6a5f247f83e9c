package com.traidnet.wificore.radius.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * One check or reply item, as in a {@code radcheck}/{@code radreply} row. In requests
 * {@code op} may be omitted (a default per list applies) and a missing value means "".
 */
record AttributeRow(@NotBlank String attribute, String op, @Size(max = AttributeRules.MAX_VALUE) String value) {
}
