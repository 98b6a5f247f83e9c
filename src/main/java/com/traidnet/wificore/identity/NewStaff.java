package com.traidnet.wificore.identity;

import java.util.Set;

/** A validated staff user with its password already hashed, ready to insert. */
public record NewStaff(String email, String name, String passwordHash, Set<Role> roles) {
}
