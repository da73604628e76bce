from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "keywork.audit"
    label = "audit"
    verbose_name = "Audit log"

    def ready(self):
        from django.contrib.auth.signals import user_login_failed

        from keywork.audit.logins import record_failed_login

        user_login_failed.connect(record_failed_login, dispatch_uid="audit.record_failed_login")

        from keywork.accounts.models import api_token_revoked, service_setting_changed
        from keywork.audit.tokens import record_service_setting_changed, record_token_revoked

        api_token_revoked.connect(record_token_revoked, dispatch_uid="audit.record_token_revoked")
        service_setting_changed.connect(record_service_setting_changed, dispatch_uid="audit.record_setting_changed")
