"""The refused rows as CSV: the file's own words, so every cell is neutralised against formula injection."""

import csv

from keywork.spreadsheets import safe_cell

HEADINGS = ["Row", "Column", "Why it was refused"]


def write_csv(handle, problems: list[list]) -> None:
    writer = csv.writer(handle)
    writer.writerow(HEADINGS)
    writer.writerows([safe_cell(cell) for cell in problem] for problem in problems)
