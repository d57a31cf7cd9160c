from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "camket.demo"
    label = "demo"
    verbose_name = "Demo"
