"""Copies of the seed for the batch tests, each its own district (importable by name)."""

from __future__ import annotations

from pathlib import Path

from paths import SEED

STEMS = "甲乙丙丁戊己庚辛壬癸"


def copy_of_seed(index: int) -> str:
    """The seed with its issuer renamed (示例乙区 for copy 0, 示例乙甲区 for copy 9): a unit of its own."""
    name = "示例" + "".join(STEMS[int(digit)] for digit in str(index + 1)) + "区"
    text = SEED.read_text(encoding="utf-8")
    return text.replace("深圳市宝安区人民政府", f"{name}人民政府").replace("宝安区", name)


def write_reports(folder: Path, count: int, start: int = 0) -> list[Path]:
    """``count`` copies of the seed in ``folder``, named in input order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(start, start + count):
        path = folder / f"r{index:03d}.txt"
        path.write_text(copy_of_seed(index), encoding="utf-8")
        paths.append(path)
    return paths


def dies_on_the_second(assessment: object, document: object) -> str:
    """A product that ends its worker process abruptly on the second copy, 示例丙区 (as the
    out-of-memory killer or a crash in a C library would), and names the report otherwise."""
    import os

    unit = getattr(assessment, "unit", None)
    if unit is not None and "丙区" in unit.name:
        os._exit(1)
    return str(getattr(unit, "name", ""))
