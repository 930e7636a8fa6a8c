"""The care leaver portal: project settings, URLs, ASGI and the people who use it."""
