"""HTML pages: the article's text with its paragraph breaks, without the page's furniture.

lxml parses the page (``huge_tree``, so that a long attribute or text node is not cut short),
navigation, headers, footers, scripts and styles are removed, and inscriptis renders the rest
with its block structure. A page nested deeper than either can follow (libxml2 stops at a few
thousand levels, inscriptis recurses) is read as flat text instead — every character kept, one
block a line, with a warning — never cut short.
"""

from __future__ import annotations

import html as entities
import re

from lawgov_score.errors import InputError
from lawgov_score.reading.decode import decode_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
# Page furniture: removed before the page becomes text.
_FURNITURE_TAGS = ("nav", "header", "footer", "aside", "script", "style", "noscript", "template",
                   "iframe", "form", "button", "select", "svg", "canvas")
_FURNITURE_NAMES = re.compile(
    r"(?:^|[\s_-])(?:nav|nav[-_]?bar|navigation|menu|breadcrumbs?|crumbs?|footer|header|top[-_]?bar|"
    r"side[-_]?bar|share|tool[-_]?bar|pagination|copyright|banner|search|login)(?:$|[\s_-])",
    re.IGNORECASE,
)
# A container named like furniture is kept when it holds this share of the page's text: some
# sites wrap the whole article in <div class="main-header-content">.
_FURNITURE_MAX_SHARE = 0.3
_CJK_GAP = re.compile(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) (?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])")
# Deeper pages are read as flat text: inscriptis renders a tree recursively, one frame a level.
MAX_TREE_DEPTH = 250
_HIDDEN_START = re.compile(r"<!--|<(script|style|noscript|template)\b", re.IGNORECASE)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|li|tr|td|th|table|section|article|blockquote|pre|ul|ol|dd|dt|hr)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")


def read_html(data: bytes, source: str, warnings: list[str] | None = None) -> tuple[str, str, str]:
    """The text of an HTML page with its paragraph breaks, without navigation, scripts and styles.

    :param warnings: where a warning is added when decoding replaces a few invalid bytes, or when
        the page is too deeply nested to be read with its layout.
    """
    from inscriptis import Inscriptis
    from inscriptis.css_profiles import CSS_PROFILES
    from inscriptis.model.config import ParserConfig
    from lxml import etree, html

    declared = _META_CHARSET.search(data[:8192])
    markup, encoding = decode_bytes(data, source, declared.group(1).decode("ascii") if declared else None,
                                    warnings=warnings)
    # lxml refuses str input that carries an encoding declaration.
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)
    parser = html.HTMLParser(huge_tree=True)
    try:
        tree = html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise InputError(f"the HTML page cannot be parsed: {error}", source) from None
    too_deep = any("depth" in entry.message.lower() for entry in parser.error_log)
    depth = _depth(tree, etree)
    if too_deep or depth > MAX_TREE_DEPTH:
        if warnings is not None:
            warnings.append(f"the page is nested {'thousands of' if too_deep else depth} levels deep (more than "
                            f"{MAX_TREE_DEPTH}): read as flat text, one block a line, with navigation and other "
                            "page furniture left in")
        text = flat_text(markup)
    else:
        _drop_furniture(tree)
        # The strict profile adds no spaces around inline elements, which would split Chinese words.
        config = ParserConfig(css=CSS_PROFILES["strict"].copy())
        text = Inscriptis(tree, config).get_text()
        # Line breaks inside the markup become spaces in HTML; between Chinese characters they are noise.
        text = "\n".join(_CJK_GAP.sub("", line) for line in text.splitlines())
    if not text.strip():
        raise InputError("the HTML page holds no text", source)
    return text, "html", encoding


def _depth(tree: object, etree: object) -> int:
    """How deeply the page's elements nest, found without recursion."""
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):  # type: ignore[attr-defined]
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def flat_text(markup: str) -> str:
    """The text of a page without its tags, scripts, styles and comments, a line per block element:
    one pass over the markup, whatever its nesting."""
    kept: list[str] = []
    lowered = markup.lower()
    position = 0
    while True:
        found = _HIDDEN_START.search(markup, position)
        if found is None:
            kept.append(markup[position:])
            break
        kept.append(markup[position:found.start()])
        if found.group() == "<!--":
            end = markup.find("-->", found.end())
            position = end + 3
        else:
            end = lowered.find(f"</{found.group(1).lower()}", found.end())
            position = markup.find(">", end) + 1 if end >= 0 else -1
        if end < 0 or position <= 0:
            break  # never closed: the rest is hidden, as in a browser
    text = entities.unescape(_ANY_TAG.sub("", _BLOCK_TAG.sub("\n", "".join(kept))))
    lines = (_CJK_GAP.sub("", " ".join(line.split())) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _drop_furniture(tree: object) -> None:
    """Remove navigation, scripts, styles and other page furniture from a parsed page in place."""
    for tag in _FURNITURE_TAGS:
        for element in list(tree.iter(tag)):  # type: ignore[attr-defined]
            _remove(element)
    total = len(tree.text_content()) or 1  # type: ignore[attr-defined]
    for element in list(tree.iter()):  # type: ignore[attr-defined]
        if not isinstance(element.tag, str) or element.tag in ("html", "body"):
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if (names.strip() and _FURNITURE_NAMES.search(names)
                and len(element.text_content()) / total < _FURNITURE_MAX_SHARE):
            _remove(element)


def _remove(element: object) -> None:
    # Keep the tail: it is text of the parent that follows the removed element.
    parent = element.getparent()  # type: ignore[attr-defined]
    if parent is None:
        return
    tail = element.tail  # type: ignore[attr-defined]
    if tail:
        previous = element.getprevious()  # type: ignore[attr-defined]
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
