"""The JSON Schemas: held in an in-memory registry, never fetched; errors carry their JSON path."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lawgov_score.errors import InputError, ValidationErrors

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError
    from referencing import Registry

# jsonschema (and importlib.resources) are imported where they are used: a command that validates
# nothing, such as scoring a report, should not pay for them at start-up.

BASE_URI = "https://lawgov-score.example/schemas/"
KINDS = ("framework", "observations", "assessment", "document", "pipeline", "panel-result")


def schema_dir() -> Path:
    """Where the schema files are: inside the installed wheel, or ``schemas/`` of a source checkout."""
    from importlib import resources

    packaged = resources.files("lawgov_score") / "schemas"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "schemas"


@cache
def load_schema(kind: str) -> dict[str, Any]:
    """The schema for ``kind`` (one of :data:`KINDS`), parsed."""
    path = schema_dir() / f"{kind}.schema.json"
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


@cache
def registry() -> Registry:
    """Every schema under its ``$id``, so ``$ref`` between them resolves offline."""
    from referencing import Registry, Resource

    resources_ = [Resource.from_contents(load_schema(kind)) for kind in KINDS if _exists(kind)]
    return Registry().with_resources((resource.id() or "", resource) for resource in resources_)


def _exists(kind: str) -> bool:
    return (schema_dir() / f"{kind}.schema.json").is_file()


def json_path(error: ValidationError) -> str:
    """``$.dimensions[2].weight`` for an error deep in an instance."""
    path = "$"
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def iter_errors(instance: Any, kind: str, definition: str | None = None) -> Iterator[ValidationError]:
    """Every schema error of ``instance`` against the ``kind`` schema (or one of its ``$defs``), in document order."""
    from jsonschema import Draft202012Validator

    schema = load_schema(kind) if definition is None else {"$ref": f"{BASE_URI}{kind}.schema.json#/$defs/{definition}"}
    validator = Draft202012Validator(schema, registry=registry())
    yield from sorted(validator.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])


def validate(instance: Any, kind: str, source: str | None = None, *, definition: str | None = None,
             place: str | None = None) -> None:
    """Raise :class:`ValidationErrors` listing every way ``instance`` breaks the ``kind`` schema.

    :param definition: check against this member of the schema's ``$defs`` only (one item of a file).
    :param place: where ``instance`` is in its file (``line 12``), put before each error's JSON path.
    """
    errors = [InputError(_explain(error), source, f"{place}: {json_path(error)}" if place else json_path(error))
              for error in iter_errors(instance, kind, definition)]
    if errors:
        raise ValidationErrors(errors, source)


def _explain(error: ValidationError) -> str:
    # jsonschema's messages quote the whole offending value; keep them short for long inputs.
    message = error.message
    if len(message) > 200:
        message = message[:197] + "..."
    return f"{message} (schema rule: {error.validator})"


def detect_kind(instance: Any) -> str | None:
    """Which schema a parsed file is meant for: its ``kind`` member, else its shape."""
    if not isinstance(instance, dict):
        return "assessment" if isinstance(instance, list) else None
    declared = instance.get("kind")
    if isinstance(declared, str) and declared in KINDS:
        return declared
    if "observations" in instance:
        return "observations"
    if "overall" in instance and "dimensions" in instance:
        return "assessment"
    if "assessments" in instance:
        return "assessment"
    if "dimensions" in instance:
        return "framework"
    if "sections" in instance and "facts" in instance:
        return "document"
    if "steps" in instance:
        return "pipeline"
    return None
