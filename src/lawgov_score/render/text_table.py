"""Plain-text tables that stay aligned with Chinese text (wide characters take two columns)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: East Asian wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def pad(text: str, width: int, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` display columns."""
    fill = " " * max(width - display_width(text), 0)
    return fill + text if right else text + fill


def clip(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` display columns, with … when cut."""
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for ch in text:
        step = display_width(ch)
        if used + step > width - 1:
            break
        out, used = out + ch, used + step
    return out + "…"


def render_table(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    """A table with a header rule; columns in ``numeric`` are right-aligned."""
    widths = [display_width(h) for h in header]
    for row in rows:
        widths = [max(w, display_width(cell)) for w, cell in zip(widths, row)]
    lines = ["  ".join(pad(h, w) for h, w in zip(header, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        cells = [pad(cell, w, right=i in numeric) for i, (cell, w) in enumerate(zip(row, widths))]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"
