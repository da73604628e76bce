from django.apps import AppConfig


class FiguresConfig(AppConfig):
    name = "keywork.figures"
    verbose_name = "Figures"
