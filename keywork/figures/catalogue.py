"""Every figure Keywork shows, each defined once: its name, its definition in words (shown on the
glossary page, /figures/) and the function that computes it. Pages, files and API routes call these
functions; the words and the arithmetic cannot drift apart."""

from collections.abc import Callable
from dataclasses import dataclass

from keywork.figures import flows, inpatients, register


@dataclass(frozen=True)
class Figure:
    name: str
    definition: str
    kind: str  # "On a date" (a stock) or "In a period" (a flow)
    compute: Callable


ON_A_DATE, IN_A_PERIOD = "On a date", "In a period"

FIGURES = [
    Figure(
        "On the register, by rating",
        "People referred by the date and not removed or transferred by it, by their RAG rating on that date: "
        "the latest rating effective on or before it, rebuilt from the rating history, and Blue from an "
        "admission until discharge.",
        ON_A_DATE,
        register.register_by_rating_on,
    ),
    Figure(
        "Receiving keywork",
        "Children and young people with an open designated keyworker allocation (a Practice Consultant) on the "
        "date: started on or before it and not ended before it.",
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
        "Inpatients without a keyworker",
        "Of those in hospital on the date, those with no open designated keyworker allocation on it.",
        ON_A_DATE,
        inpatients.without_a_keyworker,
    ),
    Figure("Admissions", "Admissions to hospital starting in the period.", IN_A_PERIOD, flows.ADMITTED.count),
    Figure("Discharges", "Discharges from hospital in the period.", IN_A_PERIOD, flows.DISCHARGED.count),
    Figure(
        "Post-admission C(E)TRs on time",
        "Of admissions whose post-admission C(E)TR fell due in the period (the service's working days after "
        "admission), the per cent where one was held between the admission and the date due.",
        IN_A_PERIOD,
        inpatients.post_admission_ctrs,
    ),
]
