"""Which national outline a report is judged by: the one in force for the year it reports on.

Reports on 2016–2020 follow 《法治政府建设实施纲要（2015－2020年）》, reports on 2021–2025 the
2021–2025 outline. A framework the user names is never switched; a report on a year outside both
outlines is judged by the newest one, with a warning.
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
    earliest = min(first for first, _ in OUTLINES.values())
    side = "before" if year < earliest else "after"
    warning = ScoreWarning(
        "outline.year_outside",
        f"the report is on {year}, {side} the years of both national outlines (2016–2025): judged by "
        f"{TITLES[DEFAULT_OUTLINE]}, which may not be what it was written against",
        f"报告年度{year}不在两部实施纲要的适用年度（2016–2025年）内：按{TITLES[DEFAULT_OUTLINE]}评估，可能与其依据不符",
    )
    return OutlineChoice(DEFAULT_OUTLINE, f"a report on {year}, outside both outlines: judged by the newest, "
                         f"{TITLES[DEFAULT_OUTLINE]}", warning)
