from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "keywork.supervision"
    verbose_name = "Supervision"
