"""Which roles each permission should be granted to, written out by hand (from whose work is what:
keywork/tests/test_role_pages.py says it in words). The API's role tests expect a route's answer from
this table, not from accounts/permissions.py's ROLE_PERMISSIONS, so a wrong grant fails them instead
of changing what they expect; test_role_pages.py checks the two agree."""

from keywork.accounts.models import Role
from keywork.accounts.permissions import Permission

KW, CO, MA, LE, CM, AD, RE = (
    Role.KEYWORKER,
    Role.COORDINATOR,
    Role.MANAGER,
    Role.LEAD,
    Role.COMMISSIONER,
    Role.ADMIN,
    Role.REGIONAL,
)
EVERYONE = {KW, CO, MA, LE, CM, AD, RE}
CASEWORK = {KW, CO, MA, LE, AD}
OVERSIGHT = {MA, LE, AD}

GRANTED_TO: dict[Permission, set[Role]] = {
    Permission.VIEW_AGGREGATES: EVERYONE,
    Permission.VIEW_PEOPLE: CASEWORK,
    Permission.VIEW_MEETINGS: CASEWORK | {CM},
    Permission.ADD_PERSON: {CO, MA, LE, AD},
    Permission.EDIT_PERSON: CASEWORK,
    Permission.CHANGE_RATING: CASEWORK,
    Permission.RECORD_CONSENT: CASEWORK,
    Permission.REMOVE_FROM_REGISTER: {CO, MA, LE, AD},
    Permission.VIEW_PERSON_AUDIT: OVERSIGHT,
    Permission.SEARCH_AUDIT: {AD},
    Permission.RECORD_REFERRAL: CASEWORK,
    Permission.DECIDE_REFERRAL: OVERSIGHT,
    Permission.ALLOCATE: OVERSIGHT,
    Permission.RECORD_CONTACT: {KW, MA, LE, AD},
    Permission.RAISE_SAFEGUARDING_CONCERN: CASEWORK,
    Permission.MANAGE_NETWORK: CASEWORK,
    Permission.EDIT_PLAN: {KW, MA, LE, AD},
    Permission.RECORD_ESCALATION: {KW, MA, LE, AD},
    Permission.VIEW_TEAM_WORK: OVERSIGHT,
    Permission.RECORD_REVIEW: CASEWORK,
    Permission.RECORD_ASSESSMENT: {KW, MA, LE, AD},
    Permission.RECORD_ADMISSION: CASEWORK,
    Permission.VIEW_PROGRAMME: {MA, LE, CM, AD},
    Permission.MANAGE_PROGRAMME: {LE, AD},
    Permission.MANAGE_WORKFORCE: OVERSIGHT,
    Permission.MANAGE_FEEDBACK: OVERSIGHT,
    Permission.RECORD_COPRODUCTION: OVERSIGHT,
    Permission.RECORD_OUTCOMES: {KW, MA, LE, AD},
    Permission.RECORD_SYSTEM_LEARNING: CASEWORK,
    Permission.EXPORT_REGISTER: {CO, MA, LE, AD},
    Permission.VIEW_REGIONAL: {RE, AD},
    Permission.IMPORT_REGISTER: {CO, MA, LE, AD},
    Permission.MANAGE_SUBJECT_ACCESS: OVERSIGHT,
    Permission.PLACE_LEGAL_HOLD: OVERSIGHT,
    Permission.MANAGE_SIGN_IN: {AD},
    Permission.RECORD_SUPERVISION: CASEWORK,
}
