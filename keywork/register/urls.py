from django.urls import path

from keywork.personrecord import TABS
from keywork.register import views

app_name = "register"
urlpatterns = [
    path("", views.register_list, name="list"),
    path("add/", views.add_person, name="add"),
    path("consent-withdrawn/", views.consent_withdrawn_policy, name="consent_withdrawn_policy"),
    path("<int:person_id>/", views.person_page, name="person"),
    # The record's other sub-pages: /register/<id>/keywork/, .../records/, ...
    *[
        path(f"<int:person_id>/{tab.slug}/", views.person_page, {"tab": tab.slug}, name=f"person_{tab.slug}")
        for tab in TABS
        if tab.slug != "details"
    ],
    path("<int:person_id>/details/", views.edit_details, name="edit"),
    path("<int:person_id>/rating/", views.change_rating, name="rating"),
    path("<int:person_id>/consent/", views.record_consent, name="consent"),
    path("<int:person_id>/remove/", views.end_registration, name="remove"),
    path("<int:person_id>/family/", views.add_family_contact, name="family"),
]
