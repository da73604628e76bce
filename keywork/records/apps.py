from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "keywork.records"
    label = "records"
    verbose_name = "Records management: backup, restore and retention"
