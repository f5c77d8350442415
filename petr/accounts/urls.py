from django.urls import path

from . import views

urlpatterns = [
    path("", views.verify, name="accounts_verify"),
    path("activer/", views.setup, name="accounts_setup"),
]
