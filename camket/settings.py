"""camket settings: everything configurable comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from camket.lib import deploy_checks
from camket.lib.env import (
    collect_problems,
    env_bool,
    env_int,
    env_list,
    env_str,
    note_problem,
    raise_problems,
)
from camket.lib.log_config import LOG_LEVELS, logging_config

# Every bad value is noted and reported together at the end of this file (raise_problems).
collect_problems()

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("CAMKET_DATA_DIR", "var")).resolve()
DEBUG = env_bool("CAMKET_DEBUG", False)
# Production (docs/deployment.md): start-up refuses a missing or weak secret key, no allowed
# hosts, a malformed DATABASE_URL or an unwritable data directory, listing every problem.
CAMKET_PRODUCTION = env_bool("CAMKET_PRODUCTION", False) and not DEBUG
for _problem in deploy_checks.data_dir_problems(DATA_DIR):
    note_problem(_problem)
if CAMKET_PRODUCTION:
    for _problem in deploy_checks.secret_key_problems(env_str("CAMKET_SECRET_KEY")):
        note_problem(_problem)
    for _problem in deploy_checks.allowed_hosts_problems(env_str("CAMKET_ALLOWED_HOSTS") or None):
        note_problem(_problem)

SECRET_KEY = env_str("CAMKET_SECRET_KEY")
if not SECRET_KEY and not DEBUG and env_bool("CAMKET_REQUIRE_SECRET_KEY", False):
    note_problem("Set CAMKET_SECRET_KEY to a long random value in production.")
elif not SECRET_KEY and not CAMKET_PRODUCTION and DATA_DIR.is_dir():
    # A per-installation key kept in the data directory, so sessions survive restarts.
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        from django.core.management.utils import get_random_secret_key

        key_file.write_text(get_random_secret_key())
        key_file.chmod(0o600)
    SECRET_KEY = key_file.read_text().strip()

ALLOWED_HOSTS = env_list("CAMKET_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CAMKET_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",  # serves Swagger UI from its own static files instead of a CDN
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_tasks",
    "camket.jobs",  # before django_tasks_db: its db_worker recovers jobs of dead workers first
    "django_tasks_db",
    "axes",
    "camket.accounts",
    "camket.frameworks",
    "camket.review",
    "camket.links",
    "camket.treaties",
    "camket.legislation",
    "camket.glossary",
    "camket.cooperation",
    "camket.importers",
    "camket.plans",
    "camket.reports",
    "camket.programme_reviews",
    "camket.reminders",
    "camket.inbox",
    "camket.dashboard",
    "camket.tagging",
    "camket.public",
    "camket.exports",
    "camket.consultations",
    "camket.documents",
    "camket.translations",
    "camket.backup",
    "camket.api",
    "camket.web",
    "camket.health",
    "camket.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "camket.health.idle_sessions.IdleSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "camket.accounts.middleware.TemporaryPasswordMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "camket.urls"
WSGI_APPLICATION = "camket.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "camket.web.context_processors.role",
                "camket.inbox.context_processors.work",
            ],
        },
    },
]

_default_database = dj_database_url.parse(f"sqlite:///{DATA_DIR / 'camket.sqlite3'}")
_database, _database_problems = deploy_checks.parse_database_url(
    env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'camket.sqlite3'}"),
    conn_max_age=env_int("CAMKET_DB_CONN_MAX_AGE", 0),
)
for _problem in _database_problems:
    note_problem(_problem)
DATABASES = {"default": _database or _default_database}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["TEST"] = {"NAME": env_str("CAMKET_TEST_SQLITE_NAME") or None}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT: compiling never paid back (0.9 s for a 1 s search; 100-350 ms for a 30 ms dashboard
    # query). `?options=-c jit=on` in the URL wins, being later on the command line.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"-c jit=off {_options.get('options', '')}".strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses locked-out sign-ins
    "rules.permissions.ObjectPermissionBackend",
    "camket.accounts.backends.MemberBackend",  # ModelBackend, with the membership loaded
]
# Argon2id first (camket/accounts/hashers.py); the others only verify older hashes, which
# Django re-hashes with the first at the person's next sign-in.
PASSWORD_HASHERS = [
    "camket.accounts.hashers.OwaspArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in throttling (django-axes), site login and admin login alike: after N wrong passwords
# for one account from one address, that pair is refused for the cool-off time. Other accounts
# from the same address, and the same account from elsewhere, still sign in (a shared office
# address is not locked out; a stranger cannot lock a colleague out). 0 minutes: locked until
# an administrator runs `camket axes_reset_username USER` (or axes_reset).
AXES_FAILURE_LIMIT = env_int("CAMKET_LOGIN_FAILURE_LIMIT", 5)
_cooloff_minutes = env_int("CAMKET_LOGIN_COOLOFF_MINUTES", 15)
AXES_COOLOFF_TIME = timedelta(minutes=_cooloff_minutes) if _cooloff_minutes > 0 else None
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "camket.accounts.lockout.locked_out"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "recommendation-list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("CAMKET_TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
# One date format per language (Vietnamese dd/mm/yyyy, English yyyy-mm-dd): docs/ui.md.
FORMAT_MODULE_PATH = ["camket.formats"]
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
if DATA_DIR.is_dir() and os.access(DATA_DIR, os.W_OK):
    STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_ROOT = DATA_DIR / "uploads"
MODELS_DIR = DATA_DIR / "models"

# Evidence files attached to progress reports: size limit and accepted kinds (see reports.files).
CAMKET_MAX_EVIDENCE_BYTES = env_int("CAMKET_MAX_EVIDENCE_BYTES", 20 * 1024 * 1024)
# Reminders: how many days before a due date the "due soon" e-mail goes out.
CAMKET_REMIND_DAYS_BEFORE = env_int("CAMKET_REMIND_DAYS_BEFORE", 14)
# The public portal (/public/): published frameworks, items, actions and public progress.
CAMKET_PUBLIC_PORTAL = env_bool("CAMKET_PUBLIC_PORTAL", True)
# How long a computed portal page may be kept; any change to a record ends it at once anyway.
CAMKET_PUBLIC_CACHE_SECONDS = env_int("CAMKET_PUBLIC_CACHE_SECONDS", 600)
CAMKET_SITE_URL = env_str("CAMKET_SITE_URL", "http://127.0.0.1:8000")

# Uploads larger than this are refused before they are parsed.
CAMKET_MAX_IMPORT_BYTES = env_int("CAMKET_MAX_IMPORT_BYTES", 50 * 1024 * 1024)
# Checked while a file is read (importers/limits.py), with room above the largest real files:
# what an XLSX/DOCX package unpacks to (the 33,082-row UPR Info export saved as one XLSX
# unpacks to 26 MB, an OHCHR matrix to 2 MB), rows and cells read (that export: 33,083 rows,
# 364,000 cells) and characters in one cell (Excel's own maximum; real cells stay under 1,000).
CAMKET_MAX_IMPORT_UNCOMPRESSED_BYTES = env_int(
    "CAMKET_MAX_IMPORT_UNCOMPRESSED_BYTES", 50 * 1024 * 1024
)
CAMKET_MAX_IMPORT_ROWS = env_int("CAMKET_MAX_IMPORT_ROWS", 100_000)
CAMKET_MAX_IMPORT_CELLS = env_int("CAMKET_MAX_IMPORT_CELLS", 1_000_000)
CAMKET_MAX_IMPORT_CELL_CHARS = env_int("CAMKET_MAX_IMPORT_CELL_CHARS", 32_767)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# Behind TLS (docs/deployment.md): secure cookies, HSTS, redirect to https and the proxy's
# X-Forwarded-Proto header trusted. CAMKET_SECURE_COOKIES alone still turns on the cookies.
CAMKET_HTTPS = env_bool("CAMKET_HTTPS", False)
SESSION_COOKIE_SECURE = CAMKET_HTTPS or env_bool("CAMKET_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
if CAMKET_HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("CAMKET_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("CAMKET_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = env_bool("CAMKET_HSTS_PRELOAD", False)
    # Both are commitments for the whole domain (preload cannot be taken back quickly): the
    # operator chooses them, so Django's reminders of them are not warnings here.
    SILENCED_SYSTEM_CHECKS = [
        check
        for check, chosen in (
            ("security.W005", SECURE_HSTS_INCLUDE_SUBDOMAINS),
            ("security.W021", SECURE_HSTS_PRELOAD),
        )
        if not chosen
    ]
# The health probe (camket.health) answers over plain HTTP on the loopback too.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
# A session unused this long is signed out (camket.health.idle_sessions keeps active ones).
CAMKET_SESSION_IDLE_MINUTES = env_int("CAMKET_SESSION_IDLE_MINUTES", 60)
SESSION_COOKIE_AGE = max(CAMKET_SESSION_IDLE_MINUTES, 1) * 60
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

EMAIL_BACKEND = env_str("CAMKET_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("CAMKET_FROM_EMAIL", "camket@localhost")
# The SMTP server (with CAMKET_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend).
EMAIL_HOST = env_str("CAMKET_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("CAMKET_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("CAMKET_EMAIL_USER")
EMAIL_HOST_PASSWORD = env_str("CAMKET_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("CAMKET_EMAIL_USE_TLS", False)
# Seconds before a silent mail server is given up on (the e-mail stays pending, tried again).
EMAIL_TIMEOUT = env_int("CAMKET_EMAIL_TIMEOUT", 10)

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A job still "running" this long after it started is taken as lost (its worker stopped) by
# `camket db_worker` at start, `camket jobs recover` and the tagging page (see camket.jobs).
CAMKET_JOB_MAX_MINUTES = env_int("CAMKET_JOB_MAX_MINUTES", 120)

# Everything at CAMKET_LOG_LEVEL and above goes to stderr, and also to CAMKET_LOG_FILE when set
# (camket/lib/log_config.py).
CAMKET_LOG_LEVEL = env_str("CAMKET_LOG_LEVEL", "INFO").strip().upper()
if CAMKET_LOG_LEVEL not in LOG_LEVELS:
    note_problem(f"CAMKET_LOG_LEVEL={CAMKET_LOG_LEVEL!r} is not one of {', '.join(LOG_LEVELS)}.")
    CAMKET_LOG_LEVEL = "INFO"
LOGGING = logging_config(CAMKET_LOG_LEVEL, env_str("CAMKET_LOG_FILE"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve static files straight from the installed packages, so no collectstatic step is needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_PER_PAGE_SIZE = 500

# Public consultations (camket.consultations): the comment form's defences. At most N comments
# per sender address per window; a form sent back sooner than MIN seconds after it was shown,
# or later than MAX_AGE, is refused. Behind a reverse proxy, set CAMKET_CLIENT_IP_HEADER to the
# header it sets (e.g. X-Forwarded-For): only then is the sender's address read from it.
CAMKET_COMMENT_RATE_LIMIT = env_int("CAMKET_COMMENT_RATE_LIMIT", 5)
CAMKET_COMMENT_RATE_WINDOW_SECONDS = env_int("CAMKET_COMMENT_RATE_WINDOW_SECONDS", 600)
CAMKET_COMMENT_MIN_SECONDS = env_int("CAMKET_COMMENT_MIN_SECONDS", 3)
CAMKET_COMMENT_FORM_MAX_AGE_SECONDS = env_int("CAMKET_COMMENT_FORM_MAX_AGE_SECONDS", 86400)
CAMKET_COMMENT_MAX_CHARS = env_int("CAMKET_COMMENT_MAX_CHARS", 5000)
CAMKET_COMMENT_MAX_LINKS = env_int("CAMKET_COMMENT_MAX_LINKS", 2)
CAMKET_CLIENT_IP_HEADER = env_str("CAMKET_CLIENT_IP_HEADER", "")
# All senders together: at most N comments on one consultation per window (a flood from many
# addresses would otherwise bury the moderation queue).
CAMKET_COMMENT_CONSULTATION_LIMIT = env_int("CAMKET_COMMENT_CONSULTATION_LIMIT", 200)
CAMKET_COMMENT_CONSULTATION_WINDOW_SECONDS = env_int(
    "CAMKET_COMMENT_CONSULTATION_WINDOW_SECONDS", 3600
)
# Report drafts (camket.documents, docs/reports.md). A ministry restyles the PDF drafts by
# putting its own copies of documents/pdf/*.html or report.css in CAMKET_TEMPLATE_DIR, and the
# Word drafts by naming a .docx whose styles (Title, Heading 1–3, Normal, Table Grid) they use.
CAMKET_TEMPLATE_DIR = env_str("CAMKET_TEMPLATE_DIR")
if CAMKET_TEMPLATE_DIR:
    TEMPLATES[0]["DIRS"].insert(0, Path(CAMKET_TEMPLATE_DIR))
CAMKET_DOCX_TEMPLATE = env_str("CAMKET_DOCX_TEMPLATE")
# Generated drafts wait here for their download: outside every served folder.
CAMKET_DOCUMENTS_DIR = DATA_DIR / "documents"
# Drafts of frameworks with at most this many items are made at once by the web page; larger
# ones go to the background worker (`camket db_worker`).
CAMKET_DOCUMENTS_AT_ONCE_ITEMS = env_int("CAMKET_DOCUMENTS_AT_ONCE_ITEMS", 400)
# The state camket tracks commitments of (ISO 3166 alpha-3): the treaty pages open on it.
CAMKET_HOME_STATE = env_str("CAMKET_HOME_STATE", "VNM")

# Cooperation requests (camket.cooperation): the public portal shows yearly counts per direction
# and type, leaving out any cell below this number (small counts may point at a known case).
CAMKET_COOPERATION_PUBLIC_MIN = env_int("CAMKET_COOPERATION_PUBLIC_MIN", 1)

# The cache holds the portal's pages and its "generation" number, and the comment form's rate
# counters: every web process must see the same one, or a change reaches the portal late in
# the other gunicorn workers and each worker counts comments on its own. A folder of files
# is shared by every process of the machine with nothing more to run; it is the default in
# production. Elsewhere (runserver, tests: one process each) memory is enough.
CAMKET_CACHE_DIR = env_str("CAMKET_CACHE_DIR") or (
    str(DATA_DIR / "cache") if CAMKET_PRODUCTION else ""
)
if CAMKET_CACHE_DIR:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CAMKET_CACHE_DIR,
            "OPTIONS": {"MAX_ENTRIES": env_int("CAMKET_CACHE_MAX_ENTRIES", 20_000)},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# A tagging run writes the suggestions of this many items per transaction: a run stopped
# mid-way keeps whole batches, and loses at most this many items' work.
CAMKET_SUGGESTION_BATCH = max(1, env_int("CAMKET_SUGGESTION_BATCH", 500))

# The menu's open-work count is kept this long at most (any change to what it counts ends it
# at once; see camket/inbox/menu_counts.py). 0: counted on every page.
CAMKET_WORK_COUNT_CACHE_SECONDS = env_int("CAMKET_WORK_COUNT_CACHE_SECONDS", 300)
# The dashboard's overdue counts, likewise (camket/dashboard/overdue_cache.py). 0: not kept.
CAMKET_DASHBOARD_CACHE_SECONDS = env_int("CAMKET_DASHBOARD_CACHE_SECONDS", 300)

# A change reason can hold a file name or an imported theme's label, which outgrow the
# library's default 100 characters (PostgreSQL refuses them; SQLite would keep them silently).
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# `camket backup`/`restore` on PostgreSQL run pg_dump/pg_restore from this folder (their major
# version must be at least the server's), or from PATH when empty. See docs/backup.md.
CAMKET_PG_BIN_DIR = env_str("CAMKET_PG_BIN_DIR")

# Content-Security-Policy on every response (django-csp; docs/decisions.md): only this site's
# own scripts, styles, images and fonts; no inline script or style, no framing, forms only here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Swagger UI (/api/docs) draws its icons as data: images.
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

raise_problems()
