"""Every figure Keywork shows, each defined once: its name, its definition in words (shown on the
glossary page, /figures/) and the function that computes it. Pages, files and API routes call these
functions; the words and the arithmetic cannot drift apart."""

from collections.abc import Callable
from dataclasses import dataclass

from keywork.figures import (
    allocations,
    before_admission,
    census,
    equality,
    flows,
    hospital,
    inpatients,
    register,
    restrictive_practices,
)


@dataclass(frozen=True)
class Figure:
    name: str
    definition: str
    kind: str  # "On a date" (a stock) or "In a period" (a flow)
    compute: Callable


ON_A_DATE, IN_A_PERIOD = "On a date", "In a period"
# How the equality figures group people (keywork/figures/equality.py).
BY_EQUALITY_GROUP = (
    "by ethnic group (White, Mixed, Asian or Asian British, Black or Black British, Other ethnic groups, and "
    "Not stated or not known) and by the NHS Data Dictionary ethnic category within it, by sex, by age band "
    "(0 to 4, 5 to 10, 11 to 15, 16 to 17 and 18 to 25, in whole years on {age_on}) and by local authority"
)

FIGURES = [
    Figure(
        "On the register, by rating",
        "People referred by the date and not removed or transferred by it (nor, where the service's policy "
        "removes them, by having withdrawn consent), by their RAG rating on that date: "
        "the latest rating effective on or before it, rebuilt from the rating history, and Blue from an "
        "admission until discharge.",
        ON_A_DATE,
        register.register_by_rating_on,
    ),
    Figure(
        "Receiving keywork",
        "Children and young people with an open designated keyworker allocation (a Practice Consultant) on the "
        "date: started on or before it and not ended before it, unless they had withdrawn consent by then. In the "
        "quarterly return, by their rating on the "
        "quarter's last day and their local authority.",
        ON_A_DATE,
        register.receiving_keywork,
    ),
    Figure(
        "Reviews overdue",
        "People on the register whose next DSR review was due before the date and has not been held.",
        ON_A_DATE,
        register.reviews_overdue,
    ),
    Figure(
        "Referred",
        "Referrals to the keyworking service received in the period.",
        IN_A_PERIOD,
        flows.REFERRED.count,
    ),
    Figure(
        "Accepted", "Referrals accepted in the period (by the date of the decision).", IN_A_PERIOD, flows.ACCEPTED.count
    ),
    Figure(
        "Declined", "Referrals declined in the period (by the date of the decision).", IN_A_PERIOD, flows.DECLINED.count
    ),
    Figure(
        "Allocated",
        "Designated keyworker (Practice Consultant) allocations starting in the period.",
        IN_A_PERIOD,
        flows.ALLOCATED.count,
    ),
    Figure(
        "New to keywork",
        "People whose first ever designated keyworker (Practice Consultant) allocation started in the period. A "
        "change of keyworker, or keywork starting again after it ended, is not counted. In the quarterly return, "
        "by their rating on the quarter's last day and their local authority.",
        IN_A_PERIOD,
        allocations.new_to_keywork,
    ),
    Figure(
        "Median days from referral to allocation",
        "For each accepted referral, the days from the day it was received to the start of the first designated "
        "keyworker (Practice Consultant) allocation on or after it (and by the day keywork under it closed, if "
        "it has); the median of these over the allocations starting in the period (with an even number, the "
        "mean of the middle two). A change of keyworker is not counted, nor a referral received while the "
        "person already had a designated keyworker; an allocation that followed no accepted referral is left "
        "out. Shown with the number of allocations it rests on, or \u201cNot enough allocations\u201d when none.",
        IN_A_PERIOD,
        allocations.days_to_allocation,
    ),
    Figure(
        "In hospital",
        "People admitted to a mental health or specialist hospital on or before the date and not discharged by "
        "it (the day of discharge counts as out), from the admission records.",
        ON_A_DATE,
        inpatients.in_hospital,
    ),
    Figure(
        "Detained under the Mental Health Act, or informal",
        "Of those in hospital on the date, those whose legal status on that date was a section of the Mental "
        "Health Act 1983 (or another act), and those there informally.",
        ON_A_DATE,
        inpatients.detained_or_informal,
    ),
    Figure(
        "In hospital, month by month (the census)",
        "The figure \u201cIn hospital\u201d on the last day of each month (today, for the current month), and by "
        "the local authority of the people counted: the inpatient census.",
        ON_A_DATE,
        census.monthly_census,
    ),
    Figure(
        "Detained or informal, month by month",
        "Of those in hospital on each month's last day, those detained under the Mental Health Act and those "
        "there informally, by their legal status on that day, as above; and those with no legal status recorded.",
        ON_A_DATE,
        census.monthly_census,
    ),
    Figure(
        "Average days in hospital so far",
        "Of the people in hospital on the date (on the census, each month's last day), the mean number of days "
        "from their admission to that date, to one decimal: how long they have been in so far, their stays not "
        "yet ended. It is not the average length of stay, which is of the stays that ended in a period.",
        ON_A_DATE,
        census.monthly_census,
    ),
    Figure(
        "Inpatients without a keyworker",
        "Of those in hospital on the date, those with no open designated keyworker allocation on it.",
        ON_A_DATE,
        inpatients.without_a_keyworker,
    ),
    Figure("Admissions", "Admissions to hospital starting in the period.", IN_A_PERIOD, flows.ADMITTED.count),
    Figure("Discharges", "Discharges from hospital in the period.", IN_A_PERIOD, flows.DISCHARGED.count),
    Figure("Bed days", hospital.BED_DAYS, IN_A_PERIOD, hospital.hospital_use),
    Figure("Average length of stay", hospital.AVERAGE_STAY, IN_A_PERIOD, hospital.hospital_use),
    Figure(
        "Post-admission C(E)TRs on time",
        "Of admissions whose post-admission C(E)TR fell due in the period (the service's working days after "
        "admission), the per cent where one was held between the admission and the date due.",
        IN_A_PERIOD,
        inpatients.post_admission_ctrs,
    ),
    Figure(
        "Admissions without a prior community C(E)TR or LAEP",
        "Admissions starting in the period with no community C(E)TR (including a 'blue light' one, when admission "
        "was imminent) nor Local Area Emergency Protocol (LAEP) meeting held for the person in the 12 months up to "
        "the day of admission, that day and the same date a year before included. One requested but not held does "
        "not count, nor does a post-admission or inpatient C(E)TR.",
        IN_A_PERIOD,
        before_admission.admissions_without_prior_review,
    ),
    Figure(
        "Restrictive practices used",
        "Times each restrictive practice (physical, mechanical or chemical restraint, chemical including PRN "
        "medication given to manage behaviour; seclusion; segregation) was recorded as used in incidents of "
        "behaviour of concern in the period, by the incident's date and time; an incident using two counts once for "
        "each. Beside it, the people each was used with, each counted once, and the people with any.",
        IN_A_PERIOD,
        restrictive_practices.uses_by_practice,
    ),
]

# The equality monitoring the programme's equality impact assessment asks for; each is computed as
# compute(people, service, start, end) → {dimension: {group: count}}: stocks on `end`, flows from `start`.
EQUALITY_FIGURES = [
    Figure(
        "On the register, by equality group",
        "People on the register on the date (referred by it and not removed or transferred by it, rated or not), "
        + BY_EQUALITY_GROUP.format(age_on="that date")
        + ".",
        ON_A_DATE,
        equality.on_the_register,
    ),
    Figure(
        "Receiving keywork, by equality group",
        "People with an open designated keyworker (Practice Consultant) allocation on the date, "
        + BY_EQUALITY_GROUP.format(age_on="that date")
        + ".",
        ON_A_DATE,
        equality.receiving_keywork,
    ),
    Figure(
        "Admissions, by equality group",
        "Admissions to hospital starting in the period, each counted once, "
        + BY_EQUALITY_GROUP.format(age_on="the day of admission")
        + ".",
        IN_A_PERIOD,
        equality.admissions,
    ),
    Figure(
        "Keywork closed, by equality group",
        "Accepted referrals whose keywork closed in the period with its closing outcome recorded (the return's "
        "closing outcomes), one for each referral, " + BY_EQUALITY_GROUP.format(age_on="the day keywork closed") + ".",
        IN_A_PERIOD,
        equality.keywork_closed,
    ),
]
FIGURES += EQUALITY_FIGURES
