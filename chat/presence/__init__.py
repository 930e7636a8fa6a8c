"""Who has the website open: one row per open `/ws/chat/` socket, seen recently.

A PA's reply reaches a young person another way (a text, `chat.texts`) only when none of
their sockets is open. Rows live in the database (`chat.models.OpenSocket`) so that every ASGI
worker sees the others'; a row whose worker died stops counting once it has not been seen for
`selectors.STALE_AFTER`, because the page's script pings every `selectors.PING_EVERY`.

`services` writes the rows (the socket consumer calls it as sockets open, ping and close) and
tells people's open sockets to re-check what they follow; `selectors` reads them.
"""
