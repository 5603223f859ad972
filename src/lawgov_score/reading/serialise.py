"""A :class:`Document` as JSON (``schemas/document.schema.json``) and as a terminal table."""

from __future__ import annotations

import hashlib
import unicodedata
from typing import Any

from lawgov_score.reading.model import Assignment, Document, Fact, Metadata, Section

SCHEMA = "document"


def document_to_dict(document: Document, *, include_text: bool = False) -> dict[str, Any]:
    """The JSON-ready form of ``document``.

    :param include_text: also give the original and normalised texts and the offset map
        (large; off by default, the offsets into the original are enough to show evidence).
    """
    data: dict[str, Any] = {
        "kind": "document",
        "source": document.source,
        "format": document.format,
        "encoding": document.encoding,
        "warnings": list(document.warnings),
        "sha256": document.sha256,
        "text_sha256": hashlib.sha256(document.text.encode("utf-8", "surrogatepass")).hexdigest(),
        "length": len(document.original),
        "metadata": metadata_to_dict(document.metadata),
        "sections": [section_to_dict(section) for section in document.sections],
        "facts": [fact_to_dict(fact) for fact in document.facts],
    }
    if include_text:
        data["original"] = document.original
        data["text"] = document.text
        data["offsets"] = list(document.offsets)
    return data


def metadata_to_dict(metadata: Metadata) -> dict[str, Any]:
    """The ``metadata`` member."""
    return {"issuer": metadata.issuer, "year": metadata.year, "published": metadata.published,
            "elements": list(metadata.elements), "level": metadata.level,
            "government_level": metadata.government_level, "region": metadata.region}


def _why(assignments: tuple[Assignment, ...]) -> list[dict[str, Any]]:
    return [{"dimension": a.dimension, "rule": a.rule, "terms": list(a.terms)} for a in assignments]


def section_to_dict(section: Section) -> dict[str, Any]:
    """One section with its children, nested."""
    return {
        "level": section.level,
        "numbering": section.numbering,
        "title": section.title,
        "start": section.start,
        "end": section.end,
        "title_start": section.title_start,
        "title_end": section.title_end,
        "style": section.style,
        "role": section.role,
        "dimensions": list(section.dimensions),
        "why": _why(section.why),
        "items": [{"start": start, "end": end} for start, end in section.items],
        "children": [section_to_dict(child) for child in section.children],
    }


def fact_to_dict(fact: Fact) -> dict[str, Any]:
    """One fact."""
    return {
        "value": fact.value,
        "unit": fact.unit,
        "approx": fact.approx,
        "bound": fact.bound,
        "kind": fact.kind,
        "change": fact.change,
        "subject": fact.subject,
        "quote": fact.quote,
        "start": fact.start,
        "end": fact.end,
        "dimensions": list(fact.dimensions),
        "why": _why(fact.why),
    }


def validate_document(instance: Any, source: str | None = None) -> None:
    """Check a document dict against ``schemas/document.schema.json``.

    :raises lawgov_score.errors.ValidationErrors: listing every violation with its JSON path.
    """
    from lawgov_score.schemas import validate

    validate(instance, SCHEMA, source)


# -- the terminal table --------------------------------------------------------------------


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 0 if unicodedata.combining(char) else 1
               for char in text)


def fit(text: str, columns: int) -> str:
    """``text`` cut (ending in …) or padded to exactly ``columns`` terminal columns."""
    text = text.replace("\n", " ").replace("\t", " ")
    if width(text) > columns:
        out, used = [], 0
        for char in text:
            if used + width(char) > columns - 1:
                break
            out.append(char)
            used += width(char)
        text = "".join(out) + "…"
    return text + " " * max(0, columns - width(text))


def document_to_table(document: Document, *, title_columns: int = 48) -> str:
    """The outline (indented, with dimensions) and a facts table, aligned for a terminal."""
    meta = document.metadata
    lines = [
        f"{document.source}  ({document.format}{', ' + document.encoding if document.encoding else ''}, "
        f"{len(document.original)} characters)",
        f"issuer: {meta.issuer or '-'}   year: {meta.year or '-'}   published: {meta.published or '-'}",
        f"elements: {', '.join(meta.elements) or '-'}",
        "",
        "OUTLINE",
    ]

    def outline(section: Section) -> None:
        label = f"{section.numbering}{section.title}" if section.title or section.numbering else f"[{section.role}]"
        indent = "  " * max(section.level - 1, 0)
        role = "" if section.role == "body" or not section.title else f" [{section.role}]"
        dims = ",".join(section.dimensions) or "-"
        lines.append(f"{indent}{fit(label, max(title_columns - width(indent), 8))} "
                     f"{dims:<10} {section.start:>6}-{section.end:<6}{role}")
        for child in section.children:
            outline(child)

    for section in document.sections:
        outline(section)
    lines += ["", f"FACTS ({len(document.facts)})"]
    header = ("start", "value", "unit", "kind", "dims", "quote")
    sizes = (6, 14, 6, 9, 6, 40)
    lines.append(" ".join(fit(cell, size) for cell, size in zip(header, sizes, strict=True)).rstrip())
    for fact in document.facts:
        value = f"{fact.value:g}" + ("~" if fact.approx else "")
        cells = (str(fact.start), value, fact.unit, fact.kind, ",".join(fact.dimensions) or "-", fact.quote)
        lines.append(" ".join(fit(cell, size) for cell, size in zip(cells, sizes, strict=True)).rstrip())
    return "\n".join(lines) + "\n"
