"""A cached corpus of scored assessments for the ``rank`` benchmarks: edited copies of the seed.

Copy *i* of the seed report gets its own issuer (so every assessment is a distinct unit) and
every count in its text scaled by a factor drawn for that copy, so the indicator values differ
from unit to unit as they would across governments. Each copy is read and scored once
(``read`` + ``score_document`` with one warm :class:`~lawgov_score.scoring.Scorer`), and the
assessments are written to ``benchmarks/.cache/`` as JSON Lines (one assessment per line, the
form ``score --format jsonl`` writes) and as one ``{"assessments": [...]}`` JSON document.

Usage: ``python benchmarks/assessment_corpus.py [--count 1000]`` prints the two paths.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_3ed9f38cde86c434.txt"
CACHE = Path(__file__).resolve().parent / ".cache"
ISSUER = "深圳市宝安区人民政府"
DISTRICT = "宝安区"  # how the report's first sentence names its issuer, which the reader takes as the unit
# integers that are not years (年) or ordinals of a list (第…), e.g. 学习56次
COUNT = re.compile(r"(?<![第\d.])(\d+)(?![\d.年])")


def edited_copy(text: str, index: int) -> str:
    """Copy ``index`` of the seed: its own issuer (and so its own unit), every count scaled by one random factor."""
    rng = random.Random(index)
    factor = rng.uniform(0.3, 1.7)
    scaled = COUNT.sub(lambda m: str(max(0, round(int(m.group(1)) * factor * rng.uniform(0.8, 1.2)))), text)
    district = district_name(index)
    return scaled.replace(ISSUER, f"{district}人民政府").replace(DISTRICT, district)


def district_name(index: int) -> str:
    """A distinct district's name for copy ``index``, its number in the ten heavenly stems (示例乙丙区
    for 12): the reader takes no name with Arabic digits for an issuer."""
    return "示例" + "".join("甲乙丙丁戊己庚辛壬癸"[int(digit)] for digit in str(index + 1)) + "区"


def paths(count: int) -> tuple[Path, Path]:
    """The JSON Lines and JSON files of a corpus of ``count`` assessments."""
    return CACHE / f"assessments-{count}.jsonl", CACHE / f"assessments-{count}.json"


def build(count: int) -> tuple[Path, Path]:
    """Score ``count`` edited copies of the seed once, or reuse the cached files.

    :returns: the JSON Lines and the JSON path.
    """
    lines_path, json_path = paths(count)
    if lines_path.is_file() and json_path.is_file():
        return lines_path, json_path
    from lawgov_score.model.serialise import to_dict
    from lawgov_score.reading.document import read
    from lawgov_score.scoring import Scorer, score_document

    scorer = Scorer.create()
    seed = SEED.read_text(encoding="utf-8")
    lines, ranking = [], []
    for index in range(count):
        document = read(edited_copy(seed, index), plugin_manager=scorer.plugin_manager,
                        dimensions=scorer.framework.dimensions)
        assessment = to_dict(score_document(document, scorer))
        lines.append(json.dumps(assessment, ensure_ascii=False))
        ranking.append({"unit": assessment["unit"]["name"], "year": assessment["unit"]["year"],
                        "overall": assessment["overall"]})
    ranking.sort(key=lambda entry: -(entry["overall"] or 0.0))
    for position, entry in enumerate(ranking, 1):
        entry["rank"] = position
    CACHE.mkdir(exist_ok=True)
    lines_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # the collection document of ``score --format json``
    json_path.write_text('{"kind": "assessments", "assessments": [\n' + ",\n".join(lines) + '\n], "ranking": '
                         + json.dumps(ranking, ensure_ascii=False) + "}\n", encoding="utf-8")
    return lines_path, json_path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    for path in build(args.count):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
