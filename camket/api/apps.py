from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "camket.api"
    label = "api"
    verbose_name = "API"
