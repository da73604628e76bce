from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "keywork.services"
    label = "services"
    verbose_name = "Keyworker services"
