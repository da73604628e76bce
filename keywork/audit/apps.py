from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "keywork.audit"
    label = "audit"
    verbose_name = "Audit log"

    def ready(self):
        from django.contrib.auth.signals import user_login_failed

        from keywork.audit.logins import record_failed_login

        user_login_failed.connect(record_failed_login, dispatch_uid="audit.record_failed_login")
