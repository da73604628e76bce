from django.urls import path

from keywork.figures import views

app_name = "figures"
urlpatterns = [path("", views.glossary, name="glossary")]
