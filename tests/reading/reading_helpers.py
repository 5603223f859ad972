"""Helpers of the reading tests: the same report as different users receive it."""

from __future__ import annotations

import html
from pathlib import Path

REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports"
FULL_WIDTH = {char: chr(ord(char) + 0xFEE0) for char in "0123456789,:;()%.!?"}


def full_width(text: str) -> str:
    """``text`` with full-width digits and punctuation and ideographic-space indentation."""
    return "".join(FULL_WIDTH.get(char, char) for char in text).replace("\n", "\n\u3000\u3000")


def html_page(text: str, charset: str = "utf-8") -> str:
    """``text`` as the article of a government web page, with navigation, scripts and styles."""
    paragraphs = "\n".join(f'<p style="text-indent:2em">{html.escape(line)}</p>' for line in text.splitlines())
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>法治政府建设年度报告</title>
<style>.nav {{ color: red }} p {{ margin: 0 }}</style>
<script>var menu = "一、首页 二、政务公开 3.5万次";</script></head>
<body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 法治政府建设</div>
<header><h1>某某区人民政府门户网站</h1><ul><li>1、机构概况</li><li>2、政策文件</li></ul></header>
<div class="article-content">
{paragraphs}
</div>
<footer>主办单位：某某区人民政府办公室 网站标识码 4403060001 版权所有 2024</footer>
<script>document.write("访问量 12345 次")</script>
</body></html>
"""


def save_docx(text: str, path: Path) -> Path:
    """Save ``text`` as a DOCX document, one paragraph a line."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))
    return path


def words(text: str) -> list[str]:
    """Tokens written as one space-separated string (Chinese tokens hold no spaces)."""
    return text.split()
