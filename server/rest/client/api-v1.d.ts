// Generated from the OpenAPI document by `npm run api:types`; do not edit.
export interface paths {
    "/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit events
         * @description The team's audit log, newest first, 50 events a page: pass `nextBeforeSeq` as `beforeSeq` for older ones.
         *
         *     Needs the `audit.read` scope (see the team's audit log).
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit-events/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export audit events
         * @description The filtered log as CSV or JSON Lines, streamed. The export is audited.
         *
         *     Needs the `audit.export` scope (export the team's audit log).
         */
        get: operations["exportAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List groups
         * @description Needs the `groups.read` scope (see the team's groups).
         */
        get: operations["listGroups"];
        put?: never;
        /**
         * Create a group
         * @description Needs the `groups.manage` scope (manage groups).
         */
        post: operations["createGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{groupId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a group
         * @description Needs the `groups.read` scope (see the team's groups).
         */
        get: operations["getGroup"];
        put?: never;
        post?: never;
        /**
         * Delete a group
         * @description Members lose the custom apps they could use only through this group. When the group may use custom apps, pass `confirmCustomApps=true` to say you mean it.
         *
         *     Needs the `groups.manage` scope (manage groups).
         */
        delete: operations["deleteGroup"];
        options?: never;
        head?: never;
        /**
         * Rename a group
         * @description Needs the `groups.manage` scope (manage groups).
         */
        patch: operations["renameGroup"];
        trace?: never;
    };
    "/groups/{groupId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add users to a group
         * @description Needs the `groups.manage` scope (manage groups).
         */
        post: operations["addGroupMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{groupId}/members/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove users from a group
         * @description Needs the `groups.manage` scope (manage groups).
         */
        post: operations["removeGroupMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hosts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List hosts
         * @description Needs the `hosts.read` scope (see the team's hosts).
         */
        get: operations["listHosts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hosts/{hostId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a host's status
         * @description The host's state, databases and load as of the console's last look at it (at most a minute old).
         *
         *     Needs the `hosts.read` scope (see the team's hosts).
         */
        get: operations["getHostStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hosts/{hostId}/operations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a host's operations
         * @description Needs the `hosts.read` scope (see the team's hosts).
         */
        get: operations["listHostOperations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hosts/{hostId}/restart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restart a host
         * @description Queues the operation; follow it with List a host's operations. One operation runs at a time per host.
         *
         *     Needs the `hosts.operate` scope (operate the team's hosts).
         */
        post: operations["restartHost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hosts/{hostId}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a host
         * @description Queues the operation; follow it with List a host's operations. One operation runs at a time per host.
         *
         *     Needs the `hosts.operate` scope (operate the team's hosts).
         */
        post: operations["startHost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hosts/{hostId}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop a host
         * @description Queues the operation; follow it with List a host's operations. One operation runs at a time per host.
         *
         *     Needs the `hosts.operate` scope (operate the team's hosts).
         */
        post: operations["stopHost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List pending invitations
         * @description Needs the `members.read` scope (see the team's users).
         */
        get: operations["listInvitations"];
        put?: never;
        /**
         * Invite users
         * @description Invites up to 500 addresses with one role, licence and set of groups. Each address is invited or refused on its own (not an address, listed twice, outside the allowed domains, already a member or invited); the answer lists the outcome of each, in the order sent. A problem with the request as a whole (not enough free seats for every licensed invitation, a group of another team) refuses it all.
         *
         *     Needs the `members.invite` scope (invite users).
         */
        post: operations["inviteUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an invitation
         * @description Needs the `members.invite` scope (invite users).
         */
        delete: operations["revokeInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations/{invitationId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resend an invitation
         * @description Mails a new link and extends the invitation by 7 days; the old link stops working.
         *
         *     Needs the `members.invite` scope (invite users).
         */
        post: operations["resendInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscription": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the subscription
         * @description Needs the `subscription.read` scope (see the subscription).
         */
        get: operations["getSubscription"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description A page of the team's users with the filters and sorts of the Users page. Pages are keyset cursors: pass `next` as `after` until it is null. Up to 500 users a page (`limit`, default 50).
         *
         *     Needs the `members.read` scope (see the team's users).
         */
        get: operations["listUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{membershipId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a user
         * @description Needs the `members.read` scope (see the team's users).
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /**
         * Remove a user from the team
         * @description Needs the `members.update` scope (change users).
         */
        delete: operations["removeUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{membershipId}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a user
         * @description Ends the user's sessions at once and frees their seat; the user stays in the list.
         *
         *     Needs the `members.update` scope (change users).
         */
        post: operations["deactivateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{membershipId}/licence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give or take a user's licence
         * @description Licensing a user takes a free seat; without one the call is refused with 409.
         *
         *     Needs the `members.update` scope (change users).
         */
        post: operations["setUserLicence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{membershipId}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reactivate a user
         * @description Needs the `members.update` scope (change users).
         */
        post: operations["reactivateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{membershipId}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change a user's role
         * @description Makes the user a manager or a member. The owner's role changes only by an ownership transfer.
         *
         *     Needs the `members.update` scope (change users).
         */
        post: operations["changeUserRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export users as CSV
         * @description Every user the filters select, as a CSV file streamed row by row. The export is audited.
         *
         *     Needs the `members.export` scope (export the team's users).
         */
        get: operations["exportUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AuditEvent: {
            action: string;
            actorLabel: string;
            /** @enum {string} */
            actorType: "account" | "staff" | "system" | "api_token" | "scim_token";
            after: unknown;
            before: unknown;
            /** Format: uuid */
            id: string;
            ip: string | null;
            /** Format: date-time */
            occurredAt: string;
            requestId: string | null;
            /** @description The event's place in the team's hash chain. */
            seq: number;
            targetId: string | null;
            targetType: string | null;
        };
        AuditEventPage: {
            data: components["schemas"]["AuditEvent"][];
            /** @description Pass as `beforeSeq` for older events; null at the start. */
            nextBeforeSeq: number | null;
        };
        Created: {
            /** Format: uuid */
            id: string;
        };
        CustomApp: {
            clients: number;
            encrypted: boolean;
            /** Format: uuid */
            id: string;
            name: string;
            sizeBytes: number;
            /** @enum {string} */
            status: "open" | "closed" | "paused";
        };
        Group: {
            /** @description How many custom apps the group may use. */
            customApps: number;
            /** Format: uuid */
            id: string;
            members: number;
            name: string;
        };
        GroupDetails: {
            customApps: number;
            /** Format: uuid */
            id: string;
            /** @description The identity provider group mapped to this group. */
            identityProviderGroup: string | null;
            name: string;
        };
        GroupList: {
            data: components["schemas"]["Group"][];
        };
        GroupMembersChange: {
            /** @description How many users joined or left; the others already were or were not members. */
            changed: number;
        };
        Host: {
            computeSize: string | null;
            /** Format: date-time */
            createdAt: string;
            customApps: components["schemas"]["CustomApp"][];
            filemakerVersion: string;
            hostname: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "cloud" | "self_hosted";
            /** @description When the console last reached the host's Admin API. */
            lastPolledAt: string | null;
            lastPollError: string | null;
            name: string;
            region: string | null;
            startedAt: string | null;
            /** @enum {string} */
            status: "provisioning" | "running" | "stopped" | "restarting" | "unreachable" | "terminated";
            /** Format: date-time */
            statusSince: string;
        };
        HostList: {
            data: components["schemas"]["Host"][];
        };
        HostStatus: {
            computeSize: string | null;
            connectedClients: number | null;
            /** Format: date-time */
            createdAt: string;
            databases: components["schemas"]["CustomApp"][];
            filemakerVersion: string;
            hostname: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "cloud" | "self_hosted";
            /** @description When the console last reached the host's Admin API. */
            lastPolledAt: string | null;
            lastPollError: string | null;
            name: string;
            /** @description When the figures below were read from the host. */
            observedAt: string | null;
            region: string | null;
            startedAt: string | null;
            /** @enum {string} */
            status: "provisioning" | "running" | "stopped" | "restarting" | "unreachable" | "terminated";
            /** Format: date-time */
            statusSince: string;
        };
        Invitation: {
            /** Format: date-time */
            createdAt: string;
            email: string;
            expired: boolean;
            /** Format: date-time */
            expiresAt: string;
            /** @description Names of the groups the invitation adds the person to. */
            groups: string[];
            /** Format: uuid */
            id: string;
            licensed: boolean;
            /** @enum {string} */
            role: "owner" | "manager" | "member";
        };
        InvitationList: {
            data: components["schemas"]["Invitation"][];
            total: number;
        };
        InvitationOutcome: {
            email: string;
            /** Format: uuid */
            invitationId: string;
            /** @constant */
            status: "invited";
        } | {
            /** @description The domain code of the refusal, as in problem details. */
            code: string;
            email: string;
            /** @description Why this address was not invited, and what to do. */
            message: string;
            /** @constant */
            status: "refused";
        };
        InvitationResults: {
            /** @description One result per address, in the order sent. */
            results: components["schemas"]["InvitationOutcome"][];
        };
        Operation: {
            /** Format: date-time */
            createdAt: string;
            failure: string | null;
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            kind: string;
            requestedBy: string | null;
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed";
        };
        OperationList: {
            data: components["schemas"]["Operation"][];
        };
        OperationQueued: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed";
        };
        Problem: {
            /** @description The domain code: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_INPUT, CONFLICT … */
            code: string;
            /** @description What went wrong and what to change. */
            detail: string;
            /** @description Each field that was wrong, for invalid input. */
            errors?: {
                field: string;
                message: string;
            }[];
            requestId: string;
            status: number;
            title: string;
            type: string;
        };
        Subscription: {
            /** @enum {string} */
            billingPeriod: "monthly" | "annual";
            cancelAtPeriodEnd: boolean;
            contractNumber: string;
            /** Format: date-time */
            currentPeriodEnd: string;
            /** Format: date-time */
            currentPeriodStart: string;
            endsAt: string | null;
            extraDataTransferGb: number;
            extraRequests: number;
            extraStorageGb: number;
            planCode: string;
            planName: string;
            renewsAt: string | null;
            seats: {
                total: number;
                used: number;
            } | null;
            /** Format: date-time */
            startedAt: string;
            /** @enum {string} */
            status: "active" | "past_due" | "trialing" | "cancelled" | "expired";
            /** Format: uuid */
            teamId: string;
            teamStatus: string;
            trialEndsAt: string | null;
        };
        User: {
            /** Format: uuid */
            accountId: string;
            /** @description What the key's creator may do to this user. */
            allowedActions: ("makeManager" | "makeMember" | "addLicence" | "removeLicence" | "deactivate" | "reactivate" | "remove" | "transferOwnership")[];
            email: string;
            /**
             * Format: uuid
             * @description The user's membership id in the team: the id the API's user paths take.
             */
            id: string;
            /** @description The identity provider the user last signed in through. */
            identityProvider: string | null;
            lastSignInAt: string | null;
            /** @description Uses one of the subscription's seats (FileMaker Cloud). */
            licensed: boolean;
            /** @description The account is managed by this team. */
            managed: boolean;
            name: string;
            /** @enum {string} */
            role: "owner" | "manager" | "member";
            /** @enum {string} */
            status: "invited" | "active" | "deactivated";
            twoStepVerification: boolean;
        };
        UserPage: {
            data: components["schemas"]["User"][];
            /** @description Pass as `after` for the next page; null on the last page. */
            next: string | null;
            /** @description Pass as `before` for the previous page; null on the first page. */
            previous: string | null;
        };
    };
    responses: {
        /** @description RFC 9457 problem details: `detail` says what to fix, `code` is the domain code. */
        Problem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Too many calls this minute; `Retry-After` says how many seconds to wait. */
        RateLimited: {
            headers: {
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description Makes a retry safe: the first answer is kept for 24 hours and replayed (with `Idempotent-Replayed: true`) to a request with the same key; the same key with other parameters is refused with 422. */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /** @description Calls left in the current minute; each key may make 600 a minute. */
        RateLimitRemaining: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAuditEvents: {
        parameters: {
            query?: {
                action?: string;
                actorLabel?: string;
                beforeSeq?: number;
                /** @description ISO 8601 date and time, such as 2026-12-01T09:00:00Z. */
                from?: string;
                /** @description ISO 8601 date and time, such as 2026-12-01T09:00:00Z. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    exportAuditEvents: {
        parameters: {
            query: {
                action?: string;
                actorLabel?: string;
                format: "csv" | "jsonl";
                /** @description ISO 8601 date and time, such as 2026-12-01T09:00:00Z. */
                from?: string;
                /** @description ISO 8601 date and time, such as 2026-12-01T09:00:00Z. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, streamed. */
            200: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/jsonl": string;
                    "text/csv": string;
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    listGroups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The team's groups. */
            200: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupList"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    createGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first answer is kept for 24 hours and replayed (with `Idempotent-Replayed: true`) to a request with the same key; the same key with other parameters is refused with 422. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description The new group's id. */
            201: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Created"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    getGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The group. */
            200: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupDetails"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteGroup: {
        parameters: {
            query: {
                confirmCustomApps: boolean;
            };
            header?: {
                /** @description Makes a retry safe: the first answer is kept for 24 hours and replayed (with `Idempotent-Replayed: true`) to a request with the same key; the same key with other parameters is refused with 422. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; nothing to return. */
            204: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    renameGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first answer is kept for 24 hours and replayed (with `Idempotent-Replayed: true`) to a request with the same key; the same key with other parameters is refused with 422. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                groupId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Done; nothing to return. */
            204: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    addGroupMembers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first answer is kept for 24 hours and replayed (with `Idempotent-Replayed: true`) to a request with the same key; the same key with other parameters is refused with 422. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                groupId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    membershipIds: string[];
                };
            };
        };
        responses: {
            /** @description How many joined. */
            200: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupMembersChange"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    removeGroupMembers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first answer is kept for 24 hours and replayed (with `Idempotent-Replayed: true`) to a request with the same key; the same key with other parameters is refused with 422. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                groupId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    membershipIds: string[];
                };
            };
        };
        responses: {
            /** @description How many left. */
            200: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupMembersChange"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    listHosts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The team's hosts and their custom apps. */
            200: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HostList"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    getHostStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hostId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The host's status. */
            200: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HostStatus"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    listHostOperations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hostId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The host's recent operations, newest first. */
            200: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationList"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    restartHost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first answer is kept for 24 hours and replayed (with `Idempotent-Replayed: true`) to a request with the same key; the same key with other parameters is refused with 422. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                hostId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The queued operation. */
            202: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationQueued"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    startHost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first answer is kept for 24 hours and replayed (with `Idempotent-Replayed: true`) to a request with the same key; the same key with other parameters is refused with 422. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                hostId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The queued operation. */
            202: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationQueued"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    stopHost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first answer is kept for 24 hours and replayed (with `Idempotent-Replayed: true`) to a request with the same key; the same key with other parameters is refused with 422. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                hostId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The queued operation. */
            202: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationQueued"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    listInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pending invitations. */
            200: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationList"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    inviteUsers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first answer is kept for 24 hours and replayed (with `Idempotent-Replayed: true`) to a request with the same key; the same key with other parameters is refused with 422. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    emails: string[];
                    groupIds: string[];
                    licensed: boolean;
                    /** @enum {string} */
                    role: "manager" | "member";
                };
            };
        };
        responses: {
            /** @description One outcome per address. */
            200: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationResults"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    revokeInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first answer is kept for 24 hours and replayed (with `Idempotent-Replayed: true`) to a request with the same key; the same key with other parameters is refused with 422. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; nothing to return. */
            204: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    resendInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first answer is kept for 24 hours and replayed (with `Idempotent-Replayed: true`) to a request with the same key; the same key with other parameters is refused with 422. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; nothing to return. */
            204: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    getSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The team's subscription. */
            200: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                after?: string;
                before?: string;
                direction?: "asc" | "desc";
                groupId?: string;
                identityProviderId?: string;
                licensed?: boolean;
                limit?: number;
                role?: "owner" | "manager" | "member";
                search?: string;
                sort?: "name" | "email" | "role" | "licence" | "status" | "type" | "twoStep" | "lastSignIn";
                status?: "active" | "deactivated";
                type?: "managed" | "external";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of users. */
            200: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    removeUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first answer is kept for 24 hours and replayed (with `Idempotent-Replayed: true`) to a request with the same key; the same key with other parameters is refused with 422. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; nothing to return. */
            204: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    deactivateUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first answer is kept for 24 hours and replayed (with `Idempotent-Replayed: true`) to a request with the same key; the same key with other parameters is refused with 422. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; nothing to return. */
            204: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    setUserLicence: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first answer is kept for 24 hours and replayed (with `Idempotent-Replayed: true`) to a request with the same key; the same key with other parameters is refused with 422. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    licensed: boolean;
                };
            };
        };
        responses: {
            /** @description Done; nothing to return. */
            204: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    reactivateUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first answer is kept for 24 hours and replayed (with `Idempotent-Replayed: true`) to a request with the same key; the same key with other parameters is refused with 422. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; nothing to return. */
            204: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    changeUserRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first answer is kept for 24 hours and replayed (with `Idempotent-Replayed: true`) to a request with the same key; the same key with other parameters is refused with 422. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "manager" | "member";
                };
            };
        };
        responses: {
            /** @description Done; nothing to return. */
            204: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
    exportUsers: {
        parameters: {
            query?: {
                direction?: "asc" | "desc";
                groupId?: string;
                identityProviderId?: string;
                licensed?: boolean;
                role?: "owner" | "manager" | "member";
                search?: string;
                sort?: "name" | "email" | "role" | "licence" | "status" | "type" | "twoStep" | "lastSignIn";
                status?: "active" | "deactivated";
                type?: "managed" | "external";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, streamed. */
            200: {
                headers: {
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            429: components["responses"]["RateLimited"];
        };
    };
}
