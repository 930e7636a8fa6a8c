"""The chatbot: answers questions about the local offer from the published pages, passes what
it cannot answer to the young person's PA, and spots messages that show risk."""
