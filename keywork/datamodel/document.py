"""docs/data-model.md: Keywork's own apps (those under `keywork.`) that have models, in
INSTALLED_APPS order; each model with its docstring's first paragraph, the file it lives in, its
fields with their types, what each relation points to and what deleting its target does, and the
database's constraints.
"""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation

DOCUMENT = Path(settings.BASE_DIR) / "docs" / "data-model.md"

HEADER = """# Data model

Written from the models by `python manage.py datamodel` (`keywork/datamodel/`); a test fails when
this file and the models disagree, so do not edit it by hand. "→" is a relation to another model;
"on delete" says what deleting that model's row does to this one (Django's `on_delete`): cascade
deletes this row too; protect refuses the deletion.
"""


def render() -> str:
    app_configs = [
        config for config in apps.get_app_configs() if config.name.startswith("keywork.") and list(config.get_models())
    ]
    parts = [HEADER, _overview(app_configs)]
    parts += [_app_section(config) for config in app_configs]
    return "\n".join(parts)


def _overview(app_configs) -> str:
    lines = ["| app | models | refers to |", "| --- | --- | --- |"]
    for config in app_configs:
        models = ", ".join(model.__name__ for model in config.get_models())
        others = sorted(_referred_apps(config) - {config.label})
        lines.append(f"| {_app_link(config)} | {models} | {', '.join(others) or '—'} |")
    return "\n".join(lines) + "\n"


def _referred_apps(config) -> set[str]:
    return {
        field.related_model._meta.app_label
        for model in config.get_models()
        for field in _fields(model)
        if field.is_relation and field.related_model is not None
    }


def _app_heading(config) -> str:
    return f"{config.verbose_name} (`{config.label}`)"


def _app_link(config) -> str:
    # The anchor GitHub and most Markdown viewers give a heading: lower case, punctuation dropped.
    anchor = re.sub(r"[^\w\- ]", "", _app_heading(config).lower()).replace(" ", "-")
    return f"[{_app_heading(config)}](#{anchor})"


def _app_section(config) -> str:
    parts = [f"## {_app_heading(config)}\n"]
    parts += [_model_section(model) for model in config.get_models()]
    return "\n".join(parts)


def _model_section(model) -> str:
    lines = [f"### {model.__name__}", ""]
    description = _description(model)
    if description:
        lines += [description, ""]
    source = Path(model.__module__.replace(".", "/") + ".py")
    if not (Path(settings.BASE_DIR) / source).exists():
        source = source.with_suffix("") / "__init__.py"
    lines += [f"In `{source.as_posix()}`.", "", "| field | type | notes |", "| --- | --- | --- |"]
    lines += [f"| `{field.name}` | {_type(field)} | {_notes(field)} |" for field in _fields(model)]
    constraints = [constraint.name for constraint in model._meta.constraints]
    constraints += ["unique together: " + ", ".join(fields) for fields in model._meta.unique_together]
    if constraints:
        lines += ["", "Constraints: " + "; ".join(f"`{name}`" for name in constraints) + "."]
    return "\n".join(lines) + "\n"


def _description(model) -> str:
    docstring = (model.__doc__ or "").strip()
    # Django gives a model without a docstring one listing its fields: not a description.
    if docstring.startswith(f"{model.__name__}("):
        return ""
    return " ".join(docstring.split("\n\n")[0].split())


def _fields(model) -> list:
    """Its columns, its many-to-many fields and its generic relations, in the order they are declared."""
    declared = [*model._meta.fields, *model._meta.many_to_many, *model._meta.private_fields]
    return sorted(declared, key=lambda field: field.creation_counter)


def _type(field) -> str:
    if isinstance(field, GenericForeignKey):
        return f"GenericForeignKey → any model (by `{field.ct_field}` and `{field.fk_field}`)"
    if isinstance(field, GenericRelation):
        return f"GenericRelation → `{field.related_model._meta.label}` (its rows that point here)"
    if field.is_relation:
        return f"{field.get_internal_type()} → `{field.related_model._meta.label}`"
    return field.get_internal_type()


def _notes(field) -> str:
    if isinstance(field, GenericForeignKey):
        return ""
    if isinstance(field, GenericRelation):
        # Django deletes the rows a generic foreign key points from along with the row it points to.
        return "deleting this row deletes them"
    if field.primary_key:
        return "primary key"
    notes = ["unique"] if field.unique else []
    if getattr(field, "auto_now_add", False):
        notes.append("set when the row is created")
    elif getattr(field, "auto_now", False):
        notes.append("set each time the row is saved")
    elif field.null or (field.blank and not field.many_to_many):
        notes.append("optional")
    if field.many_to_one or field.one_to_one:
        notes.append("on delete: " + field.remote_field.on_delete.__name__.lower().replace("_", " "))
    if field.choices:
        notes.append("one of: " + ", ".join(f"`{value}`" for value, _label in field.flatchoices))
    return "; ".join(notes)
