from django.urls import path

from keywork.sso import views

app_name = "sso"
urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="sign_in"),
    path("callback/", views.CallbackView.as_view(), name="callback"),
]
