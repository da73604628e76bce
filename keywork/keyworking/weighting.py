"""Caseload weighting: how much of a worker's capacity each person they hold takes.

A person counts by their current DSR rating (red 3, amber 2, green 1, blue 2 by default) plus an
uplift (1 by default) when the manager marks the allocation as a complex case. A worker is over the
caseload limit when their weighted caseload passes the service's weighted limit (default 40: fifteen
people at a DSR keywork mix, mostly red and amber), or when the number of people passes the people
limit (default 15), so a long list of light cases is still flagged. Every number is the service's
own setting (Service model), to be agreed locally; the reasoning is in docs/caseload-weighting.md.
"""

from dataclasses import dataclass

from keywork.register.choices import Rating


def rating_weight(service, rating: str) -> int:
    """What one person of this rating counts: someone not yet rated counts as green, the lightest."""
    weights = {
        Rating.RED: service.caseload_weight_red,
        Rating.AMBER: service.caseload_weight_amber,
        Rating.GREEN: service.caseload_weight_green,
        Rating.BLUE: service.caseload_weight_blue,
    }
    return weights.get(rating, service.caseload_weight_green)


def weights_in_words(service) -> str:
    """'red 3, amber 2, green 1, blue 2': the service's weights, for the pages that show caseloads."""
    return ", ".join(f"{rating} {rating_weight(service, rating)}" for rating in Rating.values)


def allocation_weight(service, rating: str, is_complex: bool) -> int:
    """One allocation's weight: the person's rating, plus the complexity uplift for a complex case."""
    return rating_weight(service, rating) + (service.caseload_complexity_uplift if is_complex else 0)


@dataclass(frozen=True)
class Caseload:
    people: int
    weighted: int

    def is_over_limit(self, service) -> bool:
        """Over the weighted limit, or holding more people than the people limit."""
        return self.weighted > service.weighted_caseload_limit or self.people > service.caseload_limit


def caseload_of(service, allocations) -> Caseload:
    """A worker's caseload from (rating, is_complex) pairs, one per person they hold."""
    allocations = list(allocations)
    weighted = sum(allocation_weight(service, rating, is_complex) for rating, is_complex in allocations)
    return Caseload(people=len(allocations), weighted=weighted)
