"""Extension points of the person page: other apps add a section or events to the timeline.

An app registers its functions in its AppConfig.ready(), so the register knows nothing of them.
Each function takes (request, person): a section returns HTML (or "" to show nothing), a
timeline source returns a list of timeline.Event.
"""

_sections = []
_timeline_sources = []


def register_person_section(section) -> None:
    if section not in _sections:
        _sections.append(section)


def register_timeline_source(source) -> None:
    if source not in _timeline_sources:
        _timeline_sources.append(source)


def person_sections(request, person) -> list[str]:
    return [html for section in _sections if (html := section(request, person))]


def timeline_events_from_other_apps(request, person) -> list:
    return [event for source in _timeline_sources for event in source(request, person)]
