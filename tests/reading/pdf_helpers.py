"""PDFs of a report made in the tests: printed by headless Chromium, or written with fpdf2."""

from __future__ import annotations

import html
import shutil
import subprocess
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# A CJK font of the system (Debian's fonts-wqy-microhei, which CI installs).
CJK_FONTS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
)
TITLE = "宝安区2023年法治政府建设年度报告"


def cjk_font() -> Path | None:
    """The first CJK font found on the system, or ``None``."""
    return next((font for font in CJK_FONTS if font.exists()), None)


def print_with_chromium(text: str, pdf: Path) -> Path:
    """``text`` as a web page (one paragraph a line, indented, justified) printed to PDF by headless
    Chromium, with its own running header (date, title) and footer (address, page N/M)."""
    assert CHROMIUM is not None
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    page = pdf.with_suffix(".html")
    page.write_text(
        f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE}</title><style>
body {{ font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; font-size: 12pt; line-height: 1.6 }}
p {{ text-indent: 2em; margin: 0 0 .3em 0; text-align: justify }}
</style></head><body>{paragraphs}</body></html>""",
        encoding="utf-8",
    )
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    return pdf


def write_with_fpdf(text: str, pdf: Path, font: Path, copies: int = 1) -> Path:
    """``text`` (``copies`` times) as an A4 document in another layout: no indentation, space between
    paragraphs, ragged right, a running header that differs on odd and even pages, a footer
    ``第 N 页 共 M 页`` and a page number ``— N —`` in the top corner."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode

    class Report(FPDF):  # type: ignore[misc]
        def header(self) -> None:
            self.set_font("cjk", size=9)
            self.cell(0, 6, TITLE if self.page_no() % 2 else "深圳市宝安区人民政府",
                      align="C", new_x="LMARGIN", new_y="NEXT")
            self.cell(0, 5, f"— {self.page_no()} —", align="R", new_x="LMARGIN", new_y="NEXT")
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
            self.ln(4)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("cjk", size=9)
            self.cell(0, 8, f"第 {self.page_no()} 页 共 {{nb}} 页", align="C")

    document = Report(format="A4")
    document.add_font("cjk", fname=str(font))
    document.set_margins(25, 20, 25)
    document.set_auto_page_break(True, 25)
    document.add_page()
    document.set_font("cjk", size=12)
    with document.text_columns(text_align="L", line_height=1.5, wrapmode=WrapMode.CHAR) as columns:
        for _ in range(copies):
            for line in text.splitlines():
                if line.strip():
                    with columns.paragraph(bottom_margin=3) as paragraph:
                        paragraph.write(line)
    document.output(str(pdf))
    return pdf
