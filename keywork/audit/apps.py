from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "keywork.audit"
    label = "audit"
    verbose_name = "Audit log"
