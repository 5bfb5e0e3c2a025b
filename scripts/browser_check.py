#!/usr/bin/env python3
"""Opens the pages of `extract --html` in headless Chromium and checks, in the DOM, that
every span the JSON gives is highlighted over the right words; saves a screenshot.

    python3 scripts/browser_check.py

For each page: the events' JSON is walked here (every object with a "span", every
"*_span", every evidence span), the words of each span are cut from the article's UTF-8
bytes, and a copy of the page gets an inline script that looks each one up by its
data attributes, compares the text under it (the pieces of a cut mark joined), checks it is
painted and labelled, that no mark is drawn that the JSON does not give, and that the page
shows the article unchanged; it writes PASS or FAIL into the DOM, which
`chromium --dump-dom` prints. The pages: two articles of our own extracted by the
`extract` example, and a page of constructed events of every kind with crossing spans,
written by `cargo test --test lib export::every_kind_page_for_the_browser_check`.

The checker checks itself: a page with one mark moved and one with a word changed must
fail. Exit status 1 on any failure. Screenshots: target/page.png (the first article) and
target/page-every-kind.png. Nothing leaves the machine: file:// pages whose
Content-Security-Policy forbids any fetch.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
OUT = TARGET / "browser"

# Our own articles: non-ASCII letters, HTML characters, CR LF line ends, several events.
ARTICLES = [
    (
        "kharkiv",
        "2024-03-04",
        "KYIV, March 4 (Example Wire) \u2013 Russian missiles struck the centre of Kharkiv on "
        "Sunday, killing at least 9 civilians and wounding 23, the region\u2019s governor "
        "said.\r\n\r\nRescuers searched the rubble of a five-storey building & a school "
        "\u201cuntil dawn\u201d. <Photos> showed cars burning.\r\n\r\nUkrainian drones hit an "
        "oil depot in Russia\u2019s Belgorod region overnight, Russian officials said. "
        "Ukrainian troops repelled a Russian assault near Avdiivka on Saturday after hours "
        "of fighting.\r\n\r\nIn Lviv, about 200 people rallied on Saturday, demanding the "
        "return of prisoners of war. The war has killed tens of thousands of people since "
        "2022.\r\n",
    ),
    (
        "idlib",
        "2019-05-13",
        "Share\n\nSyrian government helicopters dropped barrel bombs on the town of "
        "Kafr Nabl in Idlib province on Sunday, killing 7 people, among them two "
        "children, the Syrian Observatory for Human Rights said. Turkish-backed rebels "
        "shelled Syrian army positions near Ma\u2019arrat al-Nu\u2019man, the group said "
        "in a statement on Telegram.\n\nAdvertisement\n",
    ),
]

CHECK_JS = r"""
(function () {
  var expected = __EXPECTED__, article = __ARTICLE__;
  var fails = [], checked = 0;
  function q(sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); }
  function painted(el) {
    var cs = getComputedStyle(el);
    var bg = cs.backgroundImage !== 'none' ||
      (cs.backgroundColor !== 'rgba(0, 0, 0, 0)' && cs.backgroundColor !== 'transparent');
    return bg && el.getClientRects().length > 0 && cs.visibility === 'visible';
  }
  expected.forEach(function (x) {
    var where = '[data-start="' + x.start + '"][data-end="' + x.end + '"]';
    var els = x.field === null
      ? q('#text span.ev' + where).filter(function (e) {
          return e.getAttribute('data-events').split(' ').indexOf(String(x.event)) >= 0;
        })
      : q('#text mark.f[data-event="' + x.event + '"][data-field="' + x.field + '"]' + where);
    var what = 'event ' + x.event + ' ' + (x.field || 'evidence') +
      ' [' + x.start + ', ' + x.end + ')';
    if (x.text === null) {
      if (els.length) fails.push(what + ': drawn, but the span is not in the text');
      return;
    }
    if (!els.length) { fails.push(what + ': not highlighted'); return; }
    var got = els.map(function (e) { return e.textContent; }).join('');
    if (got !== x.text) {
      fails.push(what + ': highlights ' + JSON.stringify(got) + ' but the span is ' +
        JSON.stringify(x.text));
    }
    els.forEach(function (e) { if (!painted(e)) fails.push(what + ': not painted'); });
    if (x.field !== null) {
      var last = els[els.length - 1];
      if (last.title.indexOf(x.field) < 0) fails.push(what + ': no name on hover');
      var lbl = last.querySelector(':scope > .lbl');
      var content = lbl ? getComputedStyle(lbl, '::after').content : '';
      if (content.indexOf(x.field) < 0) fails.push(what + ': no label');
    }
    checked++;
  });
  var given = {};
  expected.forEach(function (x) {
    if (x.field !== null) given[[x.event, x.field, x.start, x.end].join(' ')] = true;
  });
  q('#text mark.f').forEach(function (m) {
    var k = ['data-event', 'data-field', 'data-start', 'data-end']
      .map(function (a) { return m.getAttribute(a); }).join(' ');
    if (!given[k]) fails.push('a mark the JSON does not give: ' + k);
  });
  if (document.getElementById('text').textContent !== article) {
    fails.push('the page does not show the article unchanged');
  }
  var out = document.createElement('pre');
  out.id = 'browser-check';
  out.textContent = fails.length ? 'BROWSER-CHECK FAIL\n' + fails.join('\n')
                                 : 'BROWSER-CHECK PASS ' + checked;
  document.body.appendChild(out);
})();
"""


def is_span(v):
    return (isinstance(v, list) and len(v) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in v))


def walk(value, path, out):
    """(field path, span) of every object with a "span" and every "*_span" key."""
    if isinstance(value, dict):
        for key, v in value.items():
            if key == "span" and is_span(v):
                out.append((path, v))
            elif key.endswith("_span") and is_span(v):
                out.append((join(path, key[: -len("_span")]), v))
            elif not (path == "" and key == "evidence"):
                walk(v, join(path, key), out)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            walk(v, f"{path}[{i}]", out)


def join(path, key):
    return f"{path}.{key}" if path else key


def expected_spans(text_bytes, events):
    """What the page must show: each span with its words, or None where it cannot."""
    out = []
    for i, event in enumerate(events):
        spans = [(None, s) for s in event.get("evidence", [])]
        found = []
        walk(event, "", found)
        spans += found
        for field, (s, e) in spans:
            try:
                words = text_bytes[s:e].decode("utf-8") if 0 <= s < e <= len(text_bytes) else None
            except UnicodeDecodeError:
                words = None  # not on char boundaries
            out.append({"event": i, "field": field, "start": s, "end": e, "text": words})
    return out


def chromium(*args):
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        sys.exit("browser check: no chromium (.ci/run installs Debian's: apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile:
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--hide-scrollbars", "--force-device-scale-factor=1",
               f"--user-data-dir={profile}", *args]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    if r.returncode != 0:
        sys.exit(f"browser check: chromium failed ({r.returncode}):\n{r.stderr[-2000:]}")
    return r.stdout


def check_page(name, page, text_bytes, events):
    """Runs the checker on a copy of the page; returns (passed, report)."""
    expected = expected_spans(text_bytes, events)
    script = (CHECK_JS
              .replace("__EXPECTED__", json.dumps(expected))
              .replace("__ARTICLE__", json.dumps(text_bytes.decode("utf-8"))))
    script = script.replace("</", "<\\/")
    if page.count("</body>") != 1:
        return False, f"{name}: the page has no single </body>"
    checked = OUT / f"{name}.check.html"
    checked.write_text(page.replace("</body>", f"<script>{script}</script>\n</body>"),
                       encoding="utf-8")
    dom = chromium("--virtual-time-budget=3000", "--dump-dom", checked.as_uri())
    start = dom.find('<pre id="browser-check">')
    if start < 0:
        return False, f"{name}: the checker wrote no result (did its script run?)"
    result = dom[start + len('<pre id="browser-check">'):dom.find("</pre>", start)]
    result = result.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    drawn = sum(1 for x in expected if x["text"] is not None)
    return result.startswith("BROWSER-CHECK PASS"), f"{name}: {result} (of {drawn} spans)"


def run(cmd):
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True)
    if r.returncode != 0:
        sys.exit(f"browser check: {' '.join(cmd)} failed:\n{r.stderr.decode(errors='replace')[-3000:]}")
    return r.stdout


def pages():
    """(name, page, text bytes, events) of each page to check."""
    run(["cargo", "build", "--quiet", "--example", "extract"])
    extract = TARGET / "debug" / "examples" / "extract"
    out = []
    for name, date, text in ARTICLES:
        path = OUT / f"{name}.txt"
        path.write_bytes(text.encode("utf-8"))
        events = json.loads(run([str(extract), str(path), "--date", date]))
        page = run([str(extract), "--html", str(path), "--date", date]).decode("utf-8")
        (OUT / f"{name}.json").write_text(json.dumps(events, indent=1), encoding="utf-8")
        (OUT / f"{name}.html").write_text(page, encoding="utf-8")
        out.append((name, page, text.encode("utf-8"), events))
    run(["cargo", "test", "--quiet", "--test", "lib", "--",
         "export::every_kind_page_for_the_browser_check", "--exact"])
    made = TARGET / "tmp" / "export-pages"
    out.append(("every-kind", (made / "every-kind.html").read_text(encoding="utf-8"),
                (made / "every-kind.txt").read_bytes(),
                json.loads((made / "every-kind.json").read_text(encoding="utf-8"))))
    return out


def broken(page, events, text_bytes):
    """Two copies of a page the checker must fail: a mark moved by a byte, a word changed."""
    moved = page.replace('data-field="actor" data-start="', 'data-field="actor" data-start="1', 1)
    words = next(x["text"] for x in expected_spans(text_bytes, events)
                 if x["field"] == "actor" and x["text"])
    changed = page.replace(f">{words}<", f">{words[::-1]}<", 1)
    return [("moved-mark", moved), ("changed-word", changed)]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    failed = False
    all_pages = pages()
    for name, page, text_bytes, events in all_pages:
        ok, report = check_page(name, page, text_bytes, events)
        print(("ok    " if ok else "FAIL  ") + report)
        failed |= not ok
    # the checker must fail a broken page, or its passes mean nothing
    name, page, text_bytes, events = all_pages[0]
    for what, bad in broken(page, events, text_bytes):
        ok, report = check_page(f"{name}-{what}", bad, text_bytes, events)
        caught = bad != page and not ok
        first = " ".join(report.splitlines()[:2])
        print(("ok    self-test, caught: " if caught else "FAIL  self-test, not caught: ") + first)
        failed |= not caught
    shots = [(OUT / "kharkiv.html", "page.png", "1400,1200"),
             (TARGET / "tmp" / "export-pages" / "every-kind.html", "page-every-kind.png",
              "1400,1100")]
    for page, file, size in shots:
        chromium(f"--screenshot={TARGET / file}", f"--window-size={size}", page.as_uri())
        print(f"screenshot {TARGET / file}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
