from django.urls import path

from . import views

app_name = "territory"
urlpatterns = [path("<str:filename>", views.download, name="download")]
