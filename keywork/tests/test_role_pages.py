"""Every role against every page, the answer each should get written out by hand: a table to read and
change deliberately, not worked out from the permission code it checks (ROLE_PERMISSIONS), so a wrong
grant fails here. The records the pages name are all in the user's own service; the keyworker is
allocated to the person they are about. Other services' records are tested apart (404 on every page,
accounts/tests/test_permissions.py)."""

import pytest

from keywork.accounts.models import Role
from keywork.accounts.permissions import ROLE_PERMISSIONS
from keywork.accounts.tests.test_permissions import OPEN_PAGES, named_pages, records_of, url_for
from keywork.testing.factories import allocate
from keywork.testing.roles import GRANTED_TO

# Whose work is what (docs/domain.md, and accounts/permissions.py's comments): a keyworker works with
# the people allocated to them; the DSR coordinator keeps the register (adds, imports, exports, rates,
# records reviews and admissions) but does no casework; a team manager oversees casework, the team
# and its workforce and feedback, and answers subject access requests; the programme lead besides runs
# the programme (KPIs, milestones, budget, risks, the return's narrative); a commissioner sees
# aggregate figures and the programme, never a person; a regional viewer sees every service's
# aggregate figures; an administrator may do everything, and alone searches the audit log and
# manages API tokens.
ROLES = (Role.KEYWORKER, Role.COORDINATOR, Role.MANAGER, Role.LEAD, Role.COMMISSIONER, Role.ADMIN, Role.REGIONAL)

# Pages any signed-in user, or anyone, reaches whatever their role (signing in and out, password
# reset, the second factor, staying signed in, the footer's pages): see OPEN_PAGES.
NOT_ABOUT_ROLES = OPEN_PAGES

# fmt: off
PAGES = {
    # Keyworker, DSR coordinator, team manager, programme lead, commissioner, administrator, regional
    #                                 KW   CO   MA   LE   CM   AD   RE
    "api_tokens:list":               (403, 403, 403, 403, 403, 200, 403),
    "api_tokens:revoke":             (403, 403, 403, 403, 403, 200, 403),
    "coproduction:add":              (403, 403, 200, 200, 403, 200, 403),
    "coproduction:edit":             (403, 403, 200, 200, 403, 200, 403),
    "coproduction:engagement":       (403, 403, 200, 200, 200, 200, 403),
    "coproduction:list":             (403, 403, 200, 200, 200, 200, 403),
    "audit:search":                  (403, 403, 403, 403, 403, 200, 403),
    "assessments:add":               (200, 403, 200, 200, 403, 200, 403),
    "assessments:add_action":        (200, 403, 200, 200, 403, 200, 403),
    "assessments:assessment":        (200, 200, 200, 200, 403, 200, 403),
    "assessments:edit":              (200, 403, 200, 200, 403, 200, 403),
    "assessments:report":            (200, 200, 200, 200, 403, 200, 403),
    "behavioursupport:edit_plan":    (200, 403, 200, 200, 403, 200, 403),
    "behavioursupport:incidents":    (200, 200, 200, 200, 403, 200, 403),
    "behavioursupport:plan":         (200, 200, 200, 200, 403, 200, 403),
    "behavioursupport:record_incident": (200, 403, 200, 200, 403, 200, 403),
    "decisionsupport:add_domain":    (403, 403, 403, 200, 403, 200, 403),
    "decisionsupport:assessment":    (200, 200, 200, 200, 403, 200, 403),
    "decisionsupport:domains":       (403, 403, 403, 200, 403, 200, 403),
    "decisionsupport:edit_domain":   (403, 403, 403, 200, 403, 200, 403),
    "decisionsupport:rate":          (200, 200, 200, 200, 403, 200, 403),
    "decisionsupport:report":        (403, 403, 200, 200, 403, 200, 403),
    "education:add_event":           (200, 200, 200, 200, 403, 200, 403),
    "education:add_setting":         (200, 200, 200, 200, 403, 200, 403),
    "education:edit_event":          (200, 200, 200, 200, 403, 200, 403),
    "education:edit_setting":        (200, 200, 200, 200, 403, 200, 403),
    "education:ehcp":                (200, 200, 200, 200, 403, 200, 403),
    "fhir:bundle":                   (200, 200, 200, 200, 403, 200, 403),
    "figures:census":                (200, 200, 200, 200, 200, 200, 200),
    "figures:glossary":              (200, 200, 200, 200, 200, 200, 200),
    "figures:restrictive_practices": (200, 200, 200, 200, 200, 200, 200),
    "home":                          (200, 200, 200, 200, 200, 200, 200),
    "idle_timeout":                  (403, 403, 403, 403, 403, 200, 403),
    "imports:example":               (403, 200, 200, 200, 403, 200, 403),
    "imports:import":                (403, 200, 200, 200, 403, 200, 403),
    "imports:mapping":               (403, 200, 200, 200, 403, 200, 403),
    "imports:problems_csv":          (403, 200, 200, 200, 403, 200, 403),
    "imports:report":                (403, 200, 200, 200, 403, 200, 403),
    "imports:start":                 (403, 200, 200, 200, 403, 200, 403),
    "inpatient:admit":               (200, 200, 200, 200, 403, 200, 403),
    "inpatient:discharge":           (200, 200, 200, 200, 403, 200, 403),
    "inpatient:legal_status":        (200, 200, 200, 200, 403, 200, 403),
    "inpatient:list":                (200, 200, 200, 200, 403, 200, 403),
    "keyworking:add_contact":        (200, 403, 200, 200, 403, 200, 403),
    "keyworking:add_escalation":     (200, 403, 200, 200, 403, 200, 403),
    "keyworking:add_involvement":    (200, 200, 200, 200, 403, 200, 403),
    "keyworking:add_professional":   (200, 200, 200, 200, 403, 200, 403),
    "keyworking:add_referral":       (200, 200, 200, 200, 403, 200, 403),
    "keyworking:allocate":           (403, 403, 200, 200, 403, 200, 403),
    "keyworking:board":              (403, 403, 200, 200, 403, 200, 403),
    "keyworking:caseload_weights":   (403, 403, 403, 200, 403, 200, 403),
    "keyworking:close_keywork":      (403, 403, 200, 200, 403, 200, 403),
    "keyworking:complete_follow_up": (200, 403, 200, 200, 403, 200, 403),
    "keyworking:crisis_plan":        (200, 200, 200, 200, 403, 200, 403),
    "keyworking:decide_referral":    (403, 403, 200, 200, 403, 200, 403),
    "keyworking:easy_read":          (200, 200, 200, 200, 403, 200, 403),
    "keyworking:easy_read_pdf":      (200, 200, 200, 200, 403, 200, 403),
    "keyworking:edit_plan":          (200, 403, 200, 200, 403, 200, 403),
    "keyworking:end_allocation":     (403, 403, 200, 200, 403, 200, 403),
    "keyworking:escalations":        (200, 200, 200, 200, 403, 200, 403),
    "keyworking:plan_history":       (200, 200, 200, 200, 403, 200, 403),
    "keyworking:professional":       (200, 200, 200, 200, 403, 200, 403),
    "keyworking:professionals":      (200, 200, 200, 200, 403, 200, 403),
    "keyworking:referrals":          (403, 403, 200, 200, 403, 200, 403),
    "keyworking:respond":            (200, 403, 200, 200, 403, 200, 403),
    "meetings:add":                  (200, 200, 200, 200, 403, 200, 403),
    "meetings:add_person":           (200, 200, 200, 200, 403, 200, 403),
    "meetings:close":                (200, 200, 200, 200, 403, 200, 403),
    "meetings:decision":             (200, 200, 200, 200, 403, 200, 403),
    "meetings:list":                 (200, 200, 200, 200, 200, 200, 403),
    "meetings:meeting":              (200, 200, 200, 200, 403, 200, 403),
    "meetings:minutes":              (200, 200, 200, 200, 403, 200, 403),
    "meetings:minutes_docx":         (200, 200, 200, 200, 403, 200, 403),
    "meetings:minutes_initials":     (200, 200, 200, 200, 200, 200, 403),
    "meetings:minutes_initials_docx": (200, 200, 200, 200, 200, 200, 403),
    "outcomes:add_behaviour_record": (200, 403, 200, 200, 403, 200, 403),
    "outcomes:add_blocker":          (200, 200, 200, 200, 403, 200, 403),
    "outcomes:add_case_study":       (200, 200, 200, 200, 403, 200, 403),
    "outcomes:add_family_measure":   (200, 403, 200, 200, 403, 200, 403),
    "outcomes:add_goal":             (200, 403, 200, 200, 403, 200, 403),
    "outcomes:blocker_figures":      (200, 200, 200, 200, 200, 200, 200),
    "outcomes:blockers":             (200, 200, 200, 200, 403, 200, 403),
    "outcomes:case_studies":         (200, 200, 200, 200, 403, 200, 403),
    "outcomes:closing_outcome":      (200, 403, 200, 200, 403, 200, 403),
    "outcomes:edit_case_study":      (200, 200, 200, 200, 403, 200, 403),
    "outcomes:rate_goal":            (200, 403, 200, 200, 403, 200, 403),
    "outcomes:resolve_blocker":      (200, 200, 200, 200, 403, 200, 403),
    "placements:add_breakdown":      (200, 200, 200, 200, 403, 200, 403),
    "placements:add_placement":      (200, 200, 200, 200, 403, 200, 403),
    "placements:edit_breakdown":     (200, 200, 200, 200, 403, 200, 403),
    "placements:edit_placement":     (200, 200, 200, 200, 403, 200, 403),
    "programme:add_assurance":       (403, 403, 200, 200, 403, 200, 403),
    "programme:add_budget_line":     (403, 403, 403, 200, 403, 200, 403),
    "programme:add_expenditure":     (403, 403, 403, 200, 403, 200, 403),
    "programme:add_feedback":        (403, 403, 200, 200, 403, 200, 403),
    "programme:add_foi":             (403, 403, 200, 200, 403, 200, 403),
    "programme:add_funding":         (403, 403, 403, 200, 403, 200, 403),
    "programme:add_kpi_value":       (403, 403, 403, 200, 403, 200, 403),
    "programme:add_milestone":       (403, 403, 403, 200, 403, 200, 403),
    "programme:add_mitigation":      (403, 403, 403, 200, 403, 200, 403),
    "programme:add_post":            (403, 403, 200, 200, 403, 200, 403),
    "programme:add_risk":            (403, 403, 403, 200, 403, 200, 403),
    "programme:budget":              (403, 403, 200, 200, 200, 200, 403),
    "programme:edit_feedback":       (403, 403, 200, 200, 403, 200, 403),
    "programme:edit_foi":            (403, 403, 200, 200, 403, 200, 403),
    "programme:edit_milestone":      (403, 403, 403, 200, 403, 200, 403),
    "programme:feedback":            (403, 403, 200, 200, 403, 200, 403),
    "programme:fill_post":           (403, 403, 200, 200, 403, 200, 403),
    "programme:full_time_week":      (403, 403, 403, 200, 403, 200, 403),
    "programme:kpi":                 (403, 403, 200, 200, 200, 200, 403),
    "programme:overview":            (403, 403, 200, 200, 200, 200, 403),
    "programme:review_risk":         (403, 403, 403, 200, 403, 200, 403),
    "programme:risk":                (403, 403, 200, 200, 200, 200, 403),
    "programme:risks":               (403, 403, 200, 200, 200, 200, 403),
    "programme:workforce":           (403, 403, 200, 200, 403, 200, 403),
    "records:legal_hold":            (403, 403, 200, 200, 403, 200, 403),
    "register:add":                  (403, 200, 200, 200, 403, 200, 403),
    "register:consent":              (200, 200, 200, 200, 403, 200, 403),
    "register:consent_withdrawn_policy": (403, 403, 403, 200, 403, 200, 403),
    "register:edit":                 (200, 200, 200, 200, 403, 200, 403),
    "register:family":               (200, 200, 200, 200, 403, 200, 403),
    "register:list":                 (200, 200, 200, 200, 403, 200, 403),
    "register:person":               (200, 200, 200, 200, 403, 200, 403),
    "register:person_inpatient":     (200, 200, 200, 200, 403, 200, 403),
    "register:person_keywork":       (200, 200, 200, 200, 403, 200, 403),
    "register:person_outcomes":      (200, 200, 200, 200, 403, 200, 403),
    "register:person_plans":         (200, 200, 200, 200, 403, 200, 403),
    "register:person_records":       (200, 200, 200, 200, 403, 200, 403),
    "register:person_reviews":       (200, 200, 200, 200, 403, 200, 403),
    "register:person_safeguarding":  (200, 200, 200, 200, 403, 200, 403),
    "register:person_education":     (200, 200, 200, 200, 403, 200, 403),
    "register:rating":               (200, 200, 200, 200, 403, 200, 403),
    "register:remove":               (403, 200, 200, 200, 403, 200, 403),
    "reporting:bed_day_cost":        (403, 403, 403, 200, 403, 200, 403),
    "reporting:dashboard":           (200, 200, 200, 200, 200, 200, 200),
    "reporting:equality":            (200, 200, 200, 200, 200, 200, 200),
    "reporting:equality_csv":        (200, 200, 200, 200, 200, 200, 200),
    "reporting:hospital_use":        (200, 200, 200, 200, 200, 200, 200),
    "reporting:narrative":           (403, 403, 403, 200, 403, 200, 403),
    "reporting:quarterly":           (200, 200, 200, 200, 200, 200, 200),
    "reporting:quarterly_pdf":       (200, 200, 200, 200, 200, 200, 200),
    "reporting:quarterly_xlsx":      (200, 200, 200, 200, 200, 200, 200),
    "reporting:regional":            (403, 403, 403, 403, 403, 200, 200),
    "reporting:register_csv":        (403, 200, 200, 200, 403, 200, 403),
    "reporting:register_xlsx":       (403, 200, 200, 200, 403, 200, 403),
    "reporting:return_settings":     (403, 403, 403, 200, 403, 200, 403),
    "reviews:actions":               (200, 200, 200, 200, 403, 200, 403),
    "reviews:add":                   (200, 200, 200, 200, 403, 200, 403),
    "reviews:add_laep":              (200, 200, 200, 200, 403, 200, 403),
    "reviews:add_action":            (200, 200, 200, 200, 403, 200, 403),
    "reviews:edit":                  (200, 200, 200, 200, 403, 200, 403),
    "reviews:report":                (200, 200, 200, 200, 403, 200, 403),
    "reviews:update_action":         (200, 200, 200, 200, 403, 200, 403),
    "safeguarding:add_status":       (200, 200, 200, 200, 403, 200, 403),
    "safeguarding:edit_status":      (200, 200, 200, 200, 403, 200, 403),
    "safeguarding:raise_concern":    (200, 200, 200, 200, 403, 200, 403),
    "safeguarding:record_outcome":   (200, 403, 200, 200, 403, 200, 403),
    "signposting:add":               (200, 403, 200, 200, 403, 200, 403),
    "signposting:edit":              (200, 403, 200, 200, 403, 200, 403),
    "signposting:person":            (200, 200, 200, 200, 403, 200, 403),
    "signposting:report":            (403, 403, 200, 200, 200, 200, 403),
    "search:search":                 (200, 200, 200, 200, 403, 200, 403),
    "subjectaccess:add":             (403, 403, 200, 200, 403, 200, 403),
    "subjectaccess:extend":          (403, 403, 200, 200, 403, 200, 403),
    "subjectaccess:identity":        (403, 403, 200, 200, 403, 200, 403),
    "subjectaccess:list":            (403, 403, 200, 200, 403, 200, 403),
    "subjectaccess:pack_pdf":        (403, 403, 200, 200, 403, 200, 403),
    "subjectaccess:pack_zip":        (403, 403, 200, 200, 403, 200, 403),
    "subjectaccess:request":         (403, 403, 200, 200, 403, 200, 403),
    "subjectaccess:response":        (403, 403, 200, 200, 403, 200, 403),
    "supervision:add":               (200, 200, 200, 200, 403, 200, 403),
    "supervision:add_appraisal":     (200, 200, 200, 200, 403, 200, 403),
    "supervision:add_training":      (200, 200, 200, 200, 403, 200, 403),
    "supervision:list":              (200, 200, 200, 200, 403, 200, 403),
    "transition:plan":               (200, 200, 200, 200, 403, 200, 403),
    "worklists:adult-referrals-due": (200, 200, 200, 200, 403, 200, 403),
    "worklists:consent-recheck":     (200, 200, 200, 200, 403, 200, 403),
    "worklists:ctrs-due":            (200, 200, 200, 200, 403, 200, 403),
    "worklists:ehcp-reviews-due":    (200, 200, 200, 200, 403, 200, 403),
    "worklists:escalations":         (200, 200, 200, 200, 403, 200, 403),
    "worklists:ending-soon":         (200, 200, 200, 200, 403, 200, 403),
    "worklists:follow-ups-due":      (200, 200, 200, 200, 403, 200, 403),
    "worklists:not-contacted":       (200, 200, 200, 200, 403, 200, 403),
    "worklists:overdue-actions":     (200, 200, 200, 200, 403, 200, 403),
    "worklists:overdue-to-close":    (200, 200, 200, 200, 403, 200, 403),
    "worklists:pbs-reviews-due":     (200, 200, 200, 200, 403, 200, 403),
    "worklists:people":              (200, 200, 200, 200, 403, 200, 403),
    "worklists:reviews-due":         (200, 200, 200, 200, 403, 200, 403),
    "worklists:transition-plans-due": (200, 200, 200, 200, 403, 200, 403),
}
# fmt: on


def test_the_table_has_a_row_for_every_page():
    pages = {name for name, _, _ in named_pages()} - NOT_ABOUT_ROLES
    assert set(PAGES) == pages, "Add a row for each new page (and remove a row for each page gone)"


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_answer_the_table_gives_on_every_page(role, service, as_role, add_person, make_user):
    records = records_of(service, make_user, add_person)
    client = as_role(role)
    if role == Role.KEYWORKER:
        allocate(records.person, client.user)
    column = ROLES.index(role)

    answers = {
        name: client.http.get(url_for(pattern, name, records.ids)).status_code
        for name, pattern, _ in named_pages()
        if name in PAGES
    }

    assert answers == {name: row[column] for name, row in PAGES.items()}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_holds_exactly_the_permissions_the_api_tests_expect(role):
    assert ROLE_PERMISSIONS[role] == {permission for permission, roles in GRANTED_TO.items() if role in roles}
