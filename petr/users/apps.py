from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "petr.users"
    label = "users"
    verbose_name = "Utilisateurs"
