"""Plugins load from real entry points: failures are named, and third-party plugins just work."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from lawgov_score.errors import PluginError
from lawgov_score.plugins import describe_plugins, get_plugin_manager, load_dimensions
from paths import ROOT


def make_distribution(root: Path, name: str, version: str, module: str, code: str) -> None:
    """A real installed distribution (dist-info + module) in ``root``, found through sys.path."""
    dist = root / f"{name}-{version}.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[lawgov_score]\n{name} = {module}\n", encoding="utf-8")
    (root / f"{module}.py").write_text(code, encoding="utf-8")


BUILTIN = [f"D{i}" for i in range(1, 11)] + [f"P{i}" for i in range(2, 10)]
"""The ten dimensions of the 2021–2025 outline, then the eight parts of the 2015–2020 one."""


def test_builtin_dimensions_load_from_entry_points() -> None:
    codes = [plugin.code for plugin in load_dimensions(get_plugin_manager())]
    assert codes == BUILTIN


def test_blocked_plugins_are_not_loaded() -> None:
    pm = get_plugin_manager(["d03"])
    assert "D3" not in [plugin.code for plugin in load_dimensions(pm)]
    assert next(i for i in describe_plugins(pm) if i.name == "d03").error == "disabled"


def test_hook_tracing_shows_each_plugins_dimensions(capfd: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """With LAWGOV_SCORE_TRACE_HOOKS, every plugin's lawgov_score_register_dimensions call is traced."""
    monkeypatch.setenv("LAWGOV_SCORE_TRACE_HOOKS", "1")
    dimensions = load_dimensions(get_plugin_manager())
    traced = capfd.readouterr().err
    assert traced.count("lawgov_score_register_dimensions") >= len(dimensions) == len(BUILTIN)


def test_import_failure_is_reported_with_its_origin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_distribution(tmp_path, "acme_broken", "0.3", "acme_broken_mod", "raise ImportError('needs acme-core')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    pm = get_plugin_manager()
    [info] = [i for i in describe_plugins(pm) if i.name == "acme_broken"]
    assert (info.distribution, info.version, info.module) == ("acme_broken", "0.3", "acme_broken_mod")
    assert (info.status, info.stage, info.error) == ("broken", "import", "ImportError: needs acme-core")
    assert len(load_dimensions(pm)) == len(BUILTIN)  # the others still load
    with pytest.raises(
        PluginError, match=r"plugin 'acme_broken' \(entry point acme_broken_mod, distribution acme_broken 0.3\)"
    ):
        get_plugin_manager(strict=True)


def test_import_failure_on_the_command_line(tmp_path: Path) -> None:
    make_distribution(tmp_path, "acme_broken", "0.3", "acme_broken_mod", "import acme_core_missing\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "lawgov_score", "plugins"], capture_output=True, text=True, env=env)
    assert result.returncode == 0
    assert (
        "acme_broken" in result.stdout and "ModuleNotFoundError: No module named 'acme_core_missing'" in result.stdout
    )


@pytest.mark.slow
def test_example_plugin_in_a_fresh_virtual_environment(tmp_path: Path) -> None:
    """Install lawgov-score (as a wheel) and the example plugin into a new venv: S1 is listed and scored."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # Dependencies (and the build backend) come from the test environment; the packages under test do not.
    Path(site, "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    for project in (ROOT, ROOT / "docs" / "examples" / "lawgov-score-satisfaction"):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "--python",
                str(python),
                "install",
                "--quiet",
                "--no-deps",
                "--no-build-isolation",
                "--no-index",
                str(project),
            ],
            check=True,
        )
    command = venv / "bin" / "lawgov-score"
    plugins = json.loads(
        subprocess.run([str(command), "plugins", "--format", "json"], capture_output=True, text=True, check=True).stdout
    )
    [satisfaction] = [row for row in plugins if row["name"] == "satisfaction"]
    assert satisfaction["distribution"] == "lawgov-score-satisfaction" and satisfaction["dimensions"] == ["S1"]
    values = tmp_path / "values.csv"
    values.write_text("unit,year,s1.survey_satisfaction\n甲区,2023,0.9\n", encoding="utf-8")
    scored = json.loads(
        subprocess.run(
            [str(command), "score-table", str(values), "--format", "json"], capture_output=True, text=True, check=True
        ).stdout
    )
    [assessment] = scored["assessments"]  # one unit: the same shape as many
    s1 = next(d for d in assessment["dimensions"] if d["code"] == "S1")
    assert s1["score"] == pytest.approx(75.0)
    # Every output names what each plugin contributed.
    contributed = {p["name"]: p["dimensions"] for p in assessment["provenance"]["plugins"]}
    assert contributed["satisfaction"] == ["S1"] and contributed["d01"] == ["D1"]
    # The wheel carries the schemas and the seed.
    located = subprocess.run(
        [
            str(python),
            "-c",
            "from lawgov_score.schemas import schema_dir; from lawgov_score.seeds import seed_path;"
            "print(schema_dir()); print(seed_path())",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert all(path.startswith(site) for path in located)


def test_the_installed_plugins_manager_is_built_once_per_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    """score_report() and Scorer.create() without a plugin manager share one, built once per process
    for each plugin setting; a disabled plugin gives another."""
    from lawgov_score import plugins
    from lawgov_score.scoring import Scorer, score_report
    from paths import SEED

    plugins.installed_plugin_manager.cache_clear()  # type: ignore[attr-defined]
    built: list[int] = []
    real = plugins.get_plugin_manager
    monkeypatch.setattr(plugins, "get_plugin_manager", lambda *a, **k: built.append(1) or real(*a, **k))
    first = score_report(SEED)
    assert score_report(SEED) == first and len(built) == 1
    assert Scorer.create().plugin_manager is plugins.installed_plugin_manager()
    monkeypatch.setenv("LAWGOV_SCORE_DISABLE_PLUGINS", "d03")
    assert "D3" not in [d.code for d in Scorer.create().framework.dimensions] and len(built) == 2
    plugins.installed_plugin_manager.cache_clear()  # type: ignore[attr-defined]
