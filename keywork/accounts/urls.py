from django.urls import path

from keywork.accounts import views

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("service/", views.choose_service, name="choose_service"),
]
