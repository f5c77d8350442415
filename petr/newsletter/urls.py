from django.urls import path

from petr.newsletter import views

app_name = "newsletter"
urlpatterns = [
    path("", views.start, name="start"),
    path("confirmer/<str:token>/", views.confirm, name="confirm"),
    path("gerer/<str:key>/", views.manage, name="manage"),
    path("desabonner/<str:key>/", views.unsubscribe, name="unsubscribe"),
]
