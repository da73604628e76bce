from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "keywork.reporting"
    label = "reporting"
    verbose_name = "Reporting"
