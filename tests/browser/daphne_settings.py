"""Settings for the Daphne process the browser tests start: the portal's own settings (so the
same environment picks the same database engine, cache and channel layer), pointed at the test
database and matched to what the tests themselves run with. The text worker the tests start
(`db_worker`) uses these settings too."""

import os

from portal.settings import *  # noqa: F403
from portal.settings import DATABASES

DEBUG = False
DATABASES["default"]["NAME"] = os.environ["PORTAL_TEST_DATABASE_NAME"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["127.0.0.1"]
if not os.environ.get("FAKE_TWILIO_LOG"):
    # No Twilio stand-in was set up by the test: keep texts in this process's memory.
    SMS_BACKEND = "portal.sms.backends.locmem.LocmemBackend"
