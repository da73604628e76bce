from django.urls import path

from keywork.figures import views

app_name = "figures"
urlpatterns = [
    path("figures/", views.glossary, name="glossary"),
    # The census keeps its address in the Inpatients section; it is a figure, so figures builds it.
    path("inpatients/census/", views.census, name="census"),
    path("figures/restrictive-practices/", views.restrictive_practices, name="restrictive_practices"),
]
