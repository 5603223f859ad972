"""Fixtures of the report-rendering tests: the seed scored, with its Document, and small variants."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from attrs import evolve

from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.assessment import Assessment, AuditFinding
from lawgov_score.model.framework import Dimension
from lawgov_score.model.observation import Evidence, Observation
from lawgov_score.reading.document import read
from lawgov_score.reading.model import Document
from lawgov_score.scoring import Scorer, score_document

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_3ed9f38cde86c434.txt"
GOLD = ROOT / "tests" / "data" / "seed-baoan-2023.json"
ARTIFACTS = ROOT / "test-artifacts"


def _gold_observe(document: Document) -> Any:
    """Observations of the seed from the hand-checked gold facts: real values, real spans.

    Stands in for the dimension plugins' reading while they score no evidence of their own.
    """
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    facts: dict[str, list[dict[str, Any]]] = {}
    for fact in gold["facts"]:
        if fact.get("metric"):
            facts.setdefault(fact["metric"], []).append(fact)

    def observe(plugin: DimensionPlugin | None, dimension: Dimension) -> Mapping[str, Observation]:
        found = {}
        for ind in dimension.indicators:
            if ind.id in facts:
                f = facts[ind.id][0]
                value = float(f["value"])
                if ind.unit == "%" and value > 1:
                    value /= 100
                found[ind.id] = Observation(ind.id, value, ind.unit, 2023, [Evidence(f["quote"], f["start"], f["end"])])
            elif ind.kind == "task":
                terms = [t for t in next(k.terms for k in dimension.key_tasks if k.id == ind.key_task)]
                hits = [(document.original.find(t), t) for t in terms if t in document.original]
                if hits:
                    start, term = min(hits)
                    end = start + len(term)
                    found[ind.id] = Observation(ind.id, 0.5 if len(hits) < 3 else 1.0, "", 2023,
                                                [Evidence(document.original[start:end], start, end)])
        return found

    return observe, gold


def _gold_audit(document: Document, gold: dict[str, Any]) -> list[AuditFinding]:
    out = []
    for item in gold["audit"]:
        start = document.original.find(item["statement"])
        status = "consistent" if item["expect"] == "consistent" else "inconsistent"
        out.append(
            AuditFinding(item["kind"], status, item["statement"], item["check"],  # type: ignore[arg-type]
                         start if start >= 0 else None, start + len(item["statement"]) if start >= 0 else None, None)
        )
    return out


def score_seed() -> tuple[Assessment, Document, bool]:
    """The seed's assessment and Document; ``True`` when the real report scorer found evidence.

    Until the dimension plugins read reports, the seed is scored from the gold facts
    (tests/data/seed-baoan-2023.json): values and spans are the seed's own.
    """
    scorer = Scorer.create()
    document = read(str(SEED), plugin_manager=scorer.plugin_manager, dimensions=scorer.framework.dimensions)
    real = score_document(document, scorer)
    if sum(len(i.evidence) for d in real.dimensions for i in d.indicators) >= 10:
        return real, document, True
    observe, gold = _gold_observe(document)
    assessment = scorer.assess(real.unit, observe, document.sha256, document.source)
    return evolve(assessment, audit=_gold_audit(document, gold)), document, False


@pytest.fixture(scope="session")
def seed_scored() -> tuple[Assessment, Document, bool]:
    return score_seed()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
