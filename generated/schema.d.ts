// generated from openapi/ by scripts/generate.mjs — do not edit; change openapi/ and run `npm run generate`
export interface paths {
    "/api/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a conversation
         * @description Archive/un-archive a thread or override its unread counter. Ownership is enforced — updating a conversation that isn't owned by the caller returns 404 (same as a missing id).
         *
         *     This operation shares the URL path `/api/conversations/{id}` with other verbs; only `PATCH` is described here. (The reference server answers another method, such as `GET` or `DELETE`, with 405, an `Allow` header and a `Problem` of type `https://app.puffle.ai/problems/method-not-allowed`; with its `cors` option on, a CORS preflight `OPTIONS` gets a 204.)
         *
         *     Invalid values are dropped before the update is applied (`status` other than `active`/`archived` is silently ignored), and so are unknown fields (a rule we chose: the page does not mention them); an empty or all-invalid body returns 400. Every successful update advances `updated_at` (a rule we chose: the docs do not say). The request sets absolute values, so it is safe to retry (a rule we chose: the page does not say).
         */
        patch: operations["updateConversation"];
        trace?: never;
    };
    "/api/threads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update Thread
         * @description Updates a Unibox thread. Use it to archive or reactivate a thread, update unread count, choose a sender for an email draft, or edit one-off draft fields before sending.
         *
         *     Use this endpoint for draft edits and thread state changes. Do not use it to send a message; call Send message after the draft is ready.
         *
         *     **Duplicate recipient handling.** When changing `account_id` on an email thread, the API checks whether that sender already has a non-archived, non-warmup thread with the same `participant_email`. If one exists, the response is 409 with `existing_thread`.
         *
         *     Invalid values are dropped before the update is applied (`status` other than `active`/`archived` is ignored), and so are unknown fields (for unknown fields and the invalid values of fields other than `status`, a rule we chose, as for conversations: the thread page says only that other `status` values are ignored); an empty or all-invalid body returns 400. `participant_email` is stored lowercase; `account_id: null` clears the sender. Ownership is enforced as for conversations: a thread the caller does not own returns 404, the same as a missing id (a rule we chose: the thread page does not say, and a thread is a conversation row). Every successful update advances `updated_at` (a rule we chose, as for conversations). The request sets absolute values, so it is safe to retry (a rule we chose, as for conversations).
         */
        patch: operations["updateThread"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description The channel a conversation runs on: `linkedin` or `email`. The docs show only `linkedin` and speak of email threads: these two values are a list we chose. Which channel each source gives is our reading too: `linkedin` for Unipile `message_received` webhooks (the page's `linkedin` example has a Unipile chat id), `email` for AgentMail `message.received` webhooks and one-off email drafts sent from an email sender account; the page names the webhooks, not their channels.
         * @enum {string}
         */
        Channel: "linkedin" | "email";
        /** @description A single inbox thread — a conversation between one sender account and one prospect on one channel. Conversations are created by inbound webhooks (Unipile `message_received`, AgentMail `message.received`) or when the user sends a reply via sendConversationMessage. Every column of the page's example is present, and the server may add more (rules we chose: the page shows a conversation but does not say which columns are always there, nor that there are no others). */
        Conversation: WithRequired<components["schemas"]["ConversationRow"], "id" | "user_id" | "account_id" | "channel" | "status" | "external_id" | "participant_name" | "participant_email" | "participant_linkedin_url" | "last_message_at" | "unread_count" | "created_at" | "updated_at">;
        /** @description The columns of one `conversations` row, none of them required on their own. `Conversation` requires all of them; `Thread` adds the draft columns. */
        ConversationRow: {
            /**
             * Format: uuid
             * @description UUID of the sender account the conversation runs through, or null when a thread's email sender was cleared (`account_id: null` on update). The docs' values are UUIDs (a format we chose, as for the request's `account_id`).
             */
            account_id?: string | null;
            /** @description The channel the conversation runs on. */
            channel?: components["schemas"]["Channel"];
            /**
             * Format: date-time
             * @description When the conversation was created.
             */
            created_at?: string;
            /** @description The conversation's id at the channel provider (for example a Unipile chat id), or null for a draft that has not been sent yet. The docs show a string: null is a type we chose. */
            external_id?: string | null;
            /**
             * @description Conversation UUID (for a thread, its `conversations.id`).
             * @example f11e8a2c-1234-4567-89ab-cdef01234567
             */
            id?: components["schemas"]["Uuid"];
            /**
             * Format: date-time
             * @description When the last message was sent or received, or null when there is none yet. The docs show a string: null is a type we chose.
             */
            last_message_at?: string | null;
            /**
             * Format: email
             * @description Email address of the prospect, or null when it is not known (for example on a LinkedIn conversation). Stored lowercase (a rule we chose for every row: the thread page says it only of the update's `participant_email`, not of a conversation a webhook created). Checked as an email address (`format: email`, a format we chose, as for the request's `participant_email`).
             */
            participant_email?: string | null;
            /**
             * Format: uri
             * @description LinkedIn profile URL of the prospect, or null on an email conversation. The docs show a string: null is a type we chose.
             */
            participant_linkedin_url?: string | null;
            /** @description Display name of the prospect, or null when the channel did not give one. The docs show a string: null is a type we chose. */
            participant_name?: string | null;
            /** @description Whether the conversation is active, archived, or an unsent draft. */
            status?: components["schemas"]["ConversationStatus"];
            /** @description Messages not yet read. Opening the conversation (getConversation) resets it to 0; the update endpoints can override it. */
            unread_count?: components["schemas"]["UnreadCount"];
            /**
             * Format: date-time
             * @description When the conversation was last changed; every successful update advances it (a rule we chose: the docs do not say).
             */
            updated_at?: string;
            /**
             * @description UUID of the user who owns the conversation; only that user can update it (other callers get 404).
             * @example 11111111-1111-1111-1111-111111111111
             */
            user_id?: components["schemas"]["Uuid"];
        };
        /**
         * @description Where a conversation stands. `active` and `archived` are set with the update endpoints; `draft` is only ever returned, never accepted (the thread page's example returns it). The pages list no other value and do not say what `draft` means: that it marks a thread holding an unsent one-off email draft is our reading, and these three values are a list we chose.
         * @enum {string}
         */
        ConversationStatus: "active" | "archived" | "draft";
        /** @description Metadata of one draft attachment, as returned by the "Upload thread attachment" endpoint and passed back unchanged. The docs do not show its members, so this description leaves them open: any JSON object is accepted and kept as it is, but for members named `__proto__` and `constructor` members holding a `prototype`, at any depth, which are left out (silently: they could reach an object's prototype in JavaScript). */
        DraftAttachment: {
            [key: string]: unknown;
        };
        /** @description 409: the chosen sender already has a non-archived, non-warmup thread with this `participant_email`. The problem details carry that thread as the extension member `existing_thread`. */
        DuplicateThreadProblem: components["schemas"]["Problem"] & {
            /** @description The sender's existing thread with the same recipient. */
            existing_thread: components["schemas"]["Thread"];
        };
        /** @description An RFC 9457 problem details object, served as `application/problem+json` for every error. Members not listed here are extension members and may be added. The docs show no error body (the thread page names only a 409's `existing_thread`): this shape, and its `type` URIs under `https://app.puffle.ai/problems/`, are what we chose. */
        Problem: {
            /** @description What went wrong in this occurrence, for a person to read. */
            detail?: string;
            /** @description For a 400 about the path id or the body, the reasons it was rejected: the id's alone when the id is malformed (it is checked first, and the body is then not looked at), else the body's. At most 100 (a bound we chose); when there are more, the first ones are listed. */
            errors?: components["schemas"]["ValidationError"][];
            /**
             * Format: uri-reference
             * @description The request path that produced the problem.
             */
            instance?: string;
            /** @description The HTTP status code of this response. */
            status: number;
            /** @description A short summary of the kind of problem; the same for every occurrence of it. */
            title: string;
            /**
             * Format: uri-reference
             * @description A URI reference that names the kind of problem.
             */
            type: string;
        };
        /**
         * @description Archive or un-archive the thread. Only `active` and `archived` are accepted; other values are silently dropped from the request before it is applied.
         * @enum {string}
         */
        StatusUpdate: "active" | "archived";
        /** @description A Unibox thread: a conversation row (`conversations.id`) plus its draft columns. The docs' own response example returns only some columns (`id`, `status`, `account_id`, `participant_email`, `draft_subject`), so only `id` and `status` are guaranteed (a rule we chose: the page does not say which columns are always there); every column that is present has the type of the conversation row or the draft. */
        Thread: WithRequired<components["schemas"]["ConversationRow"], "id" | "status"> & components["schemas"]["ThreadDraft"];
        /** @description The draft columns a Unibox thread adds to a conversation row, for one-off emails. */
        ThreadDraft: {
            /** @description Draft attachment metadata from "Upload thread attachment", or null when none. */
            draft_attachments?: components["schemas"]["DraftAttachment"][] | null;
            /** @description Draft BCC recipients, or null when none are set. */
            draft_bcc?: string | null;
            /** @description Draft HTML body, or null when none is set. */
            draft_body_html?: string | null;
            /** @description Draft plain-text body, or null when none is set. */
            draft_body_text?: string | null;
            /** @description Draft CC recipients, or null when none are set. */
            draft_cc?: string | null;
            /** @description Draft email subject, or null when none is set. */
            draft_subject?: string | null;
        };
        /** @description The unread counter: a whole number from 0 to 9007199254740991 (2^53 − 1, the largest integer that JSON implementations agree on exactly, RFC 8259 §6). */
        UnreadCount: number;
        /** @description Fields to change on a conversation. At least one valid field (`status` or `unread_count`) must be present. The API is lenient: invalid values (for example `status: "deleted"`) are silently dropped, and so are unknown fields (a rule we chose: the page does not mention them); an empty or all-invalid body returns 400. This schema is the strict form of a body the API applies in full: what remains of a body once those are dropped (the `x-puffle-normalize` extension states the same rules for tools). */
        UpdateConversationRequest: {
            /** @description Archive or un-archive the thread. Only `active` and `archived` are accepted; other values are silently dropped. */
            status?: components["schemas"]["StatusUpdate"];
            /** @description Override the unread counter directly. Most callers don't need this — opening the conversation via getConversation already resets it to 0. */
            unread_count?: components["schemas"]["UnreadCount"];
        };
        /** @description The conversation after the update. */
        UpdateConversationResponse: {
            /** @description The updated conversation, every column present. */
            conversation: components["schemas"]["Conversation"];
        };
        /** @description Fields to change on a Unibox thread: archive or reactivate it, set its unread count, choose a sender for an email draft, or edit one-off draft fields before sending. At least one valid field is required. Invalid values are dropped (`status` values other than `active` and `archived` are ignored), and so are unknown fields (for unknown fields and the invalid values of fields other than `status`, a rule we chose, as for conversations); an empty or all-invalid body returns 400 (a status we chose, as the conversation page gives it). This schema is the strict form of a body the API applies in full: what remains of a body once those are dropped (the `x-puffle-normalize` extension states the same rules for tools). */
        UpdateThreadRequest: {
            /**
             * Format: uuid
             * @description Email sender account ID, or null to clear it. Non-null values must refer to a ready email sender in the workspace (otherwise 400, a status we chose). The docs give it as a string; both pages' examples are UUIDs (a format we chose). Changing it on an email thread when that sender already has a non-archived, non-warmup thread with the same `participant_email` returns 409 with `existing_thread`.
             */
            account_id?: string | null;
            /** @description Draft attachment metadata from "Upload thread attachment", or null to clear it. Replaces the whole list (a rule we chose: the page does not say). At most 20 attachments (a bound we chose). */
            draft_attachments?: components["schemas"]["DraftAttachment"][] | null;
            /** @description Draft BCC recipients, or null to clear them. At most 4096 characters (a bound we chose). */
            draft_bcc?: string | null;
            /** @description Draft HTML body, or null to clear it. */
            draft_body_html?: string | null;
            /** @description Draft plain-text body, or null to clear it. */
            draft_body_text?: string | null;
            /** @description Draft CC recipients, or null to clear them. At most 4096 characters (a bound we chose). */
            draft_cc?: string | null;
            /** @description Draft email subject, or null to clear it. At most 998 characters, the longest header line RFC 5322 allows (a bound we chose). */
            draft_subject?: string | null;
            /**
             * Format: email
             * @description Recipient email for a draft one-off email. Stored lowercase. At most 254 characters, the longest address RFC 5321 allows (a bound we chose). The docs give it as a string; it is checked as an email address (`format: email`, a format we chose).
             */
            participant_email?: string;
            /** @description Recipient display name for a draft. At most 256 characters (a bound we chose). */
            participant_name?: string;
            /** @description Set to `active` or `archived`. Other values are ignored. */
            status?: components["schemas"]["StatusUpdate"];
            /** @description Sets the stored unread count. The docs give it as a number; it is the conversation's integer column, with that page's range (a type we chose). */
            unread_count?: components["schemas"]["UnreadCount"];
        };
        /** @description The thread after the update. */
        UpdateThreadResponse: {
            /** @description The updated thread. */
            thread: components["schemas"]["Thread"];
        };
        /**
         * Format: uuid
         * @description A UUID in its canonical 8-4-4-4-12 hexadecimal form (the pattern rules out the `urn:uuid:` prefix that the `uuid` format alone allows).
         */
        Uuid: string;
        /** @description One reason a request was rejected, in the shape the puffle-api validators report. */
        ValidationError: {
            /** @description The rule that failed: a JSON Schema keyword (`type`, `enum`, `maximum`, `minProperties`, …), `maxDepth` for a body nested too deeply, or `x-puffle-ready-email-sender` for an `account_id` that is not a ready email sender. */
            keyword: string;
            /** @description A sentence a person can read. */
            message: string;
            /** @description JSON Pointer to the offending value: into the body (`/unread_count`), or `/id` for the path parameter; empty for the body as a whole. */
            path: string;
        };
    };
    responses: {
        /** @description The request cannot be applied: the path id does not match its pattern, the body is not a JSON object or is nested more than 64 levels deep, or no valid field remains after unknown fields and invalid values are dropped (an empty or all-invalid body). Nothing was changed. The docs give the 400 for an empty or all-invalid body; for a malformed id, a body that is not a JSON object and the nesting limit it is a status we chose. */
        BadRequest: {
            headers: {
                "Cache-Control"?: components["headers"]["CacheControl"];
                "X-Content-Type-Options"?: components["headers"]["XContentTypeOptions"];
                "X-Request-Id"?: components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Changing `account_id` on an email thread to a sender that already has a non-archived, non-warmup thread with the same `participant_email`, whatever the status of the thread being changed. The existing thread is returned as `existing_thread`; nothing was changed. */
        DuplicateThread: {
            headers: {
                "Cache-Control"?: components["headers"]["CacheControl"];
                "X-Content-Type-Options"?: components["headers"]["XContentTypeOptions"];
                "X-Request-Id"?: components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["DuplicateThreadProblem"];
            };
        };
        /** @description No record with this id is owned by the caller. A record owned by someone else gets exactly the same response as an id that does not exist, so existence is never revealed. */
        NotFound: {
            headers: {
                "Cache-Control"?: components["headers"]["CacheControl"];
                "X-Content-Type-Options"?: components["headers"]["XContentTypeOptions"];
                "X-Request-Id"?: components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request body is larger than 1 MiB (1,048,576 bytes). Nothing was changed. The docs state no size limit: the limit and this 413 are ones we chose. */
        PayloadTooLarge: {
            headers: {
                "Cache-Control"?: components["headers"]["CacheControl"];
                "X-Content-Type-Options"?: components["headers"]["XContentTypeOptions"];
                "X-Request-Id"?: components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request cannot be applied: the path id does not match its pattern, the body is not a JSON object or is nested more than 64 levels deep, no valid field remains after unknown fields and invalid values are dropped (an empty or all-invalid body), or a non-null `account_id` does not name a ready email sender in the caller's workspace. Nothing was changed. The thread page says only that at least one valid field is required: the 400 for an empty or all-invalid body is the conversation page's, and for a malformed id, a body that is not a JSON object, the nesting limit and a sender that is not ready (the thread page says it must be one, with no status) it is a status we chose. */
        ThreadBadRequest: {
            headers: {
                "Cache-Control"?: components["headers"]["CacheControl"];
                "X-Content-Type-Options"?: components["headers"]["XContentTypeOptions"];
                "X-Request-Id"?: components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No thread with this id is owned by the caller. A thread owned by someone else gets exactly the same response as an id that does not exist, so existence is never revealed. */
        ThreadNotFound: {
            headers: {
                "Cache-Control"?: components["headers"]["CacheControl"];
                "X-Content-Type-Options"?: components["headers"]["XContentTypeOptions"];
                "X-Request-Id"?: components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The `Authorization` header is missing, is not `Bearer <token>`, or names no valid token. The docs say only that the header is required: the 401 and its body are ones we chose. */
        Unauthorized: {
            headers: {
                "Cache-Control"?: components["headers"]["CacheControl"];
                "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                "X-Content-Type-Options"?: components["headers"]["XContentTypeOptions"];
                "X-Request-Id"?: components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request body cannot be read as sent: it is not sent as `application/json`, its `Content-Type` names a `charset` other than UTF-8 (JSON is UTF-8, RFC 8259; `utf-8` and the other labels the WHATWG Encoding Standard reads as UTF-8, such as `utf8`, are accepted), or it has a content coding (a `Content-Encoding` other than `identity`, such as `gzip`). The `detail` names the charset or the coding. The body was not read and nothing was changed. The docs show only `Content-Type: application/json`: this 415 is a status we chose. */
        UnsupportedMediaType: {
            headers: {
                "Accept-Encoding"?: components["headers"]["AcceptEncoding"];
                "Cache-Control"?: components["headers"]["CacheControl"];
                "X-Content-Type-Options"?: components["headers"]["XContentTypeOptions"];
                "X-Request-Id"?: components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description Conversation UUID. Must be owned by the authenticated user — other callers get 404, exactly as for an id that does not exist. An id that does not match the pattern is rejected with 400 before any lookup (a status we chose: the docs give the pattern, not what breaking it returns). */
        Id: string;
        /** @description Thread (`conversations.id`) UUID. Must be owned by the authenticated user — other callers get 404, exactly as for an id that does not exist. An id that does not match the pattern is rejected with 400 before any lookup. The thread page gives the id only as a `conversations.id` UUID: the pattern, the ownership rule and the 404 are the conversation page's (a thread is that row), and the 400 is as there, rules we chose. */
        ThreadId: string;
    };
    requestBodies: never;
    headers: {
        /** @description Sent with a 415 caused by a content coding of the request body (RFC 9110 §12.5.3): `identity`, the only coding accepted, that is, a body sent as it is, without `Content-Encoding`. */
        AcceptEncoding: string;
        /** @description `no-store`: the response carries a private record or problem details, and no cache may keep it. Sent with every response by the reference server. */
        CacheControl: string;
        /** @description The authentication scheme to use, per RFC 6750. */
        WwwAuthenticate: string;
        /** @description `nosniff`: the body is of the type its `Content-Type` declares, and a browser is not to guess another. Sent with every response by the reference server. */
        XContentTypeOptions: "nosniff";
        /** @description An id for this request, to quote when reporting a problem. Sent with every response by the reference server; clients expose it on errors. */
        XRequestId: string;
    };
    pathItems: never;
}
/**
 * @description The channel a conversation runs on: `linkedin` or `email`. The docs show only `linkedin` and speak of email threads: these two values are a list we chose. Which channel each source gives is our reading too: `linkedin` for Unipile `message_received` webhooks (the page's `linkedin` example has a Unipile chat id), `email` for AgentMail `message.received` webhooks and one-off email drafts sent from an email sender account; the page names the webhooks, not their channels.
 * @enum {string}
 */
export type Channel = "linkedin" | "email";
/** @description A single inbox thread — a conversation between one sender account and one prospect on one channel. Conversations are created by inbound webhooks (Unipile `message_received`, AgentMail `message.received`) or when the user sends a reply via sendConversationMessage. Every column of the page's example is present, and the server may add more (rules we chose: the page shows a conversation but does not say which columns are always there, nor that there are no others). */
export type Conversation = WithRequired<components["schemas"]["ConversationRow"], "id" | "user_id" | "account_id" | "channel" | "status" | "external_id" | "participant_name" | "participant_email" | "participant_linkedin_url" | "last_message_at" | "unread_count" | "created_at" | "updated_at">;
/** @description The columns of one `conversations` row, none of them required on their own. `Conversation` requires all of them; `Thread` adds the draft columns. */
export type ConversationRow = {
    /**
     * Format: uuid
     * @description UUID of the sender account the conversation runs through, or null when a thread's email sender was cleared (`account_id: null` on update). The docs' values are UUIDs (a format we chose, as for the request's `account_id`).
     */
    account_id?: string | null;
    /** @description The channel the conversation runs on. */
    channel?: components["schemas"]["Channel"];
    /**
     * Format: date-time
     * @description When the conversation was created.
     */
    created_at?: string;
    /** @description The conversation's id at the channel provider (for example a Unipile chat id), or null for a draft that has not been sent yet. The docs show a string: null is a type we chose. */
    external_id?: string | null;
    /**
     * @description Conversation UUID (for a thread, its `conversations.id`).
     * @example f11e8a2c-1234-4567-89ab-cdef01234567
     */
    id?: components["schemas"]["Uuid"];
    /**
     * Format: date-time
     * @description When the last message was sent or received, or null when there is none yet. The docs show a string: null is a type we chose.
     */
    last_message_at?: string | null;
    /**
     * Format: email
     * @description Email address of the prospect, or null when it is not known (for example on a LinkedIn conversation). Stored lowercase (a rule we chose for every row: the thread page says it only of the update's `participant_email`, not of a conversation a webhook created). Checked as an email address (`format: email`, a format we chose, as for the request's `participant_email`).
     */
    participant_email?: string | null;
    /**
     * Format: uri
     * @description LinkedIn profile URL of the prospect, or null on an email conversation. The docs show a string: null is a type we chose.
     */
    participant_linkedin_url?: string | null;
    /** @description Display name of the prospect, or null when the channel did not give one. The docs show a string: null is a type we chose. */
    participant_name?: string | null;
    /** @description Whether the conversation is active, archived, or an unsent draft. */
    status?: components["schemas"]["ConversationStatus"];
    /** @description Messages not yet read. Opening the conversation (getConversation) resets it to 0; the update endpoints can override it. */
    unread_count?: components["schemas"]["UnreadCount"];
    /**
     * Format: date-time
     * @description When the conversation was last changed; every successful update advances it (a rule we chose: the docs do not say).
     */
    updated_at?: string;
    /**
     * @description UUID of the user who owns the conversation; only that user can update it (other callers get 404).
     * @example 11111111-1111-1111-1111-111111111111
     */
    user_id?: components["schemas"]["Uuid"];
};
/**
 * @description Where a conversation stands. `active` and `archived` are set with the update endpoints; `draft` is only ever returned, never accepted (the thread page's example returns it). The pages list no other value and do not say what `draft` means: that it marks a thread holding an unsent one-off email draft is our reading, and these three values are a list we chose.
 * @enum {string}
 */
export type ConversationStatus = "active" | "archived" | "draft";
/** @description Metadata of one draft attachment, as returned by the "Upload thread attachment" endpoint and passed back unchanged. The docs do not show its members, so this description leaves them open: any JSON object is accepted and kept as it is, but for members named `__proto__` and `constructor` members holding a `prototype`, at any depth, which are left out (silently: they could reach an object's prototype in JavaScript). */
export type DraftAttachment = {
    [key: string]: unknown;
};
/** @description 409: the chosen sender already has a non-archived, non-warmup thread with this `participant_email`. The problem details carry that thread as the extension member `existing_thread`. */
export type DuplicateThreadProblem = components["schemas"]["Problem"] & {
    /** @description The sender's existing thread with the same recipient. */
    existing_thread: components["schemas"]["Thread"];
};
/** @description An RFC 9457 problem details object, served as `application/problem+json` for every error. Members not listed here are extension members and may be added. The docs show no error body (the thread page names only a 409's `existing_thread`): this shape, and its `type` URIs under `https://app.puffle.ai/problems/`, are what we chose. */
export type Problem = {
    /** @description What went wrong in this occurrence, for a person to read. */
    detail?: string;
    /** @description For a 400 about the path id or the body, the reasons it was rejected: the id's alone when the id is malformed (it is checked first, and the body is then not looked at), else the body's. At most 100 (a bound we chose); when there are more, the first ones are listed. */
    errors?: components["schemas"]["ValidationError"][];
    /**
     * Format: uri-reference
     * @description The request path that produced the problem.
     */
    instance?: string;
    /** @description The HTTP status code of this response. */
    status: number;
    /** @description A short summary of the kind of problem; the same for every occurrence of it. */
    title: string;
    /**
     * Format: uri-reference
     * @description A URI reference that names the kind of problem.
     */
    type: string;
};
/**
 * @description Archive or un-archive the thread. Only `active` and `archived` are accepted; other values are silently dropped from the request before it is applied.
 * @enum {string}
 */
export type StatusUpdate = "active" | "archived";
/** @description A Unibox thread: a conversation row (`conversations.id`) plus its draft columns. The docs' own response example returns only some columns (`id`, `status`, `account_id`, `participant_email`, `draft_subject`), so only `id` and `status` are guaranteed (a rule we chose: the page does not say which columns are always there); every column that is present has the type of the conversation row or the draft. */
export type Thread = WithRequired<components["schemas"]["ConversationRow"], "id" | "status"> & components["schemas"]["ThreadDraft"];
/** @description The draft columns a Unibox thread adds to a conversation row, for one-off emails. */
export type ThreadDraft = {
    /** @description Draft attachment metadata from "Upload thread attachment", or null when none. */
    draft_attachments?: components["schemas"]["DraftAttachment"][] | null;
    /** @description Draft BCC recipients, or null when none are set. */
    draft_bcc?: string | null;
    /** @description Draft HTML body, or null when none is set. */
    draft_body_html?: string | null;
    /** @description Draft plain-text body, or null when none is set. */
    draft_body_text?: string | null;
    /** @description Draft CC recipients, or null when none are set. */
    draft_cc?: string | null;
    /** @description Draft email subject, or null when none is set. */
    draft_subject?: string | null;
};
/** @description The unread counter: a whole number from 0 to 9007199254740991 (2^53 − 1, the largest integer that JSON implementations agree on exactly, RFC 8259 §6). */
export type UnreadCount = number;
/** @description Fields to change on a conversation. At least one valid field (`status` or `unread_count`) must be present. The API is lenient: invalid values (for example `status: "deleted"`) are silently dropped, and so are unknown fields (a rule we chose: the page does not mention them); an empty or all-invalid body returns 400. This schema is the strict form of a body the API applies in full: what remains of a body once those are dropped (the `x-puffle-normalize` extension states the same rules for tools). */
export type UpdateConversationRequest = {
    /** @description Archive or un-archive the thread. Only `active` and `archived` are accepted; other values are silently dropped. */
    status?: components["schemas"]["StatusUpdate"];
    /** @description Override the unread counter directly. Most callers don't need this — opening the conversation via getConversation already resets it to 0. */
    unread_count?: components["schemas"]["UnreadCount"];
};
/** @description The conversation after the update. */
export type UpdateConversationResponse = {
    /** @description The updated conversation, every column present. */
    conversation: components["schemas"]["Conversation"];
};
/** @description Fields to change on a Unibox thread: archive or reactivate it, set its unread count, choose a sender for an email draft, or edit one-off draft fields before sending. At least one valid field is required. Invalid values are dropped (`status` values other than `active` and `archived` are ignored), and so are unknown fields (for unknown fields and the invalid values of fields other than `status`, a rule we chose, as for conversations); an empty or all-invalid body returns 400 (a status we chose, as the conversation page gives it). This schema is the strict form of a body the API applies in full: what remains of a body once those are dropped (the `x-puffle-normalize` extension states the same rules for tools). */
export type UpdateThreadRequest = {
    /**
     * Format: uuid
     * @description Email sender account ID, or null to clear it. Non-null values must refer to a ready email sender in the workspace (otherwise 400, a status we chose). The docs give it as a string; both pages' examples are UUIDs (a format we chose). Changing it on an email thread when that sender already has a non-archived, non-warmup thread with the same `participant_email` returns 409 with `existing_thread`.
     */
    account_id?: string | null;
    /** @description Draft attachment metadata from "Upload thread attachment", or null to clear it. Replaces the whole list (a rule we chose: the page does not say). At most 20 attachments (a bound we chose). */
    draft_attachments?: components["schemas"]["DraftAttachment"][] | null;
    /** @description Draft BCC recipients, or null to clear them. At most 4096 characters (a bound we chose). */
    draft_bcc?: string | null;
    /** @description Draft HTML body, or null to clear it. */
    draft_body_html?: string | null;
    /** @description Draft plain-text body, or null to clear it. */
    draft_body_text?: string | null;
    /** @description Draft CC recipients, or null to clear them. At most 4096 characters (a bound we chose). */
    draft_cc?: string | null;
    /** @description Draft email subject, or null to clear it. At most 998 characters, the longest header line RFC 5322 allows (a bound we chose). */
    draft_subject?: string | null;
    /**
     * Format: email
     * @description Recipient email for a draft one-off email. Stored lowercase. At most 254 characters, the longest address RFC 5321 allows (a bound we chose). The docs give it as a string; it is checked as an email address (`format: email`, a format we chose).
     */
    participant_email?: string;
    /** @description Recipient display name for a draft. At most 256 characters (a bound we chose). */
    participant_name?: string;
    /** @description Set to `active` or `archived`. Other values are ignored. */
    status?: components["schemas"]["StatusUpdate"];
    /** @description Sets the stored unread count. The docs give it as a number; it is the conversation's integer column, with that page's range (a type we chose). */
    unread_count?: components["schemas"]["UnreadCount"];
};
/** @description The thread after the update. */
export type UpdateThreadResponse = {
    /** @description The updated thread. */
    thread: components["schemas"]["Thread"];
};
/**
 * Format: uuid
 * @description A UUID in its canonical 8-4-4-4-12 hexadecimal form (the pattern rules out the `urn:uuid:` prefix that the `uuid` format alone allows).
 */
export type Uuid = string;
/** @description One reason a request was rejected, in the shape the puffle-api validators report. */
export type ValidationError = {
    /** @description The rule that failed: a JSON Schema keyword (`type`, `enum`, `maximum`, `minProperties`, …), `maxDepth` for a body nested too deeply, or `x-puffle-ready-email-sender` for an `account_id` that is not a ready email sender. */
    keyword: string;
    /** @description A sentence a person can read. */
    message: string;
    /** @description JSON Pointer to the offending value: into the body (`/unread_count`), or `/id` for the path parameter; empty for the body as a whole. */
    path: string;
};
export type ResponseBadRequest = components['responses']['BadRequest'];
export type ResponseDuplicateThread = components['responses']['DuplicateThread'];
export type ResponseNotFound = components['responses']['NotFound'];
export type ResponsePayloadTooLarge = components['responses']['PayloadTooLarge'];
export type ResponseThreadBadRequest = components['responses']['ThreadBadRequest'];
export type ResponseThreadNotFound = components['responses']['ThreadNotFound'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponseUnsupportedMediaType = components['responses']['UnsupportedMediaType'];
export type ParameterId = components['parameters']['Id'];
export type ParameterThreadId = components['parameters']['ThreadId'];
export type HeaderAcceptEncoding = components['headers']['AcceptEncoding'];
export type HeaderCacheControl = components['headers']['CacheControl'];
export type HeaderWwwAuthenticate = components['headers']['WwwAuthenticate'];
export type HeaderXContentTypeOptions = components['headers']['XContentTypeOptions'];
export type HeaderXRequestId = components['headers']['XRequestId'];
export type $defs = Record<string, never>;
export interface operations {
    updateConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Conversation UUID. Must be owned by the authenticated user — other callers get 404, exactly as for an id that does not exist. An id that does not match the pattern is rejected with 400 before any lookup (a status we chose: the docs give the pattern, not what breaking it returns). */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** @description At least one valid field (`status` or `unread_count`) must be present. An empty or all-invalid body returns 400. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateConversationRequest"];
            };
        };
        responses: {
            /** @description Conversation updated. */
            200: {
                headers: {
                    "Cache-Control"?: components["headers"]["CacheControl"];
                    "X-Content-Type-Options"?: components["headers"]["XContentTypeOptions"];
                    "X-Request-Id"?: components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdateConversationResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    updateThread: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Thread (`conversations.id`) UUID. Must be owned by the authenticated user — other callers get 404, exactly as for an id that does not exist. An id that does not match the pattern is rejected with 400 before any lookup. The thread page gives the id only as a `conversations.id` UUID: the pattern, the ownership rule and the 404 are the conversation page's (a thread is that row), and the 400 is as there, rules we chose. */
                id: components["parameters"]["ThreadId"];
            };
            cookie?: never;
        };
        /** @description At least one valid field is required. An empty or all-invalid body returns 400 (a status we chose, as the conversation page gives it). */
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateThreadRequest"];
            };
        };
        responses: {
            /** @description Successful response. */
            200: {
                headers: {
                    "Cache-Control"?: components["headers"]["CacheControl"];
                    "X-Content-Type-Options"?: components["headers"]["XContentTypeOptions"];
                    "X-Request-Id"?: components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdateThreadResponse"];
                };
            };
            400: components["responses"]["ThreadBadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["ThreadNotFound"];
            409: components["responses"]["DuplicateThread"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
}
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
