"""A plugin that fails anywhere — importing, registering, declaring, defining, reading, in a
panel hook or method, while scoring — is named, left out and listed as broken; the scores that
needed it are withheld; ``--strict`` makes any of it an error. Never a traceback."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from failing_plugins import CASES
from robust_helpers import ASEM, Run, assert_failed_well, install_plugins, plugin_env, run_process

from lawgov_score.errors import PluginError
from lawgov_score.plugin_guard import faults
from lawgov_score.plugins import get_plugin_manager, register

VALUES = "unit,year,z1.value\n甲区,2023,0.5\n"
# Broken before anything is scored, and those whose fault shows when the panel's methods are collected.
METHOD_HOOKS = ("lawgov_score_register_normalisers", "lawgov_score_register_aggregators")
EARLY = [name for name, (stage, _) in CASES.items() if stage not in METHOD_HOOKS]
PANEL = [name for name, (stage, _) in CASES.items() if stage in METHOD_HOOKS]
REPORT = "2023年，本区推进法治政府建设。\n一、加强行政复议\n全年办理行政复议案件120件，办结115件。\n"


@pytest.mark.parametrize("name", list(CASES))
def test_a_broken_plugin_is_listed_with_its_stage_and_cause(
    name: str, plugins_installed: Callable[..., Path], cli: Callable[..., Run]
) -> None:
    """``plugins`` exits 0 and lists the plugin as broken, by entry point, distribution and version."""
    plugins_installed(name, "good")
    run = cli("plugins", "--format", "json")
    assert run.status == 0 and "Traceback" not in run.err, run.err
    rows = {row["name"]: row for row in json.loads(run.out)}
    stage, cause = CASES[name]
    row = rows[name]
    assert (row["status"], row["stage"], row["distribution"], row["version"]) == (
        "broken",
        stage,
        "failing-plugins",
        "0.9",
    )
    assert cause in row["error"] and row["module"] == f"failing_plugins:{name}"
    assert rows["good"]["status"] == "ok" and rows["good"]["dimensions"] == ["Z1"]
    assert rows["d01"]["status"] == "ok"


@pytest.mark.parametrize("name", EARLY)
def test_scoring_goes_on_without_a_broken_plugin(
    name: str, plugins_installed: Callable[..., Path], cli: Callable[..., Run], tmp_path: Path
) -> None:
    """The others score; a warning names the plugin; a broken plugin that declares dimensions
    withholds the overall score (its dimensions are missing), one that does not leaves it."""
    plugins_installed(name, "good")
    values = tmp_path / "values.csv"
    values.write_text(VALUES, encoding="utf-8")
    run = cli("score-table", str(values), "--format", "json")
    assert run.status == 0 and "Traceback" not in run.err, run.err
    assert (
        f"lawgov-score: warning: plugin {name!r} (entry point failing_plugins:{name}, distribution failing-plugins 0.9)"
        in run.err
    )
    [assessment] = json.loads(run.out)["assessments"]
    assert assessment["dimension" + "s"][-1]["code"] == "Z1" and assessment["dimensions"][-1]["score"] == 50.0
    withheld = [f["plugin"] for f in assessment["failures"]]
    declares = "register" in name or "definition" in name or name == "extra_argument"
    assert (withheld == [name]) == declares and (assessment["overall"] is None) == declares


@pytest.mark.parametrize("name", list(CASES))
def test_strict_makes_a_broken_plugin_an_error(
    name: str, plugins_installed: Callable[..., Path], cli: Callable[..., Run], tmp_path: Path
) -> None:
    plugins_installed(name, "good")
    values = tmp_path / "values.csv"
    values.write_text(VALUES, encoding="utf-8")
    out = tmp_path / "out.json"
    if name in PANEL:
        run = cli("rank", str(values), "--pipeline", str(_rank_with("minmax", tmp_path)), "--strict", "-o", str(out))
    else:
        run = cli("score-table", str(values), "--strict", "-o", str(out))
    assert_failed_well(
        run,
        f"plugin {name!r} (entry point failing_plugins:{name}, distribution failing-plugins 0.9) "
        f"failed in {CASES[name][0]}",
    )
    assert not out.exists()


@pytest.mark.parametrize("name", PANEL)
def test_rank_goes_on_without_a_broken_panel_plugin(
    name: str, plugins_installed: Callable[..., Path], cli: Callable[..., Run], tmp_path: Path
) -> None:
    plugins_installed(name)
    values = tmp_path / "values.csv"
    values.write_text("unit,a,b\nA,1,2\nB,2,1\nC,3,3\n", encoding="utf-8")
    run = cli("rank", str(values), "--pipeline", str(_rank_with("minmax", tmp_path)), "--format", "json")
    assert run.status == 0 and "Traceback" not in run.err
    assert f"warning: plugin {name!r}" in run.err and f"failed in {CASES[name][0]}" in run.err
    assert [u["ranks"][json.loads(run.out)["index"]] for u in json.loads(run.out)["units"]] == [2, 2, 1]


def test_on_the_command_line_too(tmp_path: Path) -> None:
    """The same from a new process, every broken plugin installed at once (SystemExit included)."""
    root = install_plugins(tmp_path / "site", [*CASES, "good"])
    result = run_process("plugins", env=plugin_env(root))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert result.stdout.count("broken in") == len(CASES)


@pytest.mark.parametrize(
    ("name", "warning"),
    [
        ("reader_raises", "failed in lawgov_score_read_document: UnicodeError: the reader's codec table is missing"),
        (
            "reader_returns_text",
            "failed in lawgov_score_read_document: returned a str, expected (text, format, encoding[, warnings])",
        ),
    ],
)
def test_a_failing_reader_is_left_out_and_the_next_reads(
    name: str, warning: str, plugins_installed: Callable[..., Path], cli: Callable[..., Run], tmp_path: Path
) -> None:
    plugins_installed(name)
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    run = cli("score", str(report), "--format", "json")
    assert run.status == 0 and warning in run.err and "Traceback" not in run.err, run.err
    assert json.loads(run.out)["assessments"][0]["provenance"]["source"] == str(report)
    assert_failed_well(cli("score", str(report), "--strict"), warning.split(":")[0])


def test_a_reader_that_refuses_a_file_is_an_input_error(
    plugins_installed: Callable[..., Path], cli: Callable[..., Run], tmp_path: Path
) -> None:
    """An InputError from a reader is its word on the file, not a fault of the plugin."""
    plugins_installed("reader_refuses")
    report = tmp_path / "report.zzz"
    report.write_text(REPORT, encoding="utf-8")
    assert_failed_well(cli("score", str(report)), f"{report}: the ZZZ file is truncated")
    rows = {row["name"]: row for row in json.loads(cli("plugins", "--format", "json").out)}
    assert rows["reader_refuses"]["status"] == "ok"


def _rank_with(method: str, tmp_path: Path) -> Path:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"steps": [{"step": "normalise", "method": method}]}), encoding="utf-8")
    return spec


@pytest.mark.parametrize(
    ("method", "message"),
    [
        ("explode", "normaliser 'explode' of plugin 'methods_that_fail' failed: ZeroDivisionError"),
        ("infinite", "normaliser 'infinite' of plugin 'methods_that_fail' returned an infinite value"),
    ],
)
def test_a_plugin_method_that_fails_is_named(
    method: str, message: str, plugins_installed: Callable[..., Path], cli: Callable[..., Run], tmp_path: Path
) -> None:
    plugins_installed("methods_that_fail")
    out = tmp_path / "ranks.json"
    run = cli("rank", str(ASEM / "ASEM_iData.csv"), "--pipeline", str(_rank_with(method, tmp_path)), "-o", str(out))
    assert_failed_well(run, message)
    assert not out.exists()


def test_a_shadowing_plugin_never_changes_a_method(
    plugins_installed: Callable[..., Path], cli: Callable[..., Run], tmp_path: Path
) -> None:
    """A plugin that registers ``minmax`` again is left out; the built-in minmax runs, with a warning."""
    spec = str(ASEM / "asem-pipeline.json")
    data = str(ASEM / "ASEM_iData.csv")
    plain = cli("rank", data, "--pipeline", spec)
    plugins_installed("shadows_minmax")
    shadowed = cli("rank", data, "--pipeline", spec)
    assert shadowed.status == 0 and shadowed.out == plain.out
    assert "plugin 'shadows_minmax'" in shadowed.err and "'minmax', a name already taken" in shadowed.err


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("exits_in_assess", "SystemExit"),
        ("assess_returns_text", "TypeError"),
        ("nan_observation", "ValueError"),
    ],
)
def test_a_dimension_failing_while_scoring_is_a_recorded_failure(
    name: str, error: str, plugins_installed: Callable[..., Path], cli: Callable[..., Run], tmp_path: Path
) -> None:
    """SystemExit, an answer that is not observations, NaN in an observation: a Failure with the
    plugin's name, the overall withheld, the JSON valid (no NaN); ``--strict`` makes it exit 2."""
    plugins_installed(name)
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    values = tmp_path / "values.csv"
    values.write_text(VALUES, encoding="utf-8")
    command = ("score", str(report))
    run = cli(*command, "--format", "json")
    assert run.status == 0 and "Traceback" not in run.err, run.err
    [assessment] = json.loads(run.out, parse_constant=lambda c: pytest.fail(f"{c} in the JSON"))["assessments"]
    [failure] = assessment["failures"]
    assert (failure["dimension"], failure["plugin"], failure["error"]) == ("Z1", name, error)
    assert assessment["overall"] is None
    assert_failed_well(cli(*command, "--strict"), f"dimension Z1 (plugin {name!r}) failed: {error}")


def test_a_plugin_registered_by_hand_is_checked_too() -> None:
    """``plugins.register`` gives a hand-registered plugin the checks of an installed one."""
    import failing_plugins

    pm = get_plugin_manager(autoload=False)
    assert register(pm, failing_plugins.extra_argument, "by-hand") is None
    [fault] = faults(pm)
    assert (fault.name, fault.stage) == ("by-hand", "register") and "config" in fault.error
    assert register(pm, failing_plugins.good, "good") == "good"
    strict = get_plugin_manager(autoload=False, strict=True)
    with pytest.raises(
        PluginError, match=r"plugin 'unknown' .* failed in register: it implements hooks that do not exist"
    ):
        register(strict, failing_plugins.unknown_hook, "unknown")
