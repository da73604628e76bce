"""Demo mode: two services, one user per role, synthetic people. Installed only when
KEYWORK_DEMO=true, which settings.py allows only with DEBUG=true."""
