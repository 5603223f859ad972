"""Which national outline a report is judged by: the one in force for the year it reports on.

Reports on 2016–2020 follow 《法治政府建设实施纲要（2015－2020年）》, reports on 2021–2025 the
2021–2025 outline. A framework the user names is never switched; a report on a year outside both
outlines is judged by the nearest one (2015 and before: the 2015–2020 outline, the closer to the
2004 outline it succeeded; 2026 and after: the 2021–2025 one), with a warning.
"""

from __future__ import annotations

from attrs import frozen

from lawgov_score.model.assessment import ScoreWarning

OUTLINES: dict[str, tuple[int, int]] = {"2015-2020": (2016, 2020), "2021-2025": (2021, 2025)}
"""Each outline and the years reported on under it (the 2015 outline was issued in December 2015)."""
DEFAULT_OUTLINE = "2021-2025"
TITLES = {
    "2015-2020": "《法治政府建设实施纲要（2015－2020年）》",
    "2021-2025": "《法治政府建设实施纲要（2021－2025年）》",
}


@frozen
class OutlineChoice:
    """The outline to judge a report by, why, and any warning."""

    outline: str
    reason: str
    warning: ScoreWarning | None = None


def outline_for_year(year: int | None) -> OutlineChoice:
    """The outline in force for a report on ``year``."""
    if year is None:
        return OutlineChoice(DEFAULT_OUTLINE, f"the year reported on is not stated: judged by the newest outline, "
                             f"{TITLES[DEFAULT_OUTLINE]}")
    for outline, (first, last) in OUTLINES.items():
        if first <= year <= last:
            return OutlineChoice(outline, f"a report on {year}: judged by {TITLES[outline]}, in force for "
                                 f"reports on {first}–{last}")
    nearest = min(OUTLINES, key=lambda name: min(abs(year - OUTLINES[name][0]), abs(year - OUTLINES[name][1])))
    earliest = min(first for first, _ in OUTLINES.values())
    side = "before" if year < earliest else "after"
    warning = ScoreWarning(
        "outline.year_outside",
        f"the report is on {year}, {side} the years of both national outlines (2016–2025): judged by the "
        f"nearest, {TITLES[nearest]}, which may not be what it was written against",
        f"报告年度{year}不在两部实施纲要的适用年度（2016–2025年）内：按最接近的{TITLES[nearest]}评估，可能与其依据不符",
    )
    return OutlineChoice(nearest, f"a report on {year}, outside both outlines: judged by the nearest, "
                         f"{TITLES[nearest]}", warning)


MAPPING: dict[str, tuple[tuple[str, ...], str]] = {
    "P2": (("D2", "D5"), "依法全面履行政府职能 → D2; its market-regulation and environment measures partly D5"),
    "P3": (("D3",), "完善依法行政制度体系 → D3"),
    "P4": (("D4",), "推进行政决策科学化、民主化、法治化 → D4"),
    "P5": (("D5",), "坚持严格规范公正文明执法 → D5"),
    "P6": (("D8",), "强化对行政权力的制约和监督 → D8"),
    "P7": (("D7",), "依法有效化解社会矛盾纠纷 → D7"),
    "P8": (("D10", "D1"), "全面提高政府工作人员法治思维和依法行政能力 → D10 (capacity) and D1 (study)"),
    "P9": (("D10",), "组织保障和落实机制 → D10"),
}
"""Each part of the 2015–2020 outline and the 2021–2025 dimensions it maps to, for comparing a unit
across 2020 → 2021 (FRAMEWORK.md). D6 and D9 have no part of their own in the older outline."""
