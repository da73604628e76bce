"""keywork.urls as it is when single sign-on is configured: keywork/urls.py decides at import, from
the settings, whether to mount it, and tests turn it on after that."""

from django.urls import include, path

urlpatterns = [path("sso/", include("keywork.sso.urls")), path("", include("keywork.urls"))]
handler403 = "keywork.urls.permission_denied"
handler404 = "keywork.urls.page_not_found"
handler500 = "keywork.urls.server_error"
