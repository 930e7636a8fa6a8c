"""Settings for the care leaver portal: one module, read from the environment.

With no environment set the portal runs on embedded defaults (SQLite, the in-memory channel
layer, a local-memory cache, the console SMS backend), which is what `make run` and the tests use.
Production is whatever sets `SECRET_KEY`: then DEBUG is off, secrets have no default, and
PostgreSQL, Redis and Twilio switch on when their variables are set. The variables are listed in
`.env.example` and in `../shared/contract/README.md`.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from portal.layers import redis_layer

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no variable; anything but an explicit yes/no is a configuration error."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1/0, true/false, yes/no or on/off, not {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "")
    return [item.strip() for item in value.split(",") if item.strip()] or default


# --- Mode -------------------------------------------------------------------------------------
# Local mode is "no SECRET_KEY in the environment": a developer's machine or the test suite.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
LOCAL = not SECRET_KEY
DEBUG = env_bool("DEBUG", default=LOCAL)
if LOCAL:
    SECRET_KEY = "local-only-insecure-key-never-used-in-production"  # noqa: S105
elif len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 random characters.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
if not LOCAL and not os.environ.get("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the portal's host names.")

# The address Twilio calls us on; its signatures are computed over this URL, not the request's
# Host header (which a proxy may rewrite).
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [PUBLIC_BASE_URL])

# --- Applications -----------------------------------------------------------------------------
INSTALLED_APPS = [
    "daphne",  # runserver serves HTTP and WebSockets through ASGI
    "portal.people",
    "portal",
    "offer",
    "chat",
    "surveys",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "channels",
    "django_tasks_db",
    "phonenumber_field",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.unavailable.DatabaseUnavailableMiddleware",  # 503, not 500, without PostgreSQL
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "portal.middleware.AdminContentSecurityPolicyMiddleware",
    "portal.input_guard.HostileInputMiddleware",  # 400 for NUL / lone surrogates (issue 15)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.middleware.NoStoreForSignedInMiddleware",  # private pages never cached (issue 15)
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.people.middleware.StaffIdleTimeoutMiddleware",  # staff out after 30 idle minutes
    "portal.people.middleware.StaffSecondFactorMiddleware",
    "portal.people.middleware.EditorAccessMiddleware",  # 403, not a loop, at /admin/ (issue 15)
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
ASGI_APPLICATION = "portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's database search uses PostgreSQL's full-text search when it is there.
    INSTALLED_APPS.append("django.contrib.postgres")
    # Under ASGI every request runs on a thread of its own, so persistent connections pile up
    # (the load test ran PostgreSQL out of connections in ten seconds). In production each
    # process keeps a pool (psycopg_pool, through Django) of at most DATABASE_POOL_MAX_SIZE
    # connections; a request that finds none free waits up to 10 s, then gets the 503 page.
    # Size it so processes x pool + the text workers stay under PostgreSQL's max_connections.
    _pool_size = int(os.environ.get("DATABASE_POOL_MAX_SIZE", "0" if LOCAL else "8"))
    if _pool_size:
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": min(2, _pool_size),
            "max_size": _pool_size,
            "timeout": 10,
        }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the ASGI server read while a request writes; the timeout rides out short locks.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis cache, carrying on as an empty cache while Redis does not answer
            # (docs/deploy.md), with timeouts short enough that a lost Redis costs a page 1 s
            # at most, not redis-py's 5 s a call.
            "BACKEND": "portal.unavailable.ForgivingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    CHANNEL_LAYERS = {"default": redis_layer(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- People and sign-in -----------------------------------------------------------------------
AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "people:landing"
LOGOUT_REDIRECT_URL = "home"

# Young people sign in with a username or their mobile number, by password or by a code sent
# by text; accounts are made by the council (a stranger must not be able to sign up).
ACCOUNT_ADAPTER = "portal.people.adapters.PortalAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "phone"}
# "phone" here switches on allauth's add/verify-a-mobile pages; sign-up itself is closed.
ACCOUNT_SIGNUP_FIELDS = ["username*", "phone", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 10 * 60
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 5
ACCOUNT_PHONE_VERIFICATION_TIMEOUT = 10 * 60
ACCOUNT_PHONE_VERIFICATION_MAX_ATTEMPTS = 5
ACCOUNT_PREVENT_ENUMERATION = True  # whether a number has an account here is itself sensitive
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS = {
    # Five wrong tries for one account lock it for 15 minutes; ten a minute from one address.
    "login_failed": "10/m/ip,5/15m/key",
    "request_login_code": "20/m/ip,3/m/key",
}
ACCOUNT_FORMS = {
    "login": "portal.people.forms.SignInForm",
    "request_login_code": "portal.people.forms.RequestCodeForm",
    "confirm_login_code": "portal.people.forms.ConfirmCodeForm",
    "change_phone": "portal.people.forms.ChangeMobileForm",
}
ALLAUTH_USER_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
# Codes texted to any one number in 24 hours, sign-in and number-checking codes together: the
# portal must not be a way to send texts to someone's phone again and again (issue 15).
CODE_TEXTS_PER_NUMBER_PER_DAY = int(os.environ.get("PORTAL_CODE_TEXTS_PER_NUMBER_PER_DAY", "5"))
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = os.environ.get("PORTAL_NAME", "Care leaver portal")
# One 30-second step either side, as RFC 6238 advises: a code typed just as it rolls over, or
# from a phone whose clock is a little off, still works (on a slow phone network, or a busy
# server, a code can roll over between typing and arriving).
MFA_TOTP_TOLERANCE = 1
PHONENUMBER_DEFAULT_REGION = "GB"
PHONENUMBER_DB_FORMAT = "E164"

# --- SMS --------------------------------------------------------------------------------------
TWILIO_ACCOUNT_SID = os.environ.get("TWILIO_ACCOUNT_SID", "")
TWILIO_AUTH_TOKEN = os.environ.get("TWILIO_AUTH_TOKEN", "")
TWILIO_FROM_NUMBER = os.environ.get("TWILIO_FROM_NUMBER", "")
TWILIO_MESSAGING_SERVICE_SID = os.environ.get("TWILIO_MESSAGING_SERVICE_SID", "")
if (
    TWILIO_ACCOUNT_SID
    and TWILIO_AUTH_TOKEN
    and (TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID)
):
    SMS_BACKEND = "portal.sms.backends.twilio.TwilioBackend"
else:
    SMS_BACKEND = os.environ.get("SMS_BACKEND", "portal.sms.backends.console.ConsoleBackend")
# How the Twilio client talks HTTP: Twilio's own client with a timeout, so a hung connection
# cannot hold a worker. A dotted path to a callable returning a `twilio.http.HttpClient`.
TWILIO_HTTP_CLIENT = os.environ.get(
    "TWILIO_HTTP_CLIENT", "portal.sms.backends.twilio.default_http_client"
)

# --- The chatbot -----------------------------------------------------------------------------
# Questions per person and per address (django-ratelimit, counted in the shared cache).
ASK_RATE_PER_USER = os.environ.get("PORTAL_ASK_RATE_PER_USER", "30/m")
ASK_RATE_PER_IP = os.environ.get("PORTAL_ASK_RATE_PER_IP", "60/m")
# Messages one person may send over their sockets (all of them, in every process), so a script
# cannot store hundreds a second or raise an alert flood (issue 15, finding 6).
SOCKET_SEND_RATE = os.environ.get("PORTAL_SOCKET_SEND_RATE", "20/m")
# Behind a proxy every request comes from the proxy: name the header with the real address,
# e.g. "HTTP_X_FORWARDED_FOR" (only when the proxy sets it and clients cannot).
if os.environ.get("RATELIMIT_IP_META_KEY"):
    RATELIMIT_IP_META_KEY = os.environ["RATELIMIT_IP_META_KEY"]

# --- Surveys and sessions ---------------------------------------------------------------------
# Anonymous survey answers and questions sent without a name wait, sealed, and staff see them
# only in groups of at least this many (never fewer than 5): surveys/holding.py (issue 15).
SURVEY_RELEASE_BATCH = int(os.environ.get("PORTAL_SURVEY_RELEASE_BATCH", "5"))

# --- Background tasks -------------------------------------------------------------------------
# Texts go out from a worker (`manage.py db_worker --backend texts --queue-name texts`), never
# from a request. Their queue is a table in the portal's own database, so a task is enqueued in
# the same transaction as the record it serves: a PA's reply and the task that texts it commit
# together or not at all. Wagtail's own tasks (search and reference index updates on publish)
# stay on the default backend, run at once as before, so a published page is searchable at once.
# Safeguarding escalations (issue 16) wait on the same database backend in their own queue,
# "safeguarding": `make worker` and `make run-prod` run a worker for both queues
# (`--queue-name texts,safeguarding`); a council may run more text-only workers beside it.
TASKS = {
    "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
    "texts": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["texts", "safeguarding"]},
}

# --- Email (staff password resets) ------------------------------------------------------------
# Production sends by SMTP (a local relay unless EMAIL_HOST says otherwise); locally, the console.
if os.environ.get("EMAIL_HOST") or not LOCAL:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("EMAIL_HOST", "localhost"),
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", bool(os.environ.get("EMAIL_HOST"))),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "care-leavers@localhost")

# --- The council ------------------------------------------------------------------------------
# Shown in the "Get help now" box on every page. A council sets its own numbers.
PORTAL = {
    "NAME": os.environ.get("PORTAL_NAME", "Care leaver portal"),
    "COUNCIL": os.environ.get("PORTAL_COUNCIL", "the council"),
    "OUT_OF_HOURS_PHONE": os.environ.get("PORTAL_OUT_OF_HOURS_PHONE", "0300 123 5022"),
    "LEAVING_CARE_PHONE": os.environ.get("PORTAL_LEAVING_CARE_PHONE", "0300 123 5012"),
    # No automated, non-urgent text (a "you have a message" nudge, a reminder) is sent in these
    # hours, local time; it waits for the morning. A PA's own reply is not held.
    "QUIET_HOURS": os.environ.get("PORTAL_QUIET_HOURS", "21:00-08:00"),
    # A young person who prefers the website gets a text saying a message is waiting only if
    # they have not read it there within this many minutes.
    "TEXT_NUDGE_AFTER_MINUTES": int(os.environ.get("PORTAL_TEXT_NUDGE_AFTER_MINUTES", "60")),
    # A shared mailbox the duty team watches: told of every safeguarding alert (no details),
    # and again when one is escalated.
    "DUTY_EMAIL": os.environ.get("PORTAL_DUTY_EMAIL", ""),
    # An immediate or high safeguarding alert nobody has acknowledged after this many minutes
    # goes to the duty team, and after as many again to the service managers (issue 16).
    "ALERT_ACK_MINUTES": int(os.environ.get("PORTAL_ALERT_ACK_MINUTES", "10")),
}

# --- Wagtail ----------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = PORTAL["NAME"]
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # never send staff email hashes to a third party
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# --- Static files -----------------------------------------------------------------------------
STATIC_URL = "/static/"
# Locally WhiteNoise serves straight from the app folders; `collectstatic` is for production.
STATIC_ROOT = BASE_DIR / "staticfiles" if not LOCAL else None
WHITENOISE_USE_FINDERS = LOCAL
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if LOCAL
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Language and time ------------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Security ---------------------------------------------------------------------------------
# Scripts run only from our own origin or with this response's nonce; no inline styles.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 12
# Staff are signed out after this many minutes without using the portal, and warned this many
# minutes before where JavaScript runs (portal/people/idle.py; issue 15). Young people keep the
# session above.
STAFF_IDLE_TIMEOUT_MINUTES = int(os.environ.get("PORTAL_STAFF_IDLE_TIMEOUT_MINUTES", "30"))
STAFF_IDLE_WARNING_MINUTES = min(5, max(STAFF_IDLE_TIMEOUT_MINUTES // 3, 1))
CSRF_COOKIE_HTTPONLY = True
if not LOCAL:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# --- Logging ----------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "portal": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "portal.sms": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
