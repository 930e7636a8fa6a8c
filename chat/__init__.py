"""Messaging: one conversation between a young person and their Personal Adviser (PA), whichever
channel a message comes by (the web, a text, the chatbot)."""
