from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "camket.exports"
    label = "exports"
    verbose_name = "Exports"
