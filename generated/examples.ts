// generated from openapi/ by scripts/generate.mjs — do not edit; change openapi/ and run `npm run generate`
import type { components, operations } from "./schema.js";

/** Every named example of every operation, typed by the operation it belongs to. */
export const operationExamples = {
  "updateConversation": {
    "parameters": {
      "id": {
        "conversationFromDocs": ("f11e8a2c-1234-4567-89ab-cdef01234567") satisfies operations["updateConversation"]["parameters"]["path"]["id"],
      },
    },
    "request": {
      "docs": ({
        "status": "active",
        "unread_count": 4503599627370495
      }) satisfies NonNullable<operations["updateConversation"]["requestBody"]>["content"]["application/json"],
      "archive": ({
        "status": "archived"
      }) satisfies NonNullable<operations["updateConversation"]["requestBody"]>["content"]["application/json"],
      "reactivate": ({
        "status": "active"
      }) satisfies NonNullable<operations["updateConversation"]["requestBody"]>["content"]["application/json"],
      "markRead": ({
        "unread_count": 0
      }) satisfies NonNullable<operations["updateConversation"]["requestBody"]>["content"]["application/json"],
    },
    "responses": {
      "200": {
        "docs": ({
          "conversation": {
            "id": "f11e8a2c-1234-4567-89ab-cdef01234567",
            "user_id": "11111111-1111-1111-1111-111111111111",
            "account_id": "aaaa1111-1111-1111-1111-111111111111",
            "channel": "linkedin",
            "status": "archived",
            "external_id": "unipile_chat_abc123",
            "participant_name": "Jane Doe",
            "participant_email": null,
            "participant_linkedin_url": "https://linkedin.com/in/jane",
            "last_message_at": "2026-04-22T09:12:00Z",
            "unread_count": 0,
            "created_at": "2026-04-20T15:00:00Z",
            "updated_at": "2026-04-22T10:00:00Z"
          }
        }) satisfies operations["updateConversation"]["responses"][200]["content"]["application/json"],
        "archivedEmail": ({
          "conversation": {
            "id": "5b0c2d4e-6f70-4812-9a3b-4c5d6e7f8091",
            "user_id": "11111111-1111-1111-1111-111111111111",
            "account_id": "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11",
            "channel": "email",
            "status": "archived",
            "external_id": "agentmail_msg_7c1d",
            "participant_name": "Sam Rivera",
            "participant_email": "sam@example.com",
            "participant_linkedin_url": null,
            "last_message_at": "2026-04-21T08:30:00Z",
            "unread_count": 2,
            "created_at": "2026-04-18T12:00:00Z",
            "updated_at": "2026-04-22T10:05:00Z"
          }
        }) satisfies operations["updateConversation"]["responses"][200]["content"]["application/json"],
      },
      "400": {
        "emptyBody": ({
          "type": "https://app.puffle.ai/problems/invalid-request",
          "title": "Invalid request",
          "status": 400,
          "detail": "At least one valid field must be present.",
          "errors": [
            {
              "path": "",
              "keyword": "minProperties",
              "message": "must have at least 1 valid field"
            }
          ]
        }) satisfies operations["updateConversation"]["responses"][400]["content"]["application/problem+json"],
        "allInvalid": ({
          "type": "https://app.puffle.ai/problems/invalid-request",
          "title": "Invalid request",
          "status": 400,
          "detail": "At least one valid field must be present.",
          "errors": [
            {
              "path": "/status",
              "keyword": "enum",
              "message": "must be one of \"active\", \"archived\""
            },
            {
              "path": "/unread_count",
              "keyword": "minimum",
              "message": "must be >= 0"
            },
            {
              "path": "",
              "keyword": "minProperties",
              "message": "must have at least 1 valid field"
            }
          ]
        }) satisfies operations["updateConversation"]["responses"][400]["content"]["application/problem+json"],
        "invalidId": ({
          "type": "https://app.puffle.ai/problems/invalid-request",
          "title": "Invalid request",
          "status": 400,
          "detail": "The path parameter id must be a UUID.",
          "errors": [
            {
              "path": "/id",
              "keyword": "format",
              "message": "must match format \"uuid\""
            }
          ]
        }) satisfies operations["updateConversation"]["responses"][400]["content"]["application/problem+json"],
        "invalidJson": ({
          "type": "https://app.puffle.ai/problems/invalid-request",
          "title": "Invalid request",
          "status": 400,
          "detail": "The request body must be a JSON object.",
          "errors": [
            {
              "path": "",
              "keyword": "type",
              "message": "must be object (got an array)"
            }
          ]
        }) satisfies operations["updateConversation"]["responses"][400]["content"]["application/problem+json"],
        "tooDeep": ({
          "type": "https://app.puffle.ai/problems/invalid-request",
          "title": "Invalid request",
          "status": 400,
          "detail": "The request body must not be nested more than 64 levels deep.",
          "errors": [
            {
              "path": "/draft_attachments/0/a/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0",
              "keyword": "maxDepth",
              "message": "must not be nested more than 64 levels deep"
            }
          ]
        }) satisfies operations["updateConversation"]["responses"][400]["content"]["application/problem+json"],
      },
      "401": {
        "missingToken": ({
          "type": "https://app.puffle.ai/problems/unauthorized",
          "title": "Unauthorized",
          "status": 401,
          "detail": "A valid bearer token is required."
        }) satisfies operations["updateConversation"]["responses"][401]["content"]["application/problem+json"],
      },
      "404": {
        "notFound": ({
          "type": "https://app.puffle.ai/problems/not-found",
          "title": "Not found",
          "status": 404,
          "detail": "No conversation with this id."
        }) satisfies operations["updateConversation"]["responses"][404]["content"]["application/problem+json"],
      },
      "413": {
        "tooLarge": ({
          "type": "https://app.puffle.ai/problems/payload-too-large",
          "title": "Payload too large",
          "status": 413,
          "detail": "The request body must not be larger than 1048576 bytes."
        }) satisfies operations["updateConversation"]["responses"][413]["content"]["application/problem+json"],
      },
      "415": {
        "notJson": ({
          "type": "https://app.puffle.ai/problems/unsupported-media-type",
          "title": "Unsupported media type",
          "status": 415,
          "detail": "The request body must be sent as application/json."
        }) satisfies operations["updateConversation"]["responses"][415]["content"]["application/problem+json"],
        "charset": ({
          "type": "https://app.puffle.ai/problems/unsupported-media-type",
          "title": "Unsupported media type",
          "status": 415,
          "detail": "The request body must be JSON in UTF-8; charset \"utf-16\" is not supported."
        }) satisfies operations["updateConversation"]["responses"][415]["content"]["application/problem+json"],
        "contentEncoding": ({
          "type": "https://app.puffle.ai/problems/unsupported-media-type",
          "title": "Unsupported media type",
          "status": 415,
          "detail": "The request body must be sent without a content coding; Content-Encoding \"gzip\" is not supported."
        }) satisfies operations["updateConversation"]["responses"][415]["content"]["application/problem+json"],
      },
    },
  },
  "updateThread": {
    "parameters": {
      "id": {
        "threadFromDocs": ("3d986dd1-9d70-45b7-8e36-5d5b8b1c9337") satisfies operations["updateThread"]["parameters"]["path"]["id"],
      },
    },
    "request": {
      "docs": ({
        "account_id": "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11",
        "participant_email": "founder@example.com",
        "draft_subject": "Quick question",
        "draft_body_text": "Hi Alex, I had a quick question."
      }) satisfies NonNullable<operations["updateThread"]["requestBody"]>["content"]["application/json"],
      "archive": ({
        "status": "archived"
      }) satisfies NonNullable<operations["updateThread"]["requestBody"]>["content"]["application/json"],
      "reactivate": ({
        "status": "active"
      }) satisfies NonNullable<operations["updateThread"]["requestBody"]>["content"]["application/json"],
      "markRead": ({
        "unread_count": 0
      }) satisfies NonNullable<operations["updateThread"]["requestBody"]>["content"]["application/json"],
      "clearSender": ({
        "account_id": null
      }) satisfies NonNullable<operations["updateThread"]["requestBody"]>["content"]["application/json"],
      "editDraft": ({
        "participant_email": "alex@example.com",
        "participant_name": "Alex Founder",
        "draft_subject": "Following up",
        "draft_body_text": "Hi Alex, following up on my last note.",
        "draft_body_html": "<p>Hi Alex, following up on my last note.</p>",
        "draft_cc": "cofounder@example.com",
        "draft_bcc": "crm@example.com",
        "draft_attachments": [
          {
            "id": "0b7e4f2a-5c1d-4e8f-9a3b-2c6d7e8f9a01",
            "filename": "deck.pdf",
            "content_type": "application/pdf",
            "size": 482113
          }
        ]
      }) satisfies NonNullable<operations["updateThread"]["requestBody"]>["content"]["application/json"],
      "clearDraft": ({
        "draft_subject": null,
        "draft_body_text": null,
        "draft_body_html": null,
        "draft_cc": null,
        "draft_bcc": null,
        "draft_attachments": null
      }) satisfies NonNullable<operations["updateThread"]["requestBody"]>["content"]["application/json"],
    },
    "responses": {
      "200": {
        "docs": ({
          "thread": {
            "id": "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337",
            "status": "draft",
            "account_id": "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11",
            "participant_email": "founder@example.com",
            "draft_subject": "Quick question"
          }
        }) satisfies operations["updateThread"]["responses"][200]["content"]["application/json"],
        "clearedSender": ({
          "thread": {
            "id": "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337",
            "user_id": "11111111-1111-1111-1111-111111111111",
            "account_id": null,
            "channel": "email",
            "status": "draft",
            "external_id": null,
            "participant_name": "Alex",
            "participant_email": "founder@example.com",
            "participant_linkedin_url": null,
            "last_message_at": null,
            "unread_count": 0,
            "created_at": "2026-04-22T09:00:00Z",
            "updated_at": "2026-04-22T10:10:00Z",
            "draft_subject": "Quick question",
            "draft_body_text": "Hi Alex, I had a quick question.",
            "draft_body_html": null,
            "draft_cc": null,
            "draft_bcc": null,
            "draft_attachments": null
          }
        }) satisfies operations["updateThread"]["responses"][200]["content"]["application/json"],
      },
      "400": {
        "emptyBody": ({
          "type": "https://app.puffle.ai/problems/invalid-request",
          "title": "Invalid request",
          "status": 400,
          "detail": "At least one valid field must be present.",
          "errors": [
            {
              "path": "",
              "keyword": "minProperties",
              "message": "must have at least 1 valid field"
            }
          ]
        }) satisfies operations["updateThread"]["responses"][400]["content"]["application/problem+json"],
        "allInvalid": ({
          "type": "https://app.puffle.ai/problems/invalid-request",
          "title": "Invalid request",
          "status": 400,
          "detail": "At least one valid field must be present.",
          "errors": [
            {
              "path": "/status",
              "keyword": "enum",
              "message": "must be one of \"active\", \"archived\""
            },
            {
              "path": "/unread_count",
              "keyword": "minimum",
              "message": "must be >= 0"
            },
            {
              "path": "",
              "keyword": "minProperties",
              "message": "must have at least 1 valid field"
            }
          ]
        }) satisfies operations["updateThread"]["responses"][400]["content"]["application/problem+json"],
        "invalidId": ({
          "type": "https://app.puffle.ai/problems/invalid-request",
          "title": "Invalid request",
          "status": 400,
          "detail": "The path parameter id must be a UUID.",
          "errors": [
            {
              "path": "/id",
              "keyword": "format",
              "message": "must match format \"uuid\""
            }
          ]
        }) satisfies operations["updateThread"]["responses"][400]["content"]["application/problem+json"],
        "invalidJson": ({
          "type": "https://app.puffle.ai/problems/invalid-request",
          "title": "Invalid request",
          "status": 400,
          "detail": "The request body must be a JSON object.",
          "errors": [
            {
              "path": "",
              "keyword": "type",
              "message": "must be object (got an array)"
            }
          ]
        }) satisfies operations["updateThread"]["responses"][400]["content"]["application/problem+json"],
        "tooDeep": ({
          "type": "https://app.puffle.ai/problems/invalid-request",
          "title": "Invalid request",
          "status": 400,
          "detail": "The request body must not be nested more than 64 levels deep.",
          "errors": [
            {
              "path": "/draft_attachments/0/a/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0",
              "keyword": "maxDepth",
              "message": "must not be nested more than 64 levels deep"
            }
          ]
        }) satisfies operations["updateThread"]["responses"][400]["content"]["application/problem+json"],
        "senderNotReady": ({
          "type": "https://app.puffle.ai/problems/invalid-sender-account",
          "title": "Invalid sender account",
          "status": 400,
          "detail": "account_id must refer to a ready email sender in your workspace.",
          "errors": [
            {
              "path": "/account_id",
              "keyword": "x-puffle-ready-email-sender",
              "message": "must refer to a ready email sender in the workspace"
            }
          ]
        }) satisfies operations["updateThread"]["responses"][400]["content"]["application/problem+json"],
      },
      "401": {
        "missingToken": ({
          "type": "https://app.puffle.ai/problems/unauthorized",
          "title": "Unauthorized",
          "status": 401,
          "detail": "A valid bearer token is required."
        }) satisfies operations["updateThread"]["responses"][401]["content"]["application/problem+json"],
      },
      "404": {
        "notFound": ({
          "type": "https://app.puffle.ai/problems/not-found",
          "title": "Not found",
          "status": 404,
          "detail": "No thread with this id."
        }) satisfies operations["updateThread"]["responses"][404]["content"]["application/problem+json"],
      },
      "409": {
        "duplicateRecipient": ({
          "type": "https://app.puffle.ai/problems/duplicate-thread",
          "title": "Duplicate thread",
          "status": 409,
          "detail": "This sender already has an open thread with founder@example.com.",
          "existing_thread": {
            "id": "9e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b",
            "user_id": "11111111-1111-1111-1111-111111111111",
            "account_id": "5a1e5000-0000-4000-8000-000000000003",
            "channel": "email",
            "status": "active",
            "external_id": "agentmail_thread_51aa",
            "participant_name": "Alex",
            "participant_email": "founder@example.com",
            "participant_linkedin_url": null,
            "last_message_at": "2026-04-19T16:45:00Z",
            "unread_count": 1,
            "created_at": "2026-04-15T10:00:00Z",
            "updated_at": "2026-04-19T16:45:00Z"
          }
        }) satisfies operations["updateThread"]["responses"][409]["content"]["application/problem+json"],
      },
      "413": {
        "tooLarge": ({
          "type": "https://app.puffle.ai/problems/payload-too-large",
          "title": "Payload too large",
          "status": 413,
          "detail": "The request body must not be larger than 1048576 bytes."
        }) satisfies operations["updateThread"]["responses"][413]["content"]["application/problem+json"],
      },
      "415": {
        "notJson": ({
          "type": "https://app.puffle.ai/problems/unsupported-media-type",
          "title": "Unsupported media type",
          "status": 415,
          "detail": "The request body must be sent as application/json."
        }) satisfies operations["updateThread"]["responses"][415]["content"]["application/problem+json"],
        "charset": ({
          "type": "https://app.puffle.ai/problems/unsupported-media-type",
          "title": "Unsupported media type",
          "status": 415,
          "detail": "The request body must be JSON in UTF-8; charset \"utf-16\" is not supported."
        }) satisfies operations["updateThread"]["responses"][415]["content"]["application/problem+json"],
        "contentEncoding": ({
          "type": "https://app.puffle.ai/problems/unsupported-media-type",
          "title": "Unsupported media type",
          "status": 415,
          "detail": "The request body must be sent without a content coding; Content-Encoding \"gzip\" is not supported."
        }) satisfies operations["updateThread"]["responses"][415]["content"]["application/problem+json"],
      },
    },
  },
};

/** The `examples` of component schemas, and of their properties (`Schema.property`). */
export const schemaExamples = {
  "ConversationRow.id": [
    ("f11e8a2c-1234-4567-89ab-cdef01234567") satisfies NonNullable<components["schemas"]["ConversationRow"]>["id"],
  ],
  "ConversationRow.user_id": [
    ("11111111-1111-1111-1111-111111111111") satisfies NonNullable<components["schemas"]["ConversationRow"]>["user_id"],
  ],
};
