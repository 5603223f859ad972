"""The entry points found without importlib.metadata are the ones importlib.metadata finds."""

from __future__ import annotations

import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

from lawgov_score import entry_points
from lawgov_score.entry_points import GROUP, EntryPoint, installed


def by_importlib() -> tuple[EntryPoint, ...]:
    found = [EntryPoint(ep.name, ep.value, ep.dist.name if ep.dist else "?", ep.dist.version if ep.dist else "?")
             for ep in metadata.entry_points(group=GROUP)]
    return tuple(sorted(found, key=lambda ep: ep.name))


def distribution(root: Path, folder: str, name: str, version: str, entry_points_txt: str) -> None:
    dist = root / folder
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n\nName: not a header\n",
                                   encoding="utf-8")
    (dist / "entry_points.txt").write_text(entry_points_txt, encoding="utf-8")


def test_the_installed_plugins_are_found_as_importlib_finds_them() -> None:
    assert installed() == by_importlib()
    assert {ep.name for ep in installed()} >= {"core_readers", "d01", "d10", "p2"}


def test_folders_on_the_path_are_read_with_importlibs_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sections of other groups and comments are skipped, an egg-info folder counts, and of two
    distributions of one (normalised) name the first on the path wins."""
    first, second = tmp_path / "first", tmp_path / "second"
    distribution(first, "Acme_Plugins-1.0.dist-info", "Acme-Plugins", "1.0",
                 "# plugins\n[console_scripts]\nacme = acme:main\n\n[lawgov_score]\nacme_d1 = acme.d1\n"
                 "# another comment\nacme_d2 = acme.d2:Plugin [extra]\n")
    distribution(second, "acme.plugins-2.0.dist-info", "acme.plugins", "2.0", "[lawgov_score]\nacme_old = acme.old\n")
    distribution(second, "legacy.egg-info", "legacy", "0.1", "[lawgov_score]\nlegacy = legacy_mod\n")
    monkeypatch.syspath_prepend(str(second))
    monkeypatch.syspath_prepend(str(first))
    found = installed()
    assert found == by_importlib()
    names = {ep.name: ep for ep in found}
    assert names["acme_d2"] == EntryPoint("acme_d2", "acme.d2:Plugin [extra]", "Acme-Plugins", "1.0")
    assert "acme_old" not in names and names["legacy"].version == "0.1"


def test_a_zip_on_the_path_is_left_to_importlib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: zipped\nVersion: 1.0\n")
        zipped.writestr("zipped-1.0.dist-info/entry_points.txt", "[lawgov_score]\nzipped = zipped_mod\n")
    monkeypatch.syspath_prepend(str(archive))
    assert entry_points._from_folders(GROUP, tuple(sys.path)) is None
    assert "zipped" in {ep.name for ep in installed()} and installed() == by_importlib()


def test_an_entry_point_loads_its_attribute() -> None:
    assert EntryPoint("x", "lawgov_score.entry_points:EntryPoint.load", "?", "?").load() is EntryPoint.load
    with pytest.raises(ValueError, match="names no module"):
        EntryPoint("x", "not a module", "?", "?").load()
