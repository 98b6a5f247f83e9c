package com.traidnet.wificore.radius.authorize;

import java.util.List;

/** A group's radgroupcheck and radgroupreply rows. */
record GroupProfile(String name, List<AvPair> check, List<AvPair> reply) {

    GroupProfile {
        check = List.copyOf(check);
        reply = List.copyOf(reply);
    }
}
