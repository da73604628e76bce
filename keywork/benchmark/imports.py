"""The spreadsheet import at the size issue 9 names: a 10,000-row XLSX checked, imported and checked
again (every row unchanged the second time), then next month's file, in which every person has a
new rating, imported as 10,000 updates; all inside a transaction that is then rolled back, so the
benchmark database is left as it was."""

import time

from django.db import transaction

from keywork import audit
from keywork.imports import columns, importing, synthetic

ROWS = 10_000


class _RollBack(Exception):
    pass


NEXT_RATING = {"Red": "Amber", "Amber": "Green", "Green": "Amber"}


def import_figures(service, user, today, rows: int = ROWS) -> dict:
    spreadsheet = synthetic.spreadsheet_rows(service, rows, seed=9, today=today)
    data = synthetic.as_xlsx(spreadsheet)
    for row in spreadsheet:  # next month's file: every rating reviewed today, each one changed
        row[6], row[7] = NEXT_RATING[row[6]], today.strftime("%d/%m/%Y")
    next_month = synthetic.as_xlsx(spreadsheet)
    actor = audit.Actor(user, service, system_process="bench")
    figures = {"rows": rows, "xlsx_bytes": len(data)}
    try:
        with transaction.atomic():
            figures["check_s"], first = _timed(lambda: _checked(actor, data))
            figures["import_s"], result = _timed(lambda: importing.import_run(actor, first))
            figures["recheck_s"], second = _timed(lambda: _checked(actor, data))
            figures["new"], figures["updated"] = result.count("new"), result.count("updated")
            figures["unchanged_on_recheck"] = second.summary["unchanged"]
            figures["update_check_s"], updates = _timed(lambda: _checked(actor, next_month))
            figures["update_import_s"], updated = _timed(lambda: importing.import_run(actor, updates))
            figures["updated_next_month"] = updated.count("updated")
            raise _RollBack
    except _RollBack:
        pass
    figures["rows_per_second"] = rows / (figures["check_s"] + figures["import_s"])
    return figures


def _checked(actor, data):
    run = importing.upload(actor, "bench.xlsx", data)
    importing.check_run(actor, run, columns.guess(synthetic.HEADINGS))
    return run


def _timed(work):
    start = time.perf_counter()
    value = work()
    return time.perf_counter() - start, value
