"""The documentation: it builds with warnings as errors, and documents every hook, command and indicator."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lawgov_score import hookspecs

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
TESTS = ROOT / "tests"
HOOKS = sorted(name for name in vars(hookspecs) if name.startswith("lawgov_score_"))


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Build the HTML docs once, as CI does: ``sphinx-build -W --keep-going``."""
    out = tmp_path_factory.mktemp("docs-html")
    # The pages show what the installed plugins provide: no switch of the caller's may hide one.
    env = {key: value for key, value in os.environ.items() if not key.startswith("LAWGOV_SCORE_")}
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html"]
    command += ["-d", str(out / ".doctrees"), str(DOCS), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    return result, out


def page(out: Path, name: str) -> str:
    path = out / f"{name}.html"
    assert path.is_file(), f"the build wrote no {path.name}"
    return path.read_text(encoding="utf-8")


def test_docs_build_without_warnings(build: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    """``sphinx-build -W --keep-going -b html docs`` succeeds: no warning anywhere in the docs."""
    result, _ = build
    assert result.returncode == 0, f"sphinx-build failed:\n{result.stderr}"


def test_hooks_exist() -> None:
    """The hook specification module declares hooks (so the checks below check something)."""
    assert HOOKS, "no lawgov_score_* functions in lawgov_score.hookspecs"


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_section_in_the_hook_reference(hook: str) -> None:
    """Every hook in lawgov_score.hookspecs is a heading of docs/hooks.md."""
    headings = re.findall(r"^#{1,6}\s+`?([\w.]+)`?\s*$", (DOCS / "hooks.md").read_text(encoding="utf-8"), re.M)
    assert hook in headings, f"{hook} has no section in docs/hooks.md"


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_test(hook: str) -> None:
    """Every hook in lawgov_score.hookspecs is named in some test file other than this one."""
    files = [path for path in TESTS.rglob("*.py") if path.name != Path(__file__).name]
    users = [path for path in files if hook in path.read_text(encoding="utf-8")]
    assert users, f"{hook} is not mentioned in any file under tests/: it has no test of its own"


def test_cli_page_shows_every_subcommand(build: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    """docs/cli.md shows the generated --help of every lawgov-score subcommand."""
    import argparse

    from lawgov_score.cli import build_parser

    _, out = build
    text = html.unescape(re.sub(r"<[^>]+>", "", page(out, "cli")))
    actions = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    names = [name for action in actions for name in action.choices]
    assert names, "lawgov-score has no subcommands"
    missing = [name for name in names if f"$ lawgov-score {name} --help" not in text]
    assert not missing, f"subcommands without their --help in docs/cli.md: {missing}"


def test_catalogue_lists_every_installed_dimension_and_indicator(
    build: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    """The generated catalogue page names every installed dimension code and indicator id."""
    from docutils.nodes import make_id

    from lawgov_score.framework import default_framework

    _, out = build
    text = page(out, "catalogue")
    framework = default_framework()
    assert framework.dimensions, "no dimension is installed"
    missing_codes = [d.code for d in framework.dimensions if f'id="{make_id("dimension-" + d.code)}"' not in text]
    assert not missing_codes, f"dimensions without a section in the catalogue: {missing_codes}"
    literals = set(re.findall(r'<span class="pre">([^<]*)</span>', text))
    missing_ids = [i.id for d in framework.dimensions for i in d.indicators if html.escape(i.id) not in literals]
    assert not missing_ids, f"indicators missing from the catalogue: {missing_ids}"
