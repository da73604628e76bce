"""Timing, query counts and peak memory of one request, served in-process by Django's test client.

Server time is the time from the request entering Django to the last byte of the response
(streamed bodies are read to the end), so it includes the ORM, the database and rendering.
"""

import statistics
import time
import tracemalloc
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection


@dataclass
class Measurement:
    name: str
    median_ms: float
    p95_ms: float
    queries: int
    peak_mib: float
    status: int

    def as_dict(self) -> dict:
        return self.__dict__.copy()


@contextmanager
def recording():
    """Every SQL statement the block executes, as (sql, params), whatever DEBUG and the query log say."""
    statements = []

    def record(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        yield statements


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile.

    >>> percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)
    10
    """
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


def _read(response) -> int:
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def measure(name: str, request, repeat: int) -> Measurement:
    """Call `request()` (returning a response) `repeat` times after one warm-up call."""
    _read(request())
    timings, status = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        response = request()
        _read(response)
        timings.append((time.perf_counter() - start) * 1000)
        status = response.status_code
    with recording() as queries:
        _read(request())
    tracemalloc.start()
    _read(request())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return Measurement(name, statistics.median(timings), percentile(timings, 0.95), len(queries), peak / 2**20, status)


def time_it(call, repeat: int) -> float:
    """Median milliseconds of `call()` over `repeat` runs after a warm-up."""
    call()
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)
