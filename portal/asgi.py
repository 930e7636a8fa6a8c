"""ASGI entry point: HTTP through Django, WebSockets through Channels.

WebSocket routes live in each app's `routing.py`; the router sits inside
`AllowedHostsOriginValidator(AuthMiddlewareStack(...))` so a foreign origin or a socket without
a session is refused before any consumer runs. Without the database (the session and user are
read from it) a socket is closed with 1013, "try again later", rather than failing with a
traceback; the page reconnects on its own.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402  (needs Django set up first)
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from chat.routing import websocket_urlpatterns  # noqa: E402
from portal.unavailable import CloseSocketWithoutDatabase  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": CloseSocketWithoutDatabase(
            AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns)))
        ),
    }
)
