"""Safeguarding: one screening step for every message a young person writes, the detector it
uses, the alerts it raises and the people who must act on them (issue 16).

Part of the `chat` app (its models are imported by `chat.models`), so its tables keep the
`chat_` prefix. The pieces:

- `detector`: reads one message (with the few before it) and says which risks it shows, how
  severe, and why (rules for explicit phrases, a small learned model for the rest).
- `crisis`: what a young person is told when a message reads as a risk, by severity.
- `services`: `screen_message` (called once by the intake for every message), raising,
  acknowledging, closing and escalating alerts. The only code that publishes alert events.
- `selectors`: who sees which alerts, and which staff sockets hear of a new one.
"""
