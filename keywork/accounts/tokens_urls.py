from django.urls import path

from keywork.accounts import tokens_views

app_name = "api_tokens"
urlpatterns = [
    path("", tokens_views.token_list, name="list"),
    path("<int:token_id>/revoke/", tokens_views.revoke, name="revoke"),
]
