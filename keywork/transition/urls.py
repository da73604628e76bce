from django.urls import path

from keywork.transition import views

app_name = "transition"
urlpatterns = [path("people/<int:person_id>/", views.plan, name="plan")]
