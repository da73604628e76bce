from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "keywork.programme"
    label = "programme"
    verbose_name = "Programme management"
