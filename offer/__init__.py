"""The local offer: what the council offers care leavers, and who can get what."""
