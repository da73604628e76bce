"""The quarterly return rolled up across every service of the installation, and per service side
by side, for regional and national viewers: aggregated and suppressed, never a person's details."""

from keywork.reporting.quarterly import quarterly_return
from keywork.services.models import Service
from keywork.suppression import suppress_table

HEADLINE = "On the register at the quarter's end"
# A stock (people in hospital on a date) and a flow (admissions over a period) are different kinds of
# figure: each is its own column with its own total, never added together.
IN_HOSPITAL, ADMISSIONS = "In hospital at the quarter's end", "Admissions in the quarter"


def _ratings_by_service(reports) -> dict[str, dict[str, int]]:
    """Rows: ratings; columns: services; from each service's own rating × area table."""
    table: dict[str, dict[str, int]] = {}
    for report in reports:
        for rating, areas in report.supported[HEADLINE].items():
            table.setdefault(rating, {})[report.service.name] = sum(areas.values())
    return table


def rolled_up_return(quarter, today) -> dict:
    services = list(Service.objects.order_by("name"))
    reports = [quarterly_return(service, quarter, today) for service in services]
    threshold = max((service.suppression_threshold for service in services), default=7)
    hospital = {
        report.service.name: {
            IN_HOSPITAL: sum(report.inpatients_at_end.values()),
            ADMISSIONS: sum(report.admissions_in_quarter.values()),
        }
        for report in reports
    }
    return {
        "services": services,
        "on_register": suppress_table(_ratings_by_service(reports), threshold),
        # Rows: services; columns: the stock, then the flow, each totalled down its column only.
        "hospital": suppress_table(hospital, threshold),
        "hospital_columns": [IN_HOSPITAL, ADMISSIONS],
        "threshold": threshold,
    }
