/**
 * The HTTP management API for a tenant's raw RADIUS data: users and groups as
 * FreeRADIUS {@code radcheck}/{@code radreply}/{@code radusergroup}/{@code radgroup*} rows
 * (validated against the wire dictionary and the control attributes the server
 * understands), accounting sessions from {@code radacct}, and the post-auth log.
 * Every call runs in the caller's tenant schema through the tenant gateway.
 */
package com.traidnet.wificore.radius.admin;
