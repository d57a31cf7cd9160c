from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "camket.web"
    label = "web"
    verbose_name = "Web"
