from django.apps import AppConfig


class SsoConfig(AppConfig):
    name = "keywork.sso"
    label = "sso"
    verbose_name = "Single sign-on"

    def ready(self):
        from django.conf import settings

        from keywork.sso.claims import check_maps

        # A typo in a role or worker type must stop start-up, not refuse everyone at sign-in.
        if settings.SSO_ENABLED:
            check_maps(settings.SSO_ROLE_MAP, settings.SSO_SERVICE_MAP)
