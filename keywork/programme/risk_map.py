"""The 5×5 risk heat map: how many open risks sit in each likelihood × impact cell."""

from keywork.programme.models.risks import band


def heat_map(risks) -> list[dict]:
    """Rows from likelihood 5 down to 1, each with cells for impact 1 to 5."""
    counts = {}
    for risk in risks:
        counts[(risk.likelihood, risk.impact)] = counts.get((risk.likelihood, risk.impact), 0) + 1
    return [
        {
            "likelihood": likelihood,
            "cells": [
                {"impact": impact, "count": counts.get((likelihood, impact), 0), "band": band(likelihood * impact)}
                for impact in range(1, 6)
            ],
        }
        for likelihood in range(5, 0, -1)
    ]
