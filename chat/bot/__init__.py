"""The chatbot: answers questions about the local offer from the published pages and passes
what it cannot answer to the young person's PA (`services.ask`), after safeguarding has read
the question (`chat.safeguarding`). Its reads are in `selectors`."""
