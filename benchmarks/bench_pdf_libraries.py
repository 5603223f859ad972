"""pypdfium2 against pdfminer.six on Chinese report PDFs: speed of bare text extraction and CJK correctness.

The PDFs are made here from the seed report in three ways real reports are produced:

* ``chromium`` — a web page printed by headless Chromium (embedded TrueType subset with a
  ToUnicode map; Chromium's own header and footer on every page);
* ``fpdf2`` — written with fpdf2 in an A4 layout with running headers and page numbers
  (embedded TrueType subset, ToUnicode map), once (5 pages) and five times over (22 pages);
* ``stsong`` — written with reportlab in the Adobe standard font STSong-Light, not embedded,
  encoded through the predefined CMap UniGB-UCS2-H and without a ToUnicode map, as many older
  government PDFs are (needs ``pip install reportlab``).

Correctness is the share of the seed's characters (whitespace left out) that each library's text
gives back in order (difflib matching blocks), and whether it contains characters the seed does
not (replacement or private-use characters, spaces inside Chinese). Speed is the median of
interleaved rounds. Needs ``pip install pdfminer.six`` (not a dependency of lawgov_score).

Usage: ``python benchmarks/bench_pdf_libraries.py [--repeat 10] [--json]``.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_3ed9f38cde86c434.txt"
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
sys.path.insert(0, str(ROOT / "tests" / "reading"))


def make_pdfs(folder: Path) -> dict[str, Path]:
    from pdf_helpers import CHROMIUM, print_with_chromium, write_with_fpdf

    text = SEED.read_text(encoding="utf-8")
    made = {"fpdf2": write_with_fpdf(text, folder / "fpdf2.pdf", FONT),
            "fpdf2 ×5": write_with_fpdf(text, folder / "fpdf2x5.pdf", FONT, copies=5)}
    if CHROMIUM is not None:
        made["chromium"] = print_with_chromium(text, folder / "chromium.pdf")
    try:
        made["stsong"] = _stsong(text, folder / "stsong.pdf")
    except ImportError:
        print("reportlab not installed: no STSong-Light PDF", file=sys.stderr)
    return made


def _stsong(text: str, path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=20, firstLineIndent=24,
                           wordWrap="CJK")

    def number(canvas: Any, document: Any) -> None:
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, 20, f"第 {document.page} 页")

    document = SimpleDocTemplate(str(path), pagesize=A4)
    document.build([Paragraph(line, style) for line in text.splitlines() if line.strip()],
                   onFirstPage=number, onLaterPages=number)
    return path


def pypdfium2_text(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return "\n".join(document[index].get_textpage().get_text_range() for index in range(len(document)))
    finally:
        document.close()


def pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(str(path)))


LIBRARIES: dict[str, Callable[[Path], str]] = {"pypdfium2": pypdfium2_text, "pdfminer.six": pdfminer_text}
_SPACE = re.compile(r"\s+")
_JUNK = re.compile("[\ufffd\ue000-\uf8ff\x00-\x08]")
_SPLIT_CHINESE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


def correctness(extracted: str) -> dict[str, float]:
    """Recall of the seed's characters in order, and characters that should not be there (spaces
    between Chinese characters count those of headers and footers such as ``第 1 页 共 5 页`` too)."""
    expected = _SPACE.sub("", SEED.read_text(encoding="utf-8"))
    got = _SPACE.sub("", extracted)
    matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return {"recall": matched / len(expected), "junk": len(_JUNK.findall(extracted)),
            "spaces_in_chinese": len(_SPLIT_CHINESE.findall(extracted))}


def timed(functions: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in functions}
    for function in functions.values():
        function()
    for _ in range(repeat):
        for name, function in functions.items():
            began = time.perf_counter()
            function()
            samples[name].append(time.perf_counter() - began)
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=10, help="interleaved rounds per PDF")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if shutil.which("chromium") is None:
        print("chromium not found: no Chromium PDF", file=sys.stderr)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, path in make_pdfs(Path(folder)).items():
            copies = 5 if "×5" in name else 1
            seconds = timed({library: (lambda f=function, p=path: f(p)) for library, function in LIBRARIES.items()},
                            args.repeat if copies == 1 else max(args.repeat // 3, 3))
            # Correctness on the single copies (difflib loses its way in five repeats of one text).
            results[name] = {library: {"ms": seconds[library] * 1e3,
                                       **(correctness(function(path)) if copies == 1 else {})}
                             for library, function in LIBRARIES.items()}
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    for name, row in results.items():
        cells = []
        for library in LIBRARIES:
            found = row[library]
            quality = (f", recall {found['recall']:.4f}, junk {found['junk']}, split {found['spaces_in_chinese']}"
                       if "recall" in found else "")
            cells.append(f"{library} {found['ms']:7.1f} ms{quality}")
        ratio = row["pdfminer.six"]["ms"] / row["pypdfium2"]["ms"]
        print(f"{name:9s} " + " | ".join(cells) + f" | pdfminer.six / pypdfium2 {ratio:.0f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
