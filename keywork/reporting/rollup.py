"""The quarterly return rolled up across every service of the installation, and per service side
by side, for regional and national viewers: aggregated and suppressed, never a person's details.

Each service's figures are exactly as that service publishes them (its return, as published:
quarterly.published_tables), so no cell shown here is hidden on the service's own pages or the
reverse; a total across services is hidden instead when it would give a hidden count away."""

from keywork.reporting.quarterly import ON_REGISTER, published_tables, quarterly_return
from keywork.services.models import Service
from keywork.suppression import SUPPRESSED, rule_in_words, total_of_published

# A stock (people in hospital on a date) and a flow (admissions over a period) are different kinds of
# figure: each is its own column with its own total, never added together.
IN_HOSPITAL, ADMISSIONS = "In hospital at the quarter's end", "Admissions in the quarter"


def _total(counts: list[tuple[int, int | str]], threshold: int) -> int | str:
    """The total of (true, as published) counts."""
    values = [true for true, _ in counts]
    hidden = [shown == SUPPRESSED for _, shown in counts]
    return total_of_published(values, hidden, [shown != true for true, shown in counts], threshold)


def side_by_side(rows: dict[str, dict[str, tuple[int, int | str]]], threshold: int) -> dict:
    """A table of counts each published on its own, as (true, as published): the published cells,
    with row, column and grand totals that give none of the hidden ones away."""
    columns = list(dict.fromkeys(column for cells in rows.values() for column in cells))
    return {
        "columns": columns,
        "cells": {row: {column: cells[column][1] for column in columns} for row, cells in rows.items()},
        "row_totals": {row: _total(list(cells.values()), threshold) for row, cells in rows.items()},
        "column_totals": {column: _total([cells[column] for cells in rows.values()], threshold) for column in columns},
        "total": _total([count for cells in rows.values() for count in cells.values()], threshold),
    }


def rolled_up_return(quarter, today) -> dict:
    services = list(Service.objects.order_by("name"))
    reports = [quarterly_return(service, quarter, today) for service in services]
    published = [published_tables(report) for report in reports]
    threshold = max((service.suppression_threshold for service in services), default=7)
    on_register: dict[str, dict] = {}
    for report, tables in zip(reports, published, strict=True):
        shown = tables["supported"][ON_REGISTER]["row_totals"]
        for rating, areas in report.supported[ON_REGISTER].items():
            on_register.setdefault(rating, {})[report.service.name] = (sum(areas.values()), shown[rating])
    for cells in on_register.values():
        for service in services:
            cells.setdefault(service.name, (0, 0))  # a service without the row ("Not rated") has none
    hospital = {
        report.service.name: {
            IN_HOSPITAL: (sum(report.inpatients_at_end.values()), tables["inpatients_at_end"].total),
            ADMISSIONS: (sum(report.admissions_in_quarter.values()), tables["admissions_in_quarter"].total),
        }
        for report, tables in zip(reports, published, strict=True)
    }
    register_table = side_by_side(on_register, threshold)
    # Each service's total as it publishes it (its ratings are one line there).
    register_table["column_totals"] = {
        report.service.name: tables["supported"][ON_REGISTER]["total"]
        for report, tables in zip(reports, published, strict=True)
    }
    return {
        "services": services,
        "on_register": register_table,
        # Rows: services; columns: the stock, then the flow, each totalled down its column only.
        "hospital": side_by_side(hospital, threshold),
        "hospital_columns": [IN_HOSPITAL, ADMISSIONS],
        "rule": rule_in_words(threshold),
    }
