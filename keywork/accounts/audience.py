"""Who sees which counts (issue 16, "Who sees what").

Suppression applies where counts leave the service's own staff: staff who may see the records
(Permission.VIEW_PEOPLE: keyworkers, managers, the lead, the coordinator) see true counts on screen,
with a link to see them "as it will be published"; everyone else (commissioners, regional viewers)
sees every count as published, small numbers hidden by keywork/suppression.py. Every page, file and
API route that shows counts asks `audience_for(request)` rather than deciding for itself, and states
`audience.rule` wherever counts are hidden.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from keywork.accounts.permissions import Permission, has_permission
from keywork.suppression import rule_in_words

# ?counts=published shows a member of staff the counts as they will be published.
VIEW_PARAMETER, AS_PUBLISHED = "counts", "published"


@dataclass(frozen=True)
class Audience:
    may_see_true_counts: bool  # staff who may see the records the counts are made of
    as_published: bool  # they asked to see the counts as they will be published
    threshold: int  # the service's suppression threshold
    other_view_query: str = ""  # the current page's query string switched to the other view

    @property
    def suppressed(self) -> bool:
        return self.as_published or not self.may_see_true_counts

    @property
    def rule(self) -> str:
        return rule_in_words(self.threshold)


def audience_for(request) -> Audience:
    may_see_true_counts = has_permission(request.user, Permission.VIEW_PEOPLE)
    as_published = request.GET.get(VIEW_PARAMETER) == AS_PUBLISHED
    query = [(key, value) for key, value in request.GET.items() if key != VIEW_PARAMETER]
    if not as_published:
        query.append((VIEW_PARAMETER, AS_PUBLISHED))
    return Audience(
        may_see_true_counts=may_see_true_counts,
        as_published=may_see_true_counts and as_published,
        threshold=request.service.suppression_threshold,
        other_view_query=urlencode(query),
    )
