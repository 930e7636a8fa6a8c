"""Every write about texts: `inbound` (a text that arrives) and `outbound` (texts the portal
sends, with the worker's tasks). Two modules because the message intake sits between them:
`inbound` calls `chat.services.post_message`, which calls `outbound` (see `chat.texts`)."""
