from django.urls import path

from keywork.accounts import session_views

urlpatterns = [
    path("keep-alive/", session_views.keep_alive, name="keep_alive"),
    path("idle-timeout/", session_views.idle_timeout, name="idle_timeout"),
]
