"""Cells for the spreadsheets the app writes (returns, register exports, import reports).

Spreadsheet programs run text that starts with =, +, -, @ (or a tab or carriage return) as a
formula, and some skip leading spaces, tabs and newlines before deciding, so every cell written
passes through safe_cell, which writes such text as plain text.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SKIPPED_BEFORE_A_FORMULA = " \t\r\n"


def safe_cell(value):
    """
    >>> safe_cell("=HYPERLINK(1)"), safe_cell("-2"), safe_cell(-2), safe_cell("Kent")
    ("'=HYPERLINK(1)", "'-2", -2, 'Kent')
    >>> safe_cell(" =1+1"), safe_cell("\\n@SUM(A1)"), safe_cell("  Kent"), safe_cell("\\tKent")
    ("' =1+1", "'\\n@SUM(A1)", '  Kent', "'\\tKent")
    """
    if isinstance(value, str) and (
        value.startswith(FORMULA_STARTS) or value.lstrip(SKIPPED_BEFORE_A_FORMULA).startswith(FORMULA_STARTS)
    ):
        return "'" + value
    return value
