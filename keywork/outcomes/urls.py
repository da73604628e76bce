from django.urls import path

from keywork.outcomes import views

app_name = "outcomes"
urlpatterns = [
    path("people/<int:person_id>/goals/add/", views.add_goal, name="add_goal"),
    path("goals/<int:goal_id>/rate/", views.rate_goal, name="rate_goal"),
    path("people/<int:person_id>/behaviour/add/", views.add_behaviour_record, name="add_behaviour_record"),
    path("people/<int:person_id>/family-measures/add/", views.add_family_measure, name="add_family_measure"),
    path("referrals/<int:referral_id>/closing-outcome/", views.closing_outcome, name="closing_outcome"),
    path("blockers/", views.blockers, name="blockers"),
    path("blockers/add/", views.add_blocker, name="add_blocker"),
    path("blockers/<int:blocker_id>/resolve/", views.resolve_blocker, name="resolve_blocker"),
    path("blockers/figures/", views.blocker_figures_page, name="blocker_figures"),
    path("case-studies/", views.case_studies, name="case_studies"),
    path("case-studies/add/", views.add_case_study, name="add_case_study"),
    path("case-studies/<int:case_study_id>/", views.edit_case_study, name="edit_case_study"),
]
