from django.urls import path

from keywork.keyworking.views import (
    allocations,
    contacts,
    easy_read,
    escalations,
    network,
    plans,
    queues,
    referrals,
    weighting,
)

app_name = "keyworking"
urlpatterns = [
    path("referrals/", queues.referrals, name="referrals"),
    path("people/<int:person_id>/referral/", referrals.add_referral, name="add_referral"),
    path("referrals/<int:referral_id>/decision/", referrals.decide_referral, name="decide_referral"),
    path("referrals/<int:referral_id>/close/", referrals.close_keywork, name="close_keywork"),
    path("people/<int:person_id>/allocate/", allocations.allocate, name="allocate"),
    path("allocations/<int:allocation_id>/end/", allocations.end_allocation, name="end_allocation"),
    path("board/", allocations.board, name="board"),
    path("caseload-weights/", weighting.caseload_weights, name="caseload_weights"),
    path("professionals/", network.professionals, name="professionals"),
    path("professionals/add/", network.add_professional, name="add_professional"),
    path("professionals/<int:professional_id>/", network.professional_detail, name="professional"),
    path("people/<int:person_id>/network/", network.add_involvement, name="add_involvement"),
    path("people/<int:person_id>/contact/", contacts.add_contact, name="add_contact"),
    path("follow-ups/<int:follow_up_id>/done/", contacts.complete_follow_up, name="complete_follow_up"),
    path("people/<int:person_id>/plan/", plans.edit_plan, name="edit_plan"),
    path("people/<int:person_id>/plan/versions/", plans.plan_history, name="plan_history"),
    path("people/<int:person_id>/plan/print/", plans.crisis_plan, name="crisis_plan"),
    path("people/<int:person_id>/plan/easy-read/", easy_read.easy_read, name="easy_read"),
    path("people/<int:person_id>/plan/easy-read.pdf", easy_read.easy_read_pdf, name="easy_read_pdf"),
    path("people/<int:person_id>/escalate/", escalations.add_escalation, name="add_escalation"),
    path("escalations/<int:escalation_id>/response/", escalations.respond_to_escalation, name="respond"),
    path("escalations/", escalations.open_escalations, name="escalations"),
]
