"""Keywork's one settings module: every value comes from the environment, with safe production
defaults. Development and the demo set DEBUG=true and KEYWORK_DEMO=true (see the Makefile)."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import jinja2
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from keywork.env import envbool, envint, envjson, envlist, envsecret

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = envbool("DEBUG", False)
# Demo mode creates the demo users with the published password. Never in production.
DEMO = envbool("KEYWORK_DEMO", False)
if DEMO and not DEBUG:
    raise ImproperlyConfigured("KEYWORK_DEMO=true is only allowed with DEBUG=true, never in production")

SECRET_KEY = envsecret("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is false")
    SECRET_KEY = "insecure-development-key-only-used-with-debug"  # noqa: S105

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "ninja",
    # Counts failed logins and locks out (see AXES_* below); before keywork.audit, whose record of
    # a failed login reads whether axes has just locked it out.
    "axes",
    "keywork.services",
    "keywork.accounts",
    "keywork.audit",
    "keywork.assurance",
    "keywork.register",
    "keywork.keyworking",
    "keywork.reviews",
    # Specialist assessments (OT, educational psychology, communication, behaviour): keywork/assessments/.
    "keywork.assessments",
    "keywork.inpatient",
    "keywork.safeguarding",
    "keywork.education",
    "keywork.placements",
    "keywork.transition",
    # Supervision sessions and when the next is due (keywork/supervision/).
    "keywork.supervision",
    # The decision support tool: domains scored to a suggested rating (keywork/decisionsupport/).
    "keywork.decisionsupport",
    "keywork.programme",
    "keywork.outcomes",
    # The co-production log: what families and young people said, and what changed (keywork/coproduction/).
    "keywork.coproduction",
    # Signposting and community connections, and the Peer Associate activity report (keywork/signposting/).
    "keywork.signposting",
    "keywork.behavioursupport",
    "keywork.worklists",
    # DSR review meetings: agenda, decisions, minutes (keywork/meetings/).
    "keywork.meetings",
    "keywork.records",
    "keywork.reporting",
    # Every figure defined once, and its glossary page (keywork/figures/).
    "keywork.figures",
    "keywork.fhir",
    "keywork.imports",
    "keywork.subjectaccess",
    "keywork.search",
    "keywork.siteinfo",
    # Two-factor sign-in (keywork/twofactor/, TWO_FACTOR_REQUIRED below): django-otp's authenticator
    # app (TOTP) and recovery code (static) devices.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "keywork.twofactor",
    # Single sign-on (keywork/sso/): installed always, so its table exists; used only when SSO_ENABLED.
    "keywork.sso",
]
if DEMO:
    INSTALLED_APPS.append("keywork.demo")
INSTALLED_APPS.append("keywork.benchmark")
# Writes docs/data-model.md from every app's models (`manage.py datamodel`); no app imports it.
INSTALLED_APPS.append("keywork.datamodel")
# The Django admin is not part of Keywork; `make bench` mounts it only to compare with its changelist.
BENCH_ADMIN = envbool("KEYWORK_BENCH_ADMIN", False)
if BENCH_ADMIN:
    INSTALLED_APPS.insert(0, "django.contrib.admin")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "keywork.headers.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether this session has given its second factor; until it has, pages lead to the second step.
    "django_otp.middleware.OTPMiddleware",
    "keywork.twofactor.middleware.SecondFactorMiddleware",
    "keywork.accounts.middleware.LoginRequiredExceptApiMiddleware",
    "keywork.accounts.middleware.CurrentServiceMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the service is known (its idle timeout) and messages work (it says why it signed you out).
    "keywork.accounts.middleware.IdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Only in the demo (it steps aside otherwise): the service's error pages instead of DEBUG's.
    "keywork.siteinfo.middleware.ServiceErrorPagesInDemoMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the login page's lockout message.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "keywork.urls"
WSGI_APPLICATION = "keywork.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "keywork" / "jinja2"],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "keywork.jinja2_env.environment",
            # The nhsuk macros read nested, often missing, parameters.
            "undefined": jinja2.ChainableUndefined,
            "trim_blocks": True,
            "lstrip_blocks": True,
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.messages.context_processors.messages",
                "keywork.context_processors.navigation",
                "keywork.sso.context_processors.single_sign_on",
            ],
        },
    },
    {
        # Django's own templates (form widgets' fallbacks); pages are all Jinja2.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    },
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.parse(
        envsecret("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
# A read replica for the reporting pages (docs/deployment.md): set REPLICA_DATABASE_URL to use one.
if envsecret("REPLICA_DATABASE_URL"):
    DATABASES["replica"] = dj_database_url.parse(envsecret("REPLICA_DATABASE_URL"), conn_max_age=60)
DATABASE_ROUTERS = ["keywork.dbrouter.ReportingReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Records-management retention per kind of record, in months; a service may set its own
# (Service.retention_overrides). `manage.py apply_retention` lists what is due and, with --apply, does it.
RECORDS_RETENTION = {
    # A DSR entry, from the day support ends (the later of leaving the register and the last
    # referral's keywork closing). Kent and Medway: archived 6 months after, erased 6 years after.
    "person": {"archive_after_months": 6, "erase_after_months": 6 * 12},
    # An uploaded spreadsheet and its report of refused cells (both hold people's details), from its
    # upload: the register itself is the lasting copy; the checksum and counts stay for the audit.
    "import_file": {"erase_after_months": 1},
}

AUTH_USER_MODEL = "accounts.User"
# django-axes first: it refuses a login while its username or address is locked out.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "keywork.accounts.backends.ServiceUserBackend"]
# After LOGIN_FAILURE_LIMIT failed logins with one username (from anywhere) or from one address (any
# username), logging in is refused for LOGIN_LOCKOUT_MINUTES; each try during a lockout restarts it,
# and a successful login clears the count. Failed logins are audited (keywork/audit/logins.py).
LOGIN_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
LOGIN_LOCKOUT_MINUTES = envint("LOGIN_LOCKOUT_MINUTES", 15)
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "keywork.accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "keywork.audit.address.client_address"
# Successful logins are not kept by axes as well: the audit log and the session say who is in.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False
# The addresses of the reverse proxies in front of the app. Only a request from one of them has its
# X-Forwarded-For believed, for the audit log and the lockout alike (keywork/audit/address.py).
TRUSTED_PROXY_ADDRESSES = envlist("TRUSTED_PROXY_ADDRESSES", [])
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Two-factor sign-in: after the password, a code from an authenticator app or a one-use recovery
# code. On unless DEBUG (so never off in production by accident; the demo logs in with a password
# only); single sign-on users give theirs to the identity provider instead (keywork/twofactor/rules.py).
TWO_FACTOR_REQUIRED = envbool("TWO_FACTOR_REQUIRED", not DEBUG)
OTP_TOTP_ISSUER = "Keywork"
# After each wrong code the next is not even checked for 1, 2, 4, 8... seconds (times this factor).
OTP_TOTP_THROTTLE_FACTOR = envint("TWO_FACTOR_THROTTLE_FACTOR", 1)
OTP_STATIC_THROTTLE_FACTOR = OTP_TOTP_THROTTLE_FACTOR
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Single sign-on with OpenID Connect (keywork/sso/, docs/deployment.md for Microsoft Entra ID): off
# unless a client is configured. The provider's signed ID token names the person (issuer and "sub")
# and, through the two maps, their role and service; SSO_REQUIRE_MFA (on unless DEBUG) refuses a
# sign-in without a second factor, since single sign-on users are asked for no local one.
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
SSO_ENABLED = bool(OIDC_RP_CLIENT_ID)
OIDC_RP_CLIENT_SECRET = envsecret("OIDC_RP_CLIENT_SECRET") or ""
OIDC_OP_ISSUER = os.environ.get("OIDC_OP_ISSUER", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = ""  # not asked: the claims come from the ID token
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = "openid profile email"
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "sso:callback"
SSO_ROLE_CLAIM = os.environ.get("SSO_ROLE_CLAIM", "roles")
SSO_SERVICE_CLAIM = os.environ.get("SSO_SERVICE_CLAIM", "tid")
SSO_ROLE_MAP = envjson("SSO_ROLE_MAP", {})
SSO_SERVICE_MAP = envjson("SSO_SERVICE_MAP", {})
SSO_REQUIRE_MFA = envbool("SSO_REQUIRE_MFA", not DEBUG)
SSO_MFA_ACR_VALUES = envlist("SSO_MFA_ACR_VALUES", [])
if SSO_ENABLED:
    _needed = ["OIDC_RP_CLIENT_SECRET", "OIDC_OP_ISSUER", "OIDC_OP_AUTHORIZATION_ENDPOINT", "OIDC_OP_TOKEN_ENDPOINT"]
    _missing = [name for name in [*_needed, "OIDC_OP_JWKS_ENDPOINT"] if not globals()[name]]
    if _missing:
        raise ImproperlyConfigured(f"Single sign-on needs {', '.join(_missing)} as well as OIDC_RP_CLIENT_ID")
    AUTHENTICATION_BACKENDS.append("keywork.sso.backends.SSOBackend")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Uploaded files (C(E)TR reports) live outside the web root and have no public URL: they are
# served only by views that check permission and write an audit entry.
PRIVATE_FILES_ROOT = Path(envsecret("PRIVATE_FILES_ROOT") or BASE_DIR / "var" / "private")
REVIEW_REPORT_MAX_BYTES = envint("REVIEW_REPORT_MAX_BYTES", 10 * 1024 * 1024)
# A DSR spreadsheet of 10,000 people is about 1 MB as XLSX; larger files are refused, not half-read.
IMPORT_MAX_BYTES = envint("IMPORT_MAX_BYTES", 20 * 1024 * 1024)
# A workbook is zipped XML: a 640 KB file can open into 200 MB and a minute of CPU. These caps
# refuse such a file from the zip's directory, before any parsing, and stop reading at the row or
# column cap (keywork/imports/files.py). A register of 10,000 people opens to about 7 MB, 15 times
# its zipped size; 20,000 rows of 100 columns is far beyond any service's DSR.
IMPORT_MAX_ROWS = envint("IMPORT_MAX_ROWS", 20_000)
IMPORT_MAX_COLUMNS = envint("IMPORT_MAX_COLUMNS", 100)
IMPORT_MAX_UNZIPPED_BYTES = envint("IMPORT_MAX_UNZIPPED_BYTES", 50 * 1024 * 1024)
IMPORT_MAX_COMPRESSION_RATIO = envint("IMPORT_MAX_COMPRESSION_RATIO", 100)
IMPORT_MAX_ZIP_ENTRIES = envint("IMPORT_MAX_ZIP_ENTRIES", 500)

STATIC_URL = "/static/"
# Where `collectstatic` puts the files the reverse proxy serves at /static/ (docs/deployment.md).
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
# static_build/ holds nhsuk-frontend's built files, axe-core and the PDFs' font, copied there by `make assets`.
STATICFILES_DIRS = [BASE_DIR / "keywork" / "static", BASE_DIR / "static_build"]

# Security: safe by default, relaxed only when DEBUG is on (local development and the demo).
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 8 * 60 * 60)  # one working day
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# A form sent without its security token gets the service's page, not Django's developer page.
CSRF_FAILURE_VIEW = "keywork.siteinfo.views.form_expired"
X_FRAME_OPTIONS = "DENY"
# Only the app's own files: no inline script (the one line nhsuk-frontend's page template needs
# carries the request's nonce), no inline style, nothing from another host (django-csp).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The API's description (/api/openapi.json, /api/docs) answers only a signed-in user or a valid token.
API_SCHEMA_REQUIRES_LOGIN = envbool("API_SCHEMA_REQUIRES_LOGIN", True)
if envbool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# E-mail (reminders, password reset links) goes to an SMTP server; in development and the demo it is
# printed to the console instead, unless an SMTP server is configured.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
EMAIL_BACKEND = (
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG and not EMAIL_HOST
    else "django.core.mail.backends.smtp.EmailBackend"
)

DEFAULT_FROM_EMAIL = envsecret("DEFAULT_FROM_EMAIL") or "keywork@localhost"
# A password reset link works for this long, in seconds (Django's default is 3 days; a day is plenty).
PASSWORD_RESET_TIMEOUT = envint("PASSWORD_RESET_TIMEOUT", 24 * 60 * 60)

# Who runs this installation, on the help, accessibility and privacy pages (keywork/siteinfo/).
# Left empty, those pages tell people to ask their team manager.
SERVICE_ORGANISATION = os.environ.get("SERVICE_ORGANISATION", "")
SERVICE_CONTACT_EMAIL = os.environ.get("SERVICE_CONTACT_EMAIL", "")
SERVICE_CONTACT_PHONE = os.environ.get("SERVICE_CONTACT_PHONE", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
