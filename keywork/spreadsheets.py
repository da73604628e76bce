"""Cells for the spreadsheets the app writes (returns, register exports, import reports).

Spreadsheet programs run text that starts with =, +, -, @ (or a tab or carriage return) as a
formula, so every cell written passes through safe_cell, which writes such text as plain text.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """
    >>> safe_cell("=HYPERLINK(1)"), safe_cell("-2"), safe_cell(-2), safe_cell("Kent")
    ("'=HYPERLINK(1)", "'-2", -2, 'Kent')
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
