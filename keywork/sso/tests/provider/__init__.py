"""A small OpenID provider for the single sign-on test: django-oidc-provider as a Django site of its
own, with its own SQLite database, on a loopback address of its own (serve.py)."""
