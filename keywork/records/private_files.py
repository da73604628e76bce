"""Files under PRIVATE_FILES_ROOT that no record points at: left by a save rolled back after its file
was written, or by versions of Keywork that did not delete a replaced report. They hold people's
details that retention can no longer find, so `manage.py check_private_files` lists and removes them.
"""

import datetime
import logging
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import timezone

logger = logging.getLogger(__name__)
# A file is written before its record commits: one younger than this may be an upload in progress.
SETTLING_TIME = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class Orphan:
    path: Path
    size: int
    modified: datetime.datetime

    @property
    def name(self) -> str:
        return str(self.path.relative_to(settings.PRIVATE_FILES_ROOT))


def recorded_paths() -> set[Path]:
    """Every file a record's FileField points at, whichever app's model holds it."""
    paths = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                names = model._base_manager.exclude(**{field.name: ""}).values_list(field.name, flat=True)
                paths |= {Path(field.storage.path(name)).resolve() for name in names.iterator()}
    return paths


def orphans(now: datetime.datetime | None = None) -> tuple[list[Orphan], int]:
    """The files no record points at, oldest first, and how many more are too new to judge yet."""
    root = Path(settings.PRIVATE_FILES_ROOT)
    if not root.is_dir():
        return [], 0
    cutoff = (now or timezone.now()) - SETTLING_TIME
    recorded = recorded_paths()
    found, too_new = [], 0
    for path in root.rglob("*"):
        if not path.is_file() or path.resolve() in recorded:
            continue
        status = path.stat()
        modified = datetime.datetime.fromtimestamp(status.st_mtime, tz=datetime.UTC)
        if modified > cutoff:
            too_new += 1
        else:
            found.append(Orphan(path, status.st_size, modified))
    return sorted(found, key=lambda orphan: orphan.modified), too_new


def delete(found: list[Orphan]) -> None:
    """Delete the files, each logged by its path (no record names whose file it was)."""
    for orphan in found:
        orphan.path.unlink(missing_ok=True)
        logger.warning("Deleted private file with no record: %s (%s bytes)", orphan.name, orphan.size)
