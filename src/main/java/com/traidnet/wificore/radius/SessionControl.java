package com.traidnet.wificore.radius;

import com.traidnet.wificore.tenant.TenantId;

import java.util.List;
import java.util.UUID;

/**
 * Ends a user's live sessions for other modules (enforcement, staff actions on a subscriber):
 * one RFC 5176 Disconnect-Request per open accounting session, sent to the session's NAS,
 * recorded in {@code radius_coa_requests} and the audit log exactly like a staff disconnect
 * through {@code POST /api/sessions/{id}/disconnect}. Blocks until every NAS answered or timed
 * out. Ending the sessions does not stop a new login: the caller changes the user's RADIUS
 * rows for that.
 */
public interface SessionControl {

    /**
     * Disconnects every open session of {@code username} in {@code tenant}, one after another.
     *
     * @param requester who asks (recorded in radius_coa_requests and the audit log)
     * @param reason    why, for the audit log (e.g. {@code data cap reached})
     * @return one entry per session that was open; empty when the user had none
     */
    List<Disconnected> disconnectUser(TenantId tenant, String username, Requester requester, String reason);

    /**
     * Who asks for a disconnect.
     *
     * @param staffId the staff member, or null for the system
     * @param label   a staff e-mail, or a system actor such as {@code system:enforcement}
     */
    record Requester(UUID staffId, String label) {

        public static Requester system(String label) {
            return new Requester(null, label);
        }
    }

    /** How the NAS answered for one session. */
    enum Result {
        /** Disconnect-ACK: the NAS ended the session. */
        ACKED,
        /** Disconnect-NAK, e.g. Error-Cause 503 Session-Context-Not-Found. */
        NAKED,
        /** No valid answer after every retransmission. */
        TIMEOUT,
        /** Not sent: the session closed meanwhile, its NAS is no longer registered, or the send failed. */
        FAILED
    }

    /**
     * @param sessionId  radacct id
     * @param errorCause the NAK's RFC 5176 Error-Cause, or null
     * @param detail     why it failed or timed out, or null
     */
    record Disconnected(long sessionId, String acctSessionId, Result result, Integer errorCause, String detail) {
    }
}
