from django.urls import path

from keywork.twofactor import views

app_name = "twofactor"
urlpatterns = [
    path("", views.EnterSecurityCode.as_view(), name="security_code"),
    path("recovery-code/", views.EnterRecoveryCode.as_view(), name="recovery_code"),
    path("set-up/", views.SetUpAuthenticator.as_view(), name="set_up"),
    path("set-up/qr-code.svg", views.qr_code, name="qr_code"),
    path("recovery-codes/", views.NewRecoveryCodes.as_view(), name="new_recovery_codes"),
]
