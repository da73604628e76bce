from django.urls import path

from keywork.programme.views import budget, feedback, overview, risks, workforce

app_name = "programme"
urlpatterns = [
    path("", overview.overview, name="overview"),
    path("kpis/<int:kpi_id>/", overview.kpi_detail, name="kpi"),
    path("kpis/<int:kpi_id>/values/add/", overview.add_kpi_value, name="add_kpi_value"),
    path("milestones/add/", overview.edit_milestone, name="add_milestone"),
    path("milestones/<int:milestone_id>/", overview.edit_milestone, name="edit_milestone"),
    path("budget/", budget.budget, name="budget"),
    path("budget/expenditure/add/", budget.add_expenditure, name="add_expenditure"),
    path("budget/funding/add/", budget.add_funding, name="add_funding"),
    path("budget/lines/add/", budget.add_budget_line, name="add_budget_line"),
    path("risks/", risks.risks, name="risks"),
    path("risks/add/", risks.add_risk, name="add_risk"),
    path("risks/<int:risk_id>/", risks.risk_detail, name="risk"),
    path("risks/<int:risk_id>/review/", risks.review_risk, name="review_risk"),
    path("risks/<int:risk_id>/mitigations/add/", risks.add_mitigation, name="add_mitigation"),
    path("workforce/", workforce.workforce, name="workforce"),
    path("workforce/posts/add/", workforce.add_post, name="add_post"),
    path("workforce/posts/<int:post_id>/fill/", workforce.fill_post, name="fill_post"),
    path("workforce/assurance/add/", workforce.add_assurance, name="add_assurance"),
    path("workforce/full-time-week/", workforce.full_time_week, name="full_time_week"),
    path("feedback/", feedback.feedback, name="feedback"),
    path("feedback/add/", feedback.edit_feedback, name="add_feedback"),
    path("feedback/<int:feedback_id>/", feedback.edit_feedback, name="edit_feedback"),
    path("foi/add/", feedback.edit_foi, name="add_foi"),
    path("foi/<int:foi_id>/", feedback.edit_foi, name="edit_foi"),
]
