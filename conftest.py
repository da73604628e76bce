"""Test-wide set-up. The environment defaults are set here, before Django reads its settings."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production")
