"""The HTML report in a real headless Chromium: no console error, the radar's values, quotes that
jump to their span, keyboard use, a phone's width, print, and a malicious report that runs nothing.

Screenshots (and a PDF) go to ``test-artifacts/``. The tests skip only when no Chromium is
installed and ``CI`` is unset: in CI (``.ci/run`` installs Debian's chromium) a missing browser fails.
"""

from __future__ import annotations

import base64
import math
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from attrs import evolve
from render_cdp import Browser, find_chromium
from test_render_html import PAYLOADS, WHEN, malicious, two_years

from lawgov_score.model.assessment import Assessment
from lawgov_score.reading.model import Document
from lawgov_score.render.html import render_html

CHROMIUM = find_chromium()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("CI is set but no chromium is installed: .ci/run should have installed Debian's chromium")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    instance = Browser(CHROMIUM)
    try:
        instance.open_page()
        yield instance
    finally:
        instance.close()


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory: pytest.TempPathFactory, seed_scored: tuple[Assessment, Document, bool]) -> Path:
    assessment, document, _ = seed_scored
    path = tmp_path_factory.mktemp("html") / "seed.html"
    path.write_text(render_html([(assessment, document)], generated=WHEN), encoding="utf-8")
    return path


def load(browser: Browser, path: Path, width: int = 1280, height: int = 900, mobile: bool = False) -> None:
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    browser.navigate(path)


def in_view(browser: Browser, element_id: str) -> dict[str, Any]:
    """Where the element is, relative to the window and to its scrolling container (a span that
    starts where another does is reached through the anchor before their shared mark)."""
    result: dict[str, Any] = browser.evaluate(
        f"""(() => {{
        let el = document.getElementById({element_id!r});
        while (el.classList.contains('anchor')) {{ el = el.nextElementSibling; }}
        const r = el.getBoundingClientRect();
        const box = el.closest('.text').getBoundingClientRect();
        return {{top: r.top, bottom: r.bottom, height: r.height, inner: innerHeight,
                 boxTop: box.top, boxBottom: box.bottom, tag: el.tagName,
                 current: el.classList.contains('current'),
                 active: document.activeElement.id === {element_id!r} ? {element_id!r} : document.activeElement.id,
                 hash: location.hash}};
        }})()"""
    )
    return result


def visible(where: dict[str, Any]) -> bool:
    """Inside the window and inside the scrolling box of the report text."""
    top, bottom = float(where["top"]), float(where["bottom"])
    in_window = 0 <= top < bottom <= float(where["inner"])
    return in_window and where["boxTop"] - 1 <= top and bottom <= where["boxBottom"] + 1


def test_seed_report_renders_without_console_errors(
    browser: Browser, seed_page: Path, artifacts: Path, seed_scored: tuple[Assessment, Document, bool]
) -> None:
    load(browser, seed_page)
    assert browser.errors() == []
    assert browser.requests() == [seed_page.resolve().as_uri()]  # nothing fetched but the file itself
    assessment = seed_scored[0]
    assert browser.evaluate("document.title").startswith(assessment.unit.name)
    assert browser.evaluate("document.characterSet") == "UTF-8"
    assert browser.evaluate("document.querySelector('h1').innerText").startswith(assessment.unit.name)
    browser.screenshot(artifacts / "html-report-seed.png")


def test_radar_has_ten_axes_with_the_dimension_scores(
    browser: Browser, seed_page: Path, seed_scored: tuple[Assessment, Document, bool]
) -> None:
    load(browser, seed_page)
    axes = browser.evaluate(
        """[...document.querySelectorAll('svg.radar g.axis')].map(g => [g.dataset.code, g.dataset.value,
            g.querySelector('text').textContent])"""
    )
    points = browser.evaluate(
        """[...document.querySelectorAll('svg.radar .series-0 circle.pt')].map(c =>
            Math.hypot(+c.getAttribute('cx'), +c.getAttribute('cy')))"""
    )
    radius = browser.evaluate(
        "Math.max(...[...document.querySelectorAll('svg.radar g.axis line')].map(l => "
        "Math.hypot(+l.getAttribute('x2'), +l.getAttribute('y2'))))"
    )
    dims = seed_scored[0].dimensions
    assert len(axes) == len(points) == 10
    for (code, value, label), distance, d in zip(axes, points, dims):
        assert code == d.code and code in label
        assert any("\u4e00" <= ch <= "\u9fff" for ch in label)  # the Chinese label is there
        expected = d.score if d.score is not None else 0.0
        assert (value == "" and d.score is None) or math.isclose(float(value), expected, rel_tol=1e-4)
        assert distance / radius * 100 == pytest.approx(expected, abs=0.1)


def test_clicking_a_quote_brings_its_span_into_view(browser: Browser, seed_page: Path, artifacts: Path) -> None:
    load(browser, seed_page)
    links = browser.evaluate("[...document.querySelectorAll('.quotes a.to-span')].map(a => a.hash.slice(1))")
    assert len(links) >= 10
    for index in (0, len(links) // 2, len(links) - 1):
        target = links[index]
        x, y = browser.evaluate(
            f"""(() => {{ const a = document.querySelectorAll('.quotes a.to-span')[{index}];
            a.scrollIntoView({{block: 'center'}}); const r = a.getClientRects()[0];
            return [r.x + Math.min(r.width / 2, 8), r.y + r.height / 2]; }})()"""
        )
        browser.click(x, y)
        browser.drain(0.1)
        where = in_view(browser, target)
        assert where["tag"] == "MARK" and where["current"], where
        assert where["active"] == target and where["hash"] == f"#{target}"
        assert visible(where), where
    browser.screenshot(artifacts / "html-report-seed-after-click.png", full_page=False)
    assert browser.errors() == []


def test_keyboard_reaches_a_quote_and_enter_follows_it(browser: Browser, seed_page: Path) -> None:
    load(browser, seed_page)
    browser.press("Tab", "Tab", 9)
    assert browser.evaluate("document.activeElement.className") == "skip"
    target = browser.evaluate(
        "(() => { const a = [...document.querySelectorAll('.quotes a.to-span')].at(-2); a.focus(); "
        "return a.hash.slice(1); })()"
    )
    browser.press("Enter", "Enter", 13)
    browser.drain(0.1)
    where = in_view(browser, target)
    assert where["active"] == target and visible(where), where


def test_works_at_a_phone_width_and_prints(browser: Browser, seed_page: Path, artifacts: Path) -> None:
    load(browser, seed_page, width=390, height=844, mobile=True)
    assert browser.evaluate("document.documentElement.scrollWidth <= innerWidth + 1")
    assert browser.evaluate("getComputedStyle(document.querySelector('.evidence-layout')).gridTemplateColumns"
                            ).count("px") == 1  # one column
    browser.screenshot(artifacts / "html-report-seed-phone.png")
    load(browser, seed_page)
    browser.send("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert browser.evaluate("getComputedStyle(document.querySelector('nav.toc')).display") == "none"
        assert browser.evaluate("getComputedStyle(document.querySelector('.report-text .text')).maxHeight") == "none"
        pdf = browser.send("Page.printToPDF", {"printBackground": True})["data"]
        (artifacts / "html-report-seed.pdf").write_bytes(base64.b64decode(pdf))
    finally:
        browser.send("Emulation.setEmulatedMedia", {"media": ""})
    assert browser.errors() == []


def test_several_reports_page(
    browser: Browser, tmp_path: Path, artifacts: Path, seed_scored: tuple[Assessment, Document, bool]
) -> None:
    path = tmp_path / "several.html"
    path.write_text(render_html(two_years(seed_scored[0]), generated=WHEN), encoding="utf-8")
    load(browser, path)
    assert browser.errors() == []
    assert browser.evaluate("document.querySelectorAll('table.heat tbody tr').length") == 3
    assert browser.evaluate("document.querySelectorAll('.multiples svg.bars').length") == 3
    assert browser.evaluate("document.querySelectorAll('table.changes tbody tr').length") == 10
    assert "▲ up" in browser.evaluate("document.querySelector('table.changes').innerText")
    browser.screenshot(artifacts / "html-several-reports.png")


def test_a_malicious_report_runs_no_script(
    browser: Browser, tmp_path: Path, artifacts: Path, seed_scored: tuple[Assessment, Document, bool]
) -> None:
    assessment, document, _ = seed_scored
    path = tmp_path / "evil.html"
    path.write_text(render_html([malicious(assessment, document)], generated=WHEN), encoding="utf-8")
    load(browser, path)
    browser.evaluate("document.querySelectorAll('*').forEach(e => e.dispatchEvent(new MouseEvent('mouseover')))")
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert browser.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert browser.evaluate("document.scripts.length") == 1
    assert browser.evaluate(
        "[...document.querySelectorAll('a[href]')].every(a => a.getAttribute('href').startsWith('#'))"
    )
    text = browser.evaluate("document.querySelector('.report-text .text').innerText")
    shown = browser.evaluate("document.body.innerText")
    for payload in PAYLOADS:
        assert payload in text  # shown literally, entities included
        assert payload in shown
    assert browser.requests() == [path.resolve().as_uri()]
    assert browser.errors() == []
    browser.screenshot(artifacts / "html-malicious-report.png", full_page=False)


# -- layout at a desktop's and a phone's width ---------------------------------------------------------

LAYOUT_PROBE = """(() => {
  const box = e => { const r = e.getBoundingClientRect(); return {l: r.left, t: r.top, r: r.right, b: r.bottom,
                                                                  w: r.width, h: r.height}; };
  const radar = document.querySelector('svg.radar');
  const labels = [...radar.querySelectorAll('g.axis text')].map(t => ({...box(t),
      px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a, text: t.textContent}));
  const points = [...radar.querySelectorAll('.pt')].map(box);
  const oneLine = sel => [...document.querySelectorAll(sel)].map(e => {
      const line = parseFloat(getComputedStyle(e).lineHeight) || 1.55 * parseFloat(getComputedStyle(e).fontSize);
      return {text: e.textContent.trim(), lines: e.getBoundingClientRect().height / line}; });
  const names = [...document.querySelectorAll('.unit-name')].map(e => ({text: e.textContent.trim(),
      lines: e.getClientRects().length, h: e.getBoundingClientRect().height,
      fs: parseFloat(getComputedStyle(e).fontSize)}));
  const wraps = [...document.querySelectorAll('.table-wrap')].map(w => ({cls: w.firstElementChild.className,
      scroll: w.scrollWidth, client: w.clientWidth, right: w.getBoundingClientRect().right}));
  return {inner: innerWidth, page: document.documentElement.scrollWidth, svg: box(radar), labels, points,
          badges: oneLine('.band'), names, wraps};
})()"""


def _overlap(a: dict[str, float], b: dict[str, float], gap: float = 0.0) -> bool:
    return a["l"] < b["r"] + gap and b["l"] < a["r"] + gap and a["t"] < b["b"] + gap and b["t"] < a["b"] + gap


def _check_layout(probe: dict[str, Any], width: int) -> None:
    assert probe["inner"] == width and probe["page"] <= width + 1, "the page itself must not scroll sideways"
    labels, svg = probe["labels"], probe["svg"]
    assert labels and min(label["px"] for label in labels) >= 11, labels  # readable on a phone too
    for label in labels:
        assert svg["l"] - 1 <= label["l"] and label["r"] <= svg["r"] + 1, f"label cut off: {label}"
        assert svg["t"] - 1 <= label["t"] and label["b"] <= svg["b"] + 1, f"label cut off: {label}"
        assert not any(_overlap(label, point) for point in probe["points"]), f"label on a point: {label}"
    for i, a in enumerate(labels):
        assert not any(_overlap(a, b) for b in labels[i + 1:]), f"labels overlap: {a['text']}"
    assert all(badge["lines"] < 1.6 for badge in probe["badges"]), probe["badges"]
    assert all(name["lines"] == 1 and name["h"] < 2.2 * name["fs"] for name in probe["names"]), probe["names"]
    for wrap in probe["wraps"]:  # a wide table scrolls inside its box, never past the page
        assert wrap["right"] <= width + 1 and wrap["client"] <= width


@pytest.mark.parametrize("width", [1280, 390])
def test_the_report_at_a_desktop_and_a_phone_width(
    browser: Browser, seed_page: Path, artifacts: Path, width: int, seed_scored: tuple[Assessment, Document, bool]
) -> None:
    load(browser, seed_page, width=width, height=900, mobile=width < 500)
    _check_layout(browser.evaluate(LAYOUT_PROBE), width)
    browser.screenshot(artifacts / f"html-report-seed-{width}.png")
    # The worst case for the labels: every dimension at 100, its point on the outer ring.
    assessment, document, _ = seed_scored
    full = evolve(assessment, dimensions=[evolve(d, score=100.0) for d in assessment.dimensions])
    page = seed_page.with_name(f"full-{width}.html")
    page.write_text(render_html([(full, document)], generated=WHEN), encoding="utf-8")
    load(browser, page, width=width, height=900, mobile=width < 500)
    _check_layout(browser.evaluate(LAYOUT_PROBE), width)
    assert browser.errors() == []


@pytest.mark.parametrize("width", [1280, 390])
def test_several_units_at_a_desktop_and_a_phone_width(
    browser: Browser, tmp_path: Path, artifacts: Path, width: int, seed_scored: tuple[Assessment, Document, bool]
) -> None:
    reports = two_years(seed_scored[0])
    long_name = evolve(reports[2][0], unit=evolve(reports[2][0].unit, name="新疆维吾尔自治区伊犁哈萨克自治州人民政府"))
    path = tmp_path / "several.html"
    path.write_text(render_html([*reports[:2], (long_name, None)], generated=WHEN), encoding="utf-8")
    load(browser, path, width=width, height=900, mobile=width < 500)
    probe = browser.evaluate(LAYOUT_PROBE)
    _check_layout(probe, width)
    assert any("自治州" in name["text"] for name in probe["names"])
    heat = next(w for w in probe["wraps"] if w["cls"] == "heat")
    if width == 390:
        assert heat["scroll"] > heat["client"]  # the heat map scrolls rather than being cut
    browser.screenshot(artifacts / f"html-several-reports-{width}.png")


def test_the_evidence_is_coloured_by_dimension_and_filtered(browser: Browser, seed_page: Path, artifacts: Path) -> None:
    load(browser, seed_page)
    colours = browser.evaluate(
        "[...new Set([...document.querySelectorAll('.text mark.evidence')]"
        ".map(m => getComputedStyle(m).backgroundColor))]")
    assert len(colours) >= 8  # one colour a dimension, not the whole text one yellow
    order = browser.evaluate("[...document.querySelectorAll('.quotes li')].map(li => +li.value)")
    assert order == sorted(order) == list(range(1, len(order) + 1))  # numbered as they stand in the text
    label = browser.evaluate("""(() => { const l = [...document.querySelectorAll('fieldset.filter label')]
        .find(l => l.textContent.trim().startsWith('D5')); l.scrollIntoView({block: 'center'});
        const r = l.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()""")
    browser.click(*label)
    browser.drain(0.1)
    shown = browser.evaluate("""(() => {
        const visible = [...document.querySelectorAll('.quotes li')].filter(li => li.offsetParent !== null);
        const marks = [...document.querySelectorAll('.text mark.evidence')];
        const lit = marks.filter(m => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)');
        return {quotes: visible.map(li => li.className), lit: lit.map(m => m.dataset.dims), all: marks.length};
    })()""")
    assert shown["quotes"] and set(shown["quotes"]) == {"dim-5"}
    assert shown["lit"] and all("D5" in dims.split() for dims in shown["lit"]) and len(shown["lit"]) < shown["all"]
    browser.screenshot(artifacts / "html-report-seed-filter-D5.png", full_page=False)
    browser.evaluate("document.getElementById('f-0').click()")
    assert browser.evaluate("[...document.querySelectorAll('.quotes li')].every(li => li.offsetParent !== null)")
    assert browser.errors() == []
