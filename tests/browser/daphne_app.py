"""The application the browser tests' Daphne process serves: the portal, plus its static files
(which a deployment serves with WhiteNoise from `collectstatic`)."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.browser.daphne_settings")

from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

from portal.asgi import application as portal

application = ASGIStaticFilesHandler(portal)
