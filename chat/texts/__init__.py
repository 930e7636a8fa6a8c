"""Text messages (SMS), in and out: one capability, one package.

- `webhooks`: Twilio's two webhooks, the thin edge: check the signature, read the fields, call a
  service, answer in TwiML.
- `services.inbound`: a text that arrives (`receive_text`): into the young person's
  conversation through `chat.services.post_message`, or a kind reply and a record.
- `services.outbound`: every text the portal sends about a conversation: deciding, queueing,
  sending, retrying, Twilio's status reports, the sweep for texts a dead worker left, and the
  worker's tasks, declared on the functions they run.
- `selectors`: reads (who may be texted, who a number belongs to, what became of a text).

Imports go one way: `chat.services` (the intake) calls `services.outbound` to notify a young
person who is not on the website; `services.inbound` calls `chat.services` to post what they
texted. So the two halves are separate modules, and nothing here imports inside a function.
The SMS transport itself (backends, parts, quiet hours) is `portal.sms`.
"""
