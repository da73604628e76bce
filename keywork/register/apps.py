from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "keywork.register"
    label = "register"
    verbose_name = "Dynamic Support Register"
