"""The validity suite's machinery: cases read from TOML, variants made by edits, relations checked.

A case file (``cases/*.toml``) holds ``[[case]]`` tables::

    [[case]]
    id = "outcomes-bad-rates"
    category = "outcomes"
    says = "Very bad litigation, reconsideration and closing rates lower D7 by 15 and the overall by 3."
    base = "seed"                      # or a report under reports/ ("county-2023"), or text = "..."
    edits = [
      { insert_after = "直接纠错率7.8%。", text = "行政诉讼败诉率为35%。" },
      { transform = "repeat_paragraphs" },
    ]
    expect = [
      { relation = "lower", score = "D7", by = 15 },
      { relation = "lower", score = "overall", by = 3 },
    ]

Edits, applied in order: ``insert_after``/``insert_before`` an anchor, ``replace`` … ``with``,
``delete``, ``regex`` … ``with``, ``append``, ``transform`` (a named function of
:data:`TRANSFORMS`). ``variant = "..."`` replaces the whole text instead, and ``variant_of = "ID"``
starts from the variant of an earlier case; edits given with either apply to it. Relations compare the
variant with its base: ``lower`` (by at least ``by``), ``not_lower``, ``within`` (``tolerance``;
``score = "*"`` for every dimension), ``at_most`` (an absolute ``value``), ``metric`` (the
variant's metric ``id`` equals ``equals``), ``status`` (indicator ``indicator`` has ``equals``),
``framework`` (the variant's framework id), ``audit`` (the variant has an ``inconsistent``
finding of ``check`` that the base lacks), ``audit_clean`` (no inconsistent finding), ``warns``
(a warning with ``code``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from attrs import frozen

from lawgov_score.model.assessment import Assessment
from lawgov_score.scoring import Scorer, score_document

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SEED = ROOT / "seeds" / "000_3ed9f38cde86c434.txt"
CATEGORIES = ("stuffing", "repetition", "outcomes", "bad_news", "layout", "change_values", "applicability",
              "audit")


@frozen
class Case:
    id: str
    category: str
    says: str
    base: str
    base_text: str
    variant: str
    expect: tuple[dict[str, Any], ...]
    edits: tuple[dict[str, Any], ...] = ()


@frozen
class Outcome:
    """A case as measured: each expectation with what was found and whether it held."""

    case: Case
    results: tuple[tuple[str, str, bool], ...]
    """``(expectation in words, what was measured, held)``."""

    @property
    def held(self) -> bool:
        return all(ok for _, _, ok in self.results)


def base_text(name: str) -> str:
    if name == "seed":
        return SEED.read_text(encoding="utf-8")
    return (HERE / "reports" / f"{name}.txt").read_text(encoding="utf-8")


def load_cases(folder: Path = HERE / "cases") -> list[Case]:
    cases: list[Case] = []
    for path in sorted(folder.glob("*.toml")):
        for raw in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            base = raw.get("base", "seed")
            text = raw["text"] if "text" in raw else base_text(base)
            edits = tuple(raw.get("edits", ()))
            if "variant_of" in raw:
                start = next(case.variant for case in cases if case.id == raw["variant_of"])
            else:
                start = raw.get("variant", text)
            variant = apply_edits(start, edits, raw["id"])
            cases.append(Case(raw["id"], raw["category"], raw["says"], base if "text" not in raw else "text",
                              text, variant, tuple(raw["expect"]), edits))
    return cases


def apply_edits(text: str, edits: tuple[dict[str, Any], ...], case: str) -> str:
    for edit in edits:
        if "transform" in edit:
            text = TRANSFORMS[edit["transform"]](text)
            continue
        if "append" in edit:
            text = text.rstrip("\n") + "\n" + edit["append"] + "\n"
            continue
        if "regex" in edit:
            new, count = re.subn(edit["regex"], edit["with"], text)
            assert count, f"{case}: regex {edit['regex']!r} matched nothing"
            text = new
            continue
        anchor = edit.get("insert_after") or edit.get("insert_before") or edit.get("replace") or edit.get("delete")
        assert anchor and anchor in text, f"{case}: anchor {anchor!r} not in the text"
        if "insert_after" in edit:
            text = text.replace(anchor, anchor + edit["text"], 1)
        elif "insert_before" in edit:
            text = text.replace(anchor, edit["text"] + anchor, 1)
        elif "replace" in edit:
            text = text.replace(anchor, edit["with"], -1 if edit.get("all") else 1)
        else:
            text = text.replace(anchor, "", 1)
    return text


# -- named transforms: the same content in another layout ------------------------------------

_SUB = re.compile(r"^\((?P<n>[一二三四五六七八九十]+)\)(?P<title>[^。\n]{2,60})。(?P<body>.+)$", re.MULTILINE)
_MARKED = re.compile(r"^\([一二三四五六七八九十]+\)")
_TOP = re.compile(r"^(?P<n>[一二三四五六七八九十]+)、(?P<title>.+)$", re.MULTILINE)
_CN = "一二三四五六七八九十"


def _cn(number: int) -> str:
    """The Chinese numeral of 1–99 (十一, 二十三)."""
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else "十" if tens == 1 else _CN[tens - 1] + "十"
    return head + (_CN[ones - 1] if ones else "")


def _split_plans(text: str) -> tuple[str, str]:
    """The report up to its shortcomings part, and that part with what follows."""
    index = text.index("十一、存在的不足")
    return text[:index], text[index:]


def repeat_report(text: str) -> str:
    return text.rstrip("\n") + "\n" + text


def repeat_paragraphs(text: str) -> str:
    return "".join(line + "\n" + line + "\n" for line in text.splitlines() if line.strip())


def repeat_sentences(text: str) -> str:
    """Every sentence said twice where it stands, headings' titles included."""
    return re.sub(r"([^。\n]+。)", r"\1\1", text)


def remove_runin_titles(text: str) -> str:
    """(一)Title。Body → (一)Body in the measures part."""
    head, tail = _split_plans(text)
    return _SUB.sub(lambda m: f"({m['n']}){m['body']}", head) + tail


def titles_with_colons(text: str) -> str:
    """(一)Title。Body → (一)Title:Body: the run-in title ends with a colon, inside its sentence."""
    head, tail = _split_plans(text)
    return _SUB.sub(lambda m: f"({m['n']}){m['title']}:{m['body']}", head) + tail


def numbered_paragraphs(text: str) -> str:
    """(一)Title。Body → 1.Body: numbered paragraphs without titles."""
    head, tail = _split_plans(text)
    return _SUB.sub(lambda m: f"{_CN.index(m['n']) + 1}.{m['body']}", head) + tail


def arabic_subheadings(text: str) -> str:
    """(一)Title。Body → 1、Title。Body: another numbering style, titles kept."""
    head, tail = _split_plans(text)
    return _SUB.sub(lambda m: f"{_CN.index(m['n']) + 1}、{m['title']}。{m['body']}", head) + tail


def part_headings(text: str) -> str:
    """一、Title → 第一部分 Title, and (一) → 1. : the outline's parts written another way."""
    head, tail = _split_plans(text)
    head = _TOP.sub(lambda m: f"第{m['n']}部分 {m['title']}", head)
    return _SUB.sub(lambda m: f"{_CN.index(m['n']) + 1}.{m['title']}。{m['body']}", head) + tail


def umbrella(text: str) -> str:
    """Everything under one heading, 一、主要举措和成效, the parts' titles gone and their items renumbered."""
    head, tail = _split_plans(text)
    lines = head.splitlines()
    preamble = lines[0]
    items = [line for line in lines[1:] if line.strip() and not _TOP.match(line)]
    body = []
    for number, line in enumerate(items, start=1):
        match = _SUB.match(line)
        rest = f"{match['title']}。{match['body']}" if match else _MARKED.sub("", line)
        body.append(f"({_cn(number)}){rest}")
    tail = tail.replace("十一、存在的不足", "二、存在的不足", 1)
    return "\n".join([preamble, "一、主要举措和成效", *body]) + "\n" + tail


def inline_items(text: str) -> str:
    """Each part's items in one paragraph: 一是…二是…, the items' titles gone."""
    head, tail = _split_plans(text)
    out: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if items:
            out.append("".join(f"{_cn(i)}是{item}" for i, item in enumerate(items, start=1)))
            items.clear()

    for line in head.splitlines():
        match = _SUB.match(line)
        if match:
            items.append(match["body"])
            continue
        flush()
        out.append(line)
    flush()
    return "\n".join(out) + "\n" + tail


# Characters a typesetter does not put at the start of a line (they stay on the line before).
_NO_LINE_START = frozenset("，。、；：！？）”》,.;:!?)%")


def _wrapped(text: str, columns: int, indent: bool = False, page_lines: int = 0) -> str:
    """Every paragraph broken into lines of ``columns`` display columns (Chinese characters two,
    ASCII one), as a PDF viewer's copy gives it: punctuation never opens a line, paragraphs
    optionally indented by two ideographic spaces, a page number every ``page_lines`` lines."""
    lines: list[str] = []
    for paragraph in text.splitlines():
        line, width = ("\u3000\u3000", 4) if indent and paragraph else ("", 0)
        for char in paragraph:
            char_width = 1 if char.isascii() else 2
            if width + char_width > columns and char not in _NO_LINE_START:
                lines.append(line)
                line, width = "", 0
            line += char
            width += char_width
        lines.append(line)
    if page_lines:
        paged = []
        for number, line in enumerate(lines):
            if number and number % page_lines == 0:
                paged += ["", f"- {number // page_lines} -", "\f"]
            paged.append(line)
        lines = paged
    return "\n".join(lines)


def wrapped_characters(text: str) -> str:
    """Lines cut every 30 characters, whatever they are (a fixed-width text file)."""
    return "\n".join(line[i:i + 30] for line in text.splitlines() for i in range(0, max(len(line), 1), 30))


def wrapped_page(text: str) -> str:
    """A PDF page's lines of 28 Chinese characters (the official document's line), paragraphs
    indented, a page number every 22 lines."""
    return _wrapped(text, 56, indent=True, page_lines=22)


def wrapped_narrow(text: str) -> str:
    """Lines of 20 Chinese characters, no indentation (a copy from a phone's PDF viewer)."""
    return _wrapped(text, 40)


_COUNT = re.compile(r"(?<![0-9.年月第])([1-9][0-9]{0,3})(?=[件次项场期份条名个家宗人])")
_RATE = re.compile(r"(?<![0-9.])([0-9]{1,3}(?:\.[0-9]+)?)%")


def chinese_numerals(text: str) -> str:
    """Counts and rates written in Chinese numerals, as many reports write them (五十六次,
    百分之九十八点五)."""
    from cn2an import an2cn

    text = _COUNT.sub(lambda m: "两" if m.group(1) == "2" else an2cn(m.group(1)), text)  # 两个, not 二个
    return _RATE.sub(lambda m: "百分之" + an2cn(m.group(1)), text)


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "repeat_report": repeat_report,
    "repeat_paragraphs": repeat_paragraphs,
    "repeat_sentences": repeat_sentences,
    "remove_runin_titles": remove_runin_titles,
    "numbered_paragraphs": numbered_paragraphs,
    "titles_with_colons": titles_with_colons,
    "arabic_subheadings": arabic_subheadings,
    "part_headings": part_headings,
    "umbrella": umbrella,
    "inline_items": inline_items,
    "wrapped_characters": wrapped_characters,
    "wrapped_page": wrapped_page,
    "wrapped_narrow": wrapped_narrow,
    "chinese_numerals": chinese_numerals,
}


# -- scoring and relations ------------------------------------------------------------------

@cache
def scorer() -> Scorer:
    return Scorer.create()


@cache
def assess(text: str) -> Assessment:
    from lawgov_score.reading.document import read

    document = read(text=text, plugin_manager=scorer().plugin_manager, dimensions=scorer().framework.dimensions)
    return score_document(document, scorer())


def _score(assessment: Assessment, target: str) -> float:
    if target == "overall":
        return assessment.overall or 0.0
    return assessment.dimension(target).score or 0.0


def check(case: Case) -> Outcome:
    base, variant = assess(case.base_text), assess(case.variant)
    results = []
    for expect in case.expect:
        results.append(_relation(expect, base, variant))
    return Outcome(case, tuple(results))


def _relation(expect: dict[str, Any], base: Assessment, variant: Assessment) -> tuple[str, str, bool]:
    relation = expect["relation"]
    target = expect.get("score", "overall")
    if relation in ("lower", "not_lower", "within") and target == "*":
        parts = [_relation({**expect, "score": d.code}, base, variant) for d in base.dimensions]
        parts.append(_relation({**expect, "score": "overall"}, base, variant))
        bad = [p for p in parts if not p[2]]
        found = "; ".join(p[1] for p in (bad or parts[-1:]))
        return (f"every dimension and the overall: {parts[0][0].split(': ', 1)[-1]}", found, not bad)
    if relation in ("lower", "not_lower", "within"):
        b, v = _score(base, target), _score(variant, target)
        found = f"{target} {b:.1f} → {v:.1f} ({v - b:+.1f})"
        if relation == "lower":
            by = float(expect.get("by", 0.01))
            return (f"{target}: at least {by:g} lower", found, v <= b - by)
        if relation == "not_lower":
            return (f"{target}: not lower", found, v >= b - 1e-6)
        tolerance = float(expect["tolerance"])
        return (f"{target}: within ±{tolerance:g}", found, abs(v - b) <= tolerance)
    if relation == "at_most":
        v = _score(variant, target)
        return (f"{target} of the variant at most {expect['value']}", f"{target} {v:.1f}", v <= expect["value"])
    if relation == "below_base_by":
        b, v = _score(base, target), _score(variant, target)
        return (f"{target}: at least {expect['by']} below the real report", f"{b:.1f} vs {v:.1f}",
                v <= b - expect["by"])
    if relation == "metric":
        got = variant.metrics.get(expect["id"])
        ok = got is not None and abs(got - expect["equals"]) < 1e-9
        return (f"metric {expect['id']} = {expect['equals']}", f"{got}", ok)
    if relation == "status":
        found = next((i for d in variant.dimensions for i in d.indicators if i.id == expect["indicator"]), None)
        status = found.status if found else None
        return (f"{expect['indicator']} is {expect['equals']}", f"{status}", status == expect["equals"])
    if relation == "framework":
        got = variant.provenance.framework_id
        return (f"judged by {expect['equals']}", got, got == expect["equals"])
    if relation == "audit":
        def flagged(a: Assessment) -> set[str]:
            return {f.quote for f in a.audit if f.check == expect["check"] and f.status == "inconsistent"}
        new = flagged(variant) - flagged(base)
        return (f"audit flags {expect['check']}", "; ".join(sorted(new)) or "nothing flagged", bool(new))
    if relation == "audit_clean":
        bad = [f"{f.check}: {f.quote}" for f in variant.audit if f.status == "inconsistent"]
        return ("no false alarm", "; ".join(bad) or "none", not bad)
    if relation == "warns":
        codes = {w.code for w in variant.warnings}
        return (f"warns {expect['code']}", ", ".join(sorted(codes)) or "no warning", expect["code"] in codes)
    raise ValueError(f"unknown relation {relation!r}")
