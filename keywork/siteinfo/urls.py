from django.urls import path

from keywork.siteinfo import views

app_name = "siteinfo"
urlpatterns = [
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("help/", views.help_and_contact, name="help"),
]
