"""What ships: the wheel holds the schemas, the seed, the templates and the built-in pipelines; its
metadata has the urls, the classifiers, one version, a docs extra, and every package the code
imports directly is declared."""

from __future__ import annotations

import ast
import email
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import lawgov_score
from paths import ROOT

# Imported only inside the functions that need them, and declared as extras.
OPTIONAL = {"pandas", "scipy"}  # the optional extras: imported only where they are used
# Import names that are not the names of their distributions.
DISTRIBUTIONS = {"docx": "python-docx", "ahocorasick_rs": "ahocorasick-rs", "charset_normalizer": "charset-normalizer",
                 "yaml": "pyyaml"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--no-index", "-w", str(out), str(ROOT)], check=True, timeout=300)
    [built] = out.glob("lawgov_score-*.whl")
    return built


@pytest.mark.slow
def test_the_wheel_carries_the_data_the_code_reads(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("lawgov_score/panel/pipelines/reports.json", "lawgov_score/panel/pipelines/indicators.json",
                   "lawgov_score/schemas/assessment.schema.json", "lawgov_score/schemas/framework.schema.json",
                   "lawgov_score/seeds/000_3ed9f38cde86c434.txt", "lawgov_score/render/templates/report.html.j2",
                   "lawgov_score/py.typed", "lawgov_dimensions/d07_disputes.py"):
        assert needed in names, needed
    assert not [n for n in names if n.startswith(("tests/", "docs/", "benchmarks/"))]


@pytest.mark.slow
def test_the_wheel_metadata(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    [meta_name] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
    meta = email.message_from_bytes(archive.read(meta_name))
    assert meta["Version"] == lawgov_score.__version__  # defined once, in lawgov_score/__init__.py
    urls = {value.split(",")[0] for value in meta.get_all("Project-URL") or []}
    assert {"Homepage", "Documentation", "Source", "Issues"} <= urls
    classifiers = meta.get_all("Classifier") or []
    assert "License :: OSI Approved :: MIT License" in classifiers
    assert {"Programming Language :: Python :: 3.10", "Intended Audience :: Science/Research"} <= set(classifiers)
    assert any(c.startswith("Topic :: ") for c in classifiers)
    extras = set(meta.get_all("Provides-Extra") or [])
    assert {"docs", "pandas", "test"} <= extras
    required = {r.split(";")[0].split(">")[0].split("=")[0].split("<")[0].strip().lower()
                for r in meta.get_all("Requires-Dist") or [] if "extra ==" not in r}
    for name in imported_packages() - OPTIONAL:
        assert DISTRIBUTIONS.get(name, name).lower() in required, f"{name} is imported but not declared"


def imported_packages() -> set[str]:
    """Top-level packages imported by the library's code that are neither the standard library nor its own."""
    found: set[str] = set()
    for path in [*ROOT.joinpath("src").rglob("*.py"), *ROOT.joinpath("plugins").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    own = {"lawgov_score", "lawgov_dimensions", "__future__"}
    return {name for name in found if name not in own and name not in sys.stdlib_module_names}


def test_every_direct_import_is_known() -> None:
    """The list the wheel test checks is what the code really imports (openpyxl, lxml, markupsafe …)."""
    assert {"openpyxl", "lxml", "markupsafe", "jinja2", "numpy"} <= imported_packages()
