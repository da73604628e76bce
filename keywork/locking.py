"""Optimistic locking, shared by every app that saves a versioned record and by the pages and API
that tell the user: the save is refused when someone else saved the record after it was read."""


class StaleRecordError(Exception):
    """Someone else saved the record after this user opened it."""
