// generated from openapi/ by scripts/generate.mjs — do not edit; change openapi/ and run `npm run generate`
import type { components, operations } from "./schema.js";

/** Every named example of every operation, typed by the operation it belongs to. */
export const operationExamples = {
  "updateConversation": {
    "parameters": {
      "id": {
        "conversationFromDocs": ("f11e8a2c-1234-4567-89ab-cdef01234567") satisfies operations["updateConversation"]["parameters"]["path"]["id"],
        "threadFromDocs": ("3d986dd1-9d70-45b7-8e36-5d5b8b1c9337") satisfies operations["updateConversation"]["parameters"]["path"]["id"],
      },
    },
    "request": {
      "archive": ({
        "status": "archived"
      }) satisfies NonNullable<operations["updateConversation"]["requestBody"]>["content"]["application/json"],
      "docs": ({
        "status": "active",
        "unread_count": 4503599627370495
      }) satisfies NonNullable<operations["updateConversation"]["requestBody"]>["content"]["application/json"],
      "markRead": ({
        "unread_count": 0
      }) satisfies NonNullable<operations["updateConversation"]["requestBody"]>["content"]["application/json"],
      "reactivate": ({
        "status": "active"
      }) satisfies NonNullable<operations["updateConversation"]["requestBody"]>["content"]["application/json"],
    },
    "responses": {
      "200": {
        "archivedEmail": ({
          "conversation": {
            "account_id": "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11",
            "channel": "email",
            "created_at": "2026-04-18T12:00:00Z",
            "external_id": "agentmail_msg_7c1d",
            "id": "5b0c2d4e-6f70-4812-9a3b-4c5d6e7f8091",
            "last_message_at": "2026-04-21T08:30:00Z",
            "participant_email": "sam@example.com",
            "participant_linkedin_url": null,
            "participant_name": "Sam Rivera",
            "status": "archived",
            "unread_count": 2,
            "updated_at": "2026-04-22T10:05:00Z",
            "user_id": "11111111-1111-1111-1111-111111111111"
          }
        }) satisfies operations["updateConversation"]["responses"][200]["content"]["application/json"],
        "docs": ({
          "conversation": {
            "account_id": "aaaa1111-1111-1111-1111-111111111111",
            "channel": "linkedin",
            "created_at": "2026-04-20T15:00:00Z",
            "external_id": "unipile_chat_abc123",
            "id": "f11e8a2c-1234-4567-89ab-cdef01234567",
            "last_message_at": "2026-04-22T09:12:00Z",
            "participant_email": null,
            "participant_linkedin_url": "https://linkedin.com/in/jane",
            "participant_name": "Jane Doe",
            "status": "archived",
            "unread_count": 0,
            "updated_at": "2026-04-22T10:00:00Z",
            "user_id": "11111111-1111-1111-1111-111111111111"
          }
        }) satisfies operations["updateConversation"]["responses"][200]["content"]["application/json"],
      },
      "400": {
        "allInvalid": ({
          "detail": "At least one valid field must be present.",
          "errors": [
            {
              "keyword": "enum",
              "message": "must be one of \"active\", \"archived\"",
              "path": "/status"
            },
            {
              "keyword": "minimum",
              "message": "must be >= 0",
              "path": "/unread_count"
            },
            {
              "keyword": "minProperties",
              "message": "must have at least 1 valid field",
              "path": ""
            }
          ],
          "status": 400,
          "title": "Invalid request",
          "type": "https://app.puffle.ai/problems/invalid-request"
        }) satisfies operations["updateConversation"]["responses"][400]["content"]["application/problem+json"],
        "emptyBody": ({
          "detail": "At least one valid field must be present.",
          "errors": [
            {
              "keyword": "minProperties",
              "message": "must have at least 1 valid field",
              "path": ""
            }
          ],
          "status": 400,
          "title": "Invalid request",
          "type": "https://app.puffle.ai/problems/invalid-request"
        }) satisfies operations["updateConversation"]["responses"][400]["content"]["application/problem+json"],
        "invalidId": ({
          "detail": "The path parameter id must be a UUID.",
          "errors": [
            {
              "keyword": "format",
              "message": "must match format \"uuid\"",
              "path": "/id"
            }
          ],
          "status": 400,
          "title": "Invalid request",
          "type": "https://app.puffle.ai/problems/invalid-request"
        }) satisfies operations["updateConversation"]["responses"][400]["content"]["application/problem+json"],
        "invalidJson": ({
          "detail": "The request body must be a JSON object.",
          "errors": [
            {
              "keyword": "type",
              "message": "must be object",
              "path": ""
            }
          ],
          "status": 400,
          "title": "Invalid request",
          "type": "https://app.puffle.ai/problems/invalid-request"
        }) satisfies operations["updateConversation"]["responses"][400]["content"]["application/problem+json"],
        "tooDeep": ({
          "detail": "The request body must not be nested more than 64 levels deep.",
          "errors": [
            {
              "keyword": "maxDepth",
              "message": "must not be nested more than 64 levels deep",
              "path": "/draft_attachments/0/a/0"
            }
          ],
          "status": 400,
          "title": "Invalid request",
          "type": "https://app.puffle.ai/problems/invalid-request"
        }) satisfies operations["updateConversation"]["responses"][400]["content"]["application/problem+json"],
      },
      "401": {
        "missingToken": ({
          "detail": "A valid bearer token is required.",
          "status": 401,
          "title": "Unauthorized",
          "type": "https://app.puffle.ai/problems/unauthorized"
        }) satisfies operations["updateConversation"]["responses"][401]["content"]["application/problem+json"],
      },
      "404": {
        "notFound": ({
          "detail": "No conversation with this id.",
          "status": 404,
          "title": "Not found",
          "type": "https://app.puffle.ai/problems/not-found"
        }) satisfies operations["updateConversation"]["responses"][404]["content"]["application/problem+json"],
      },
      "413": {
        "tooLarge": ({
          "detail": "The request body must not be larger than 1048576 bytes.",
          "status": 413,
          "title": "Payload too large",
          "type": "https://app.puffle.ai/problems/payload-too-large"
        }) satisfies operations["updateConversation"]["responses"][413]["content"]["application/problem+json"],
      },
      "415": {
        "notJson": ({
          "detail": "The request body must be sent as application/json.",
          "status": 415,
          "title": "Unsupported media type",
          "type": "https://app.puffle.ai/problems/unsupported-media-type"
        }) satisfies operations["updateConversation"]["responses"][415]["content"]["application/problem+json"],
      },
    },
  },
  "updateThread": {
    "parameters": {
      "id": {
        "conversationFromDocs": ("f11e8a2c-1234-4567-89ab-cdef01234567") satisfies operations["updateThread"]["parameters"]["path"]["id"],
        "threadFromDocs": ("3d986dd1-9d70-45b7-8e36-5d5b8b1c9337") satisfies operations["updateThread"]["parameters"]["path"]["id"],
      },
    },
    "request": {
      "archive": ({
        "status": "archived"
      }) satisfies NonNullable<operations["updateThread"]["requestBody"]>["content"]["application/json"],
      "clearDraft": ({
        "draft_attachments": null,
        "draft_bcc": null,
        "draft_body_html": null,
        "draft_body_text": null,
        "draft_cc": null,
        "draft_subject": null
      }) satisfies NonNullable<operations["updateThread"]["requestBody"]>["content"]["application/json"],
      "clearSender": ({
        "account_id": null
      }) satisfies NonNullable<operations["updateThread"]["requestBody"]>["content"]["application/json"],
      "docs": ({
        "account_id": "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11",
        "draft_body_text": "Hi Alex, I had a quick question.",
        "draft_subject": "Quick question",
        "participant_email": "founder@example.com"
      }) satisfies NonNullable<operations["updateThread"]["requestBody"]>["content"]["application/json"],
      "editDraft": ({
        "draft_attachments": [
          {
            "content_type": "application/pdf",
            "filename": "deck.pdf",
            "id": "0b7e4f2a-5c1d-4e8f-9a3b-2c6d7e8f9a01",
            "size": 482113
          }
        ],
        "draft_bcc": "crm@example.com",
        "draft_body_html": "<p>Hi Alex, following up on my last note.</p>",
        "draft_body_text": "Hi Alex, following up on my last note.",
        "draft_cc": "cofounder@example.com",
        "draft_subject": "Following up",
        "participant_email": "alex@example.com",
        "participant_name": "Alex Founder"
      }) satisfies NonNullable<operations["updateThread"]["requestBody"]>["content"]["application/json"],
      "markRead": ({
        "unread_count": 0
      }) satisfies NonNullable<operations["updateThread"]["requestBody"]>["content"]["application/json"],
      "reactivate": ({
        "status": "active"
      }) satisfies NonNullable<operations["updateThread"]["requestBody"]>["content"]["application/json"],
    },
    "responses": {
      "200": {
        "clearedSender": ({
          "thread": {
            "account_id": null,
            "channel": "email",
            "created_at": "2026-04-22T09:00:00Z",
            "draft_attachments": null,
            "draft_bcc": null,
            "draft_body_html": null,
            "draft_body_text": "Hi Alex, I had a quick question.",
            "draft_cc": null,
            "draft_subject": "Quick question",
            "external_id": null,
            "id": "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337",
            "last_message_at": null,
            "participant_email": "founder@example.com",
            "participant_linkedin_url": null,
            "participant_name": "Alex",
            "status": "draft",
            "unread_count": 0,
            "updated_at": "2026-04-22T10:10:00Z",
            "user_id": "11111111-1111-1111-1111-111111111111"
          }
        }) satisfies operations["updateThread"]["responses"][200]["content"]["application/json"],
        "docs": ({
          "thread": {
            "account_id": "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11",
            "draft_subject": "Quick question",
            "id": "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337",
            "participant_email": "founder@example.com",
            "status": "draft"
          }
        }) satisfies operations["updateThread"]["responses"][200]["content"]["application/json"],
      },
      "400": {
        "allInvalid": ({
          "detail": "At least one valid field must be present.",
          "errors": [
            {
              "keyword": "enum",
              "message": "must be one of \"active\", \"archived\"",
              "path": "/status"
            },
            {
              "keyword": "minimum",
              "message": "must be >= 0",
              "path": "/unread_count"
            },
            {
              "keyword": "minProperties",
              "message": "must have at least 1 valid field",
              "path": ""
            }
          ],
          "status": 400,
          "title": "Invalid request",
          "type": "https://app.puffle.ai/problems/invalid-request"
        }) satisfies operations["updateThread"]["responses"][400]["content"]["application/problem+json"],
        "emptyBody": ({
          "detail": "At least one valid field must be present.",
          "errors": [
            {
              "keyword": "minProperties",
              "message": "must have at least 1 valid field",
              "path": ""
            }
          ],
          "status": 400,
          "title": "Invalid request",
          "type": "https://app.puffle.ai/problems/invalid-request"
        }) satisfies operations["updateThread"]["responses"][400]["content"]["application/problem+json"],
        "invalidId": ({
          "detail": "The path parameter id must be a UUID.",
          "errors": [
            {
              "keyword": "format",
              "message": "must match format \"uuid\"",
              "path": "/id"
            }
          ],
          "status": 400,
          "title": "Invalid request",
          "type": "https://app.puffle.ai/problems/invalid-request"
        }) satisfies operations["updateThread"]["responses"][400]["content"]["application/problem+json"],
        "invalidJson": ({
          "detail": "The request body must be a JSON object.",
          "errors": [
            {
              "keyword": "type",
              "message": "must be object",
              "path": ""
            }
          ],
          "status": 400,
          "title": "Invalid request",
          "type": "https://app.puffle.ai/problems/invalid-request"
        }) satisfies operations["updateThread"]["responses"][400]["content"]["application/problem+json"],
        "senderNotReady": ({
          "detail": "account_id must refer to a ready email sender in your workspace.",
          "errors": [
            {
              "keyword": "x-puffle-ready-email-sender",
              "message": "must refer to a ready email sender in the workspace",
              "path": "/account_id"
            }
          ],
          "status": 400,
          "title": "Invalid sender account",
          "type": "https://app.puffle.ai/problems/invalid-sender-account"
        }) satisfies operations["updateThread"]["responses"][400]["content"]["application/problem+json"],
        "tooDeep": ({
          "detail": "The request body must not be nested more than 64 levels deep.",
          "errors": [
            {
              "keyword": "maxDepth",
              "message": "must not be nested more than 64 levels deep",
              "path": "/draft_attachments/0/a/0"
            }
          ],
          "status": 400,
          "title": "Invalid request",
          "type": "https://app.puffle.ai/problems/invalid-request"
        }) satisfies operations["updateThread"]["responses"][400]["content"]["application/problem+json"],
      },
      "401": {
        "missingToken": ({
          "detail": "A valid bearer token is required.",
          "status": 401,
          "title": "Unauthorized",
          "type": "https://app.puffle.ai/problems/unauthorized"
        }) satisfies operations["updateThread"]["responses"][401]["content"]["application/problem+json"],
      },
      "404": {
        "notFound": ({
          "detail": "No conversation with this id.",
          "status": 404,
          "title": "Not found",
          "type": "https://app.puffle.ai/problems/not-found"
        }) satisfies operations["updateThread"]["responses"][404]["content"]["application/problem+json"],
      },
      "409": {
        "duplicateRecipient": ({
          "detail": "This sender already has an open thread with founder@example.com.",
          "existing_thread": {
            "account_id": "5a1e5000-0000-4000-8000-000000000003",
            "channel": "email",
            "created_at": "2026-04-15T10:00:00Z",
            "external_id": "agentmail_thread_51aa",
            "id": "9e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b",
            "last_message_at": "2026-04-19T16:45:00Z",
            "participant_email": "founder@example.com",
            "participant_linkedin_url": null,
            "participant_name": "Alex",
            "status": "active",
            "unread_count": 1,
            "updated_at": "2026-04-19T16:45:00Z",
            "user_id": "11111111-1111-1111-1111-111111111111"
          },
          "status": 409,
          "title": "Duplicate thread",
          "type": "https://app.puffle.ai/problems/duplicate-thread"
        }) satisfies operations["updateThread"]["responses"][409]["content"]["application/problem+json"],
      },
      "413": {
        "tooLarge": ({
          "detail": "The request body must not be larger than 1048576 bytes.",
          "status": 413,
          "title": "Payload too large",
          "type": "https://app.puffle.ai/problems/payload-too-large"
        }) satisfies operations["updateThread"]["responses"][413]["content"]["application/problem+json"],
      },
      "415": {
        "notJson": ({
          "detail": "The request body must be sent as application/json.",
          "status": 415,
          "title": "Unsupported media type",
          "type": "https://app.puffle.ai/problems/unsupported-media-type"
        }) satisfies operations["updateThread"]["responses"][415]["content"]["application/problem+json"],
      },
    },
  },
};

/** The `examples` of component schemas. */
export const schemaExamples = {
  "Uuid": [
    ("f11e8a2c-1234-4567-89ab-cdef01234567") satisfies components["schemas"]["Uuid"],
  ],
};
