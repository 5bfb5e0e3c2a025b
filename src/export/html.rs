//! One self-contained HTML page that shows how an article was read.

use std::cmp::Reverse;
use std::fmt::Write as _;

use super::{count_value, fields, modality_word, Article, Field};
use crate::model::{CasualtyKind, Device, Event, Weapon};
use crate::span::Span;

/// One self-contained HTML page showing how the article was read, in the manner of spaCy's
/// displaCy: the text with each event's evidence as a pale band and each field's span as a
/// mark inside it, coloured by event type, labelled with the event's number and the field's
/// name, its value on hover; beside the text, the list of events and their fields. Hovering
/// a field in the list outlines its mark.
///
/// The page fetches nothing: inline CSS, a few lines of inline script, and a
/// Content-Security-Policy that forbids anything else. Every piece of text is HTML-escaped.
///
/// Spans may nest and overlap: a mark inside another is drawn inside it, and a mark that
/// crosses the end of another is cut into pieces, each with the same attributes; only the
/// last piece carries the label. Each field mark is a `<mark class="f">` with `data-event`
/// (the event's index in `events`), `data-field` (the field's JSON name, as in [`fields`]),
/// `data-start` and `data-end` (the span, byte offsets into the text); each evidence band is
/// a `<span class="ev">` with `data-events` (space-separated indices), `data-start` and
/// `data-end`. A span that is empty or not on the text's char boundaries is listed but not
/// drawn.
///
/// ```
/// use conflict_events::export::{html_page, Article};
/// use conflict_events::{Document, Extractor};
///
/// let text = "Ukrainian drones struck an oil depot in Bryansk <region> overnight.";
/// let events = Extractor::new().extract(&Document::new(text));
/// let page = html_page(&Article::new(text).id("bryansk"), &events);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains("&lt;region&gt;")); // the text is escaped
/// let actor = events[0].as_strike().unwrap().actor.as_ref().unwrap().span;
/// let mark = format!(
///     r#"data-event="0" data-field="actor" data-start="{}" data-end="{}""#,
///     actor.start, actor.end
/// );
/// assert!(page.contains(&mark));
/// assert!(!page.contains("http://") && !page.contains("https://"));
/// ```
pub fn html_page(article: &Article<'_>, events: &[Event]) -> String {
    let text = article.text();
    let marks = marks(text, events);
    let mut out = String::with_capacity(text.len() * 4 + 16 * 1024);
    head(&mut out, article, events);
    out.push_str("<main>\n<article class=\"text\" id=\"text\">");
    body(&mut out, text, &marks);
    out.push_str("</article>\n<aside>\n");
    for (i, e) in events.iter().enumerate() {
        card(&mut out, text, events, i, e);
    }
    if events.is_empty() {
        out.push_str("<p class=\"none\">No events were read from this article.</p>\n");
    }
    out.push_str("</aside>\n</main>\n<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// A highlighted span: an evidence band or a field mark.
struct Mark {
    span: Span,
    /// The events whose evidence this is (one event for a field).
    events: Vec<usize>,
    /// The type of each event of `events`, for the colours.
    kinds: Vec<&'static str>,
    /// `None` for evidence.
    field: Option<Field>,
    /// The field's place in its event's list of fields.
    nth: usize,
}

impl Mark {
    /// Outer marks first: earlier start, then later end, then evidence before fields; of
    /// fields with one span, the last event's outermost, so that their labels, which follow
    /// the text from the innermost out, read in the order of the events and their fields.
    fn order(&self) -> (usize, Reverse<usize>, bool, Reverse<usize>, Reverse<usize>) {
        (
            self.span.start,
            Reverse(self.span.end),
            self.field.is_some(),
            Reverse(self.events.first().copied().unwrap_or(0)),
            Reverse(self.nth),
        )
    }
}

/// Every drawable span: evidence spans (one band for the events that share one), then the
/// fields. Spans that are empty or not in `text` are left out.
fn marks(text: &str, events: &[Event]) -> Vec<Mark> {
    let drawable = |s: Span| !s.is_empty() && s.get(text).is_some();
    let mut out: Vec<Mark> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        for &span in e.evidence().iter().filter(|s| drawable(**s)) {
            match out.iter_mut().find(|m| m.span == span) {
                Some(m) => {
                    if !m.events.contains(&i) {
                        m.events.push(i);
                        m.kinds.push(e.type_name());
                    }
                }
                None => out.push(Mark {
                    span,
                    events: vec![i],
                    kinds: vec![e.type_name()],
                    field: None,
                    nth: 0,
                }),
            }
        }
    }
    for (i, e) in events.iter().enumerate() {
        for (nth, f) in fields(e).into_iter().enumerate() {
            if let Some(span) = f.span.filter(|s| drawable(*s)) {
                out.push(Mark {
                    span,
                    events: vec![i],
                    kinds: vec![e.type_name()],
                    field: Some(f),
                    nth,
                });
            }
        }
    }
    out.sort_by_key(Mark::order);
    out
}

/// The text with its marks: at each boundary, the marks that cover the next stretch of
/// text, outermost first; the elements still open that begin that list stay open, the
/// others close, and the rest of the list opens (a mark crossing the end of an outer one
/// is thus cut in pieces).
fn body(out: &mut String, text: &str, marks: &[Mark]) {
    let mut bounds: Vec<usize> = marks
        .iter()
        .flat_map(|m| [m.span.start, m.span.end])
        .chain([0, text.len()])
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    let mut next = 0; // marks are sorted by start: the first not yet active
    let mut active: Vec<usize> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for w in bounds.windows(2) {
        let &[a, b] = w else { continue };
        active.retain(|&m| marks.get(m).is_some_and(|m| m.span.end > a));
        while let Some(m) = marks.get(next).filter(|m| m.span.start <= a) {
            if m.span.end > a {
                active.push(next);
            }
            next += 1;
        }
        active.sort_by_key(|&m| marks.get(m).map(Mark::order));
        let keep = open.iter().zip(&active).take_while(|(x, y)| x == y).count();
        while open.len() > keep {
            if let Some(m) = open.pop().and_then(|m| marks.get(m)) {
                close(out, m, a);
            }
        }
        for &m in active.get(keep..).unwrap_or(&[]) {
            if let Some(mark) = marks.get(m) {
                open_tag(out, mark);
                open.push(m);
            }
        }
        escape(out, text.get(a..b).unwrap_or(""));
    }
    while let Some(m) = open.pop().and_then(|m| marks.get(m)) {
        close(out, m, text.len());
    }
}

fn open_tag(out: &mut String, m: &Mark) {
    let (s, e) = (m.span.start, m.span.end);
    let first = m.events.first().copied().unwrap_or(0);
    let kind = m.kinds.first().copied().unwrap_or("");
    match &m.field {
        None => {
            let ids: Vec<String> = m.events.iter().map(|i| i.to_string()).collect();
            let numbers: Vec<String> = m.events.iter().map(|i| (i + 1).to_string()).collect();
            let _ = write!(
                out,
                "<span class=\"ev\" data-events=\"{}\" data-start=\"{s}\" data-end=\"{e}\" \
                 style=\"background:{}\" title=\"evidence of event {}\">",
                ids.join(" "),
                band(&m.kinds),
                numbers.join(", "),
            );
        }
        Some(f) => {
            let _ = write!(
                out,
                "<mark class=\"f t-{kind}\" data-event=\"{first}\" data-field=\""
            );
            escape(out, &f.name);
            let _ = write!(
                out,
                "\" data-start=\"{s}\" data-end=\"{e}\" title=\"{} {kind}: ",
                first + 1
            );
            escape(out, &f.name);
            out.push_str(" = ");
            escape(out, &f.value);
            out.push_str("\">");
        }
    }
}

/// Closes a piece ending at `at`; the last piece of a field gets its label.
fn close(out: &mut String, m: &Mark, at: usize) {
    match &m.field {
        None => out.push_str("</span>"),
        Some(f) => {
            if at == m.span.end {
                let i = m.events.first().copied().unwrap_or(0);
                let _ = write!(out, "<span class=\"lbl\" data-label=\"{} ", i + 1);
                escape(out, &f.name);
                out.push_str("\"></span>");
            }
            out.push_str("</mark>");
        }
    }
}

/// The background of an evidence band: the pale colour of each event sharing it, in
/// horizontal stripes.
fn band(kinds: &[&str]) -> String {
    let n = kinds.len().max(1);
    let stops: Vec<String> = kinds
        .iter()
        .enumerate()
        .map(|(k, kind)| {
            let (r, g, b) = colour(kind);
            let (lo, hi) = (k * 100 / n, (k + 1) * 100 / n);
            format!("rgba({r},{g},{b},.2) {lo}% {hi}%")
        })
        .collect();
    format!("linear-gradient({})", stops.join(","))
}

/// The event types, in the order of the legend.
const TYPES: [&str; 8] = [
    "strike",
    "explosion",
    "clash",
    "attack",
    "protest",
    "riot",
    "development",
    "casualty",
];

/// The colour of each event type (light enough for black text on it).
fn colour(kind: &str) -> (u8, u8, u8) {
    match kind {
        "strike" => (239, 131, 84),
        "explosion" => (240, 184, 40),
        "clash" => (229, 96, 122),
        "attack" => (170, 110, 220),
        "protest" => (80, 160, 236),
        "riot" => (40, 180, 160),
        "development" => (140, 150, 165),
        "casualty" => (110, 190, 90),
        _ => (200, 200, 200),
    }
}

/// HTML-escapes text and attribute values alike.
fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // the HTML parser would make a CR LF one LF: a character reference keeps it
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

const STYLE: &str = "\
body{margin:0;font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d1d1f;\
background:#f5f5f4}
header{padding:14px 24px;background:#fff;border-bottom:1px solid #ddd}
header h1{font-size:18px;margin:0 0 6px}
.legend span{display:inline-block;margin:2px 10px 2px 0;font-size:13px}
.legend i{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:4px;\
vertical-align:-1px;background:rgb(var(--c))}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(300px,2fr);gap:20px;padding:20px 24px}
.text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:2.5;font-size:16px;background:#fff;\
padding:14px 20px;border:1px solid #ddd;border-radius:8px;align-self:start}
.ev{padding:.3em 0;border-radius:4px;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.f{color:inherit;background:rgba(var(--c),.42);border-bottom:2px solid rgb(var(--c));\
border-radius:4px;padding:.12em .2em;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.f mark.f{padding:.02em .1em}
mark.f.hi,mark.f:hover{outline:2px solid #1d1d1f;outline-offset:1px}
.lbl{white-space:nowrap}
.lbl::after{content:attr(data-label);font-size:10px;font-weight:700;text-transform:uppercase;\
letter-spacing:.03em;margin-left:4px;padding:0 3px;border-radius:3px;vertical-align:2px;\
background:rgba(255,255,255,.75);color:#333}
aside{display:flex;flex-direction:column;gap:12px}
.card{background:#fff;border:1px solid #ddd;border-left:6px solid rgb(var(--c));\
border-radius:8px;padding:10px 14px}
.card h2{font-size:15px;margin:0 0 2px}
.card h2 .num{display:inline-block;min-width:20px;text-align:center;border-radius:10px;\
background:rgb(var(--c));color:#fff;margin-right:6px}
.card .attrs{margin:0 0 6px;color:#555;font-size:13px}
.card table{border-collapse:collapse;width:100%;font-size:13px}
.card th{text-align:left;font-weight:600;padding:2px 8px 2px 0;white-space:nowrap;vertical-align:top}
.card td{padding:2px 8px 2px 0;vertical-align:top}
.card td.words{color:#666;font-style:italic}
.card tr[data-ref-field]:hover{background:rgba(var(--c),.25);cursor:default}
.none{color:#666}
";

/// Hovering a field in the list outlines its mark in the text.
const SCRIPT: &str = "\
document.querySelectorAll('tr[data-ref-field]').forEach(function (row) {
  var sel = 'mark.f[data-event=\"' + row.getAttribute('data-ref-event') +
    '\"][data-field=\"' + row.getAttribute('data-ref-field') + '\"]';
  function mark(on) {
    document.querySelectorAll(sel).forEach(function (m) { m.classList.toggle('hi', on); });
  }
  row.addEventListener('mouseenter', function () { mark(true); });
  row.addEventListener('mouseleave', function () { mark(false); });
});
";

/// The document head, the title bar with a count of events and the colour legend.
fn head(out: &mut String, article: &Article<'_>, events: &[Event]) {
    let title = match article.id_str() {
        "" => "article",
        id => id,
    };
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    );
    escape(out, title);
    out.push_str(" · conflict-events</title>\n<style>\n");
    out.push_str(STYLE);
    for t in TYPES {
        let (r, g, b) = colour(t);
        let _ = writeln!(out, ".t-{t}{{--c:{r},{g},{b}}}");
    }
    out.push_str("</style>\n</head>\n<body>\n<header><h1>");
    escape(out, title);
    out.push_str("</h1>\n<div class=\"legend\">");
    for t in TYPES {
        let n = events.iter().filter(|e| e.type_name() == t).count();
        let _ = write!(out, "<span class=\"t-{t}\"><i></i>{t} {n}</span>");
    }
    if let Some(source) = article.source_name() {
        out.push_str("<span>source: ");
        escape(out, source);
        out.push_str("</span>");
    }
    out.push_str("</div></header>\n");
}

/// One event in the list: number, type, category, its other words, then its fields.
fn card(out: &mut String, text: &str, events: &[Event], i: usize, e: &Event) {
    let kind = e.type_name();
    let _ = write!(
        out,
        "<section class=\"card t-{kind}\" id=\"event-{i}\" data-card=\"{i}\">\
         <h2><span class=\"num\">{}</span>{kind}",
        i + 1
    );
    if let Some(c) = e.category() {
        let _ = write!(out, " · {} <small>({})</small>", c.as_str(), c.event_type());
    }
    out.push_str("</h2>\n<p class=\"attrs\">");
    escape(out, &attributes(events, i, e).join(" · "));
    out.push_str("</p>\n<table>\n");
    for f in fields(e) {
        let _ = write!(out, "<tr data-ref-event=\"{i}\" data-ref-field=\"");
        escape(out, &f.name);
        out.push_str("\"><th>");
        escape(out, &f.name);
        out.push_str("</th><td>");
        escape(out, &f.value);
        out.push_str("</td><td class=\"words\">");
        match f.span {
            Some(s) => match s.get(text) {
                Some(w) => escape(
                    out,
                    &format!("\u{201c}{w}\u{201d} [{}, {})", s.start, s.end),
                ),
                None => escape(
                    out,
                    &format!("(span [{}, {}) is not in the text)", s.start, s.end),
                ),
            },
            None => out.push_str("(not in the text)"),
        }
        out.push_str("</td></tr>\n");
    }
    let spans: Vec<String> = e
        .evidence()
        .iter()
        .map(|s| format!("[{}, {})", s.start, s.end))
        .collect();
    let _ = write!(
        out,
        "<tr><th>evidence</th><td colspan=\"2\">{}</td></tr>\n</table>\n</section>\n",
        spans.join(" ")
    );
}

/// The words of an event that have no span: modality, weapon, device, casualty kind, the
/// event a figure points at, the figures that point at an event.
fn attributes(events: &[Event], i: usize, e: &Event) -> Vec<String> {
    let mut out = vec![modality_word(e.modality()).to_string()];
    match e {
        Event::Strike(s) => {
            if let Some(w) = s.weapon {
                out.push(format!("weapon: {}", weapon_word(w)));
            }
        }
        Event::Explosion(x) => {
            if let Some(d) = x.device {
                out.push(format!("device: {}", device_word(d)));
            }
        }
        Event::Casualty(c) => {
            out.push(format!(
                "{} {}",
                casualty_word(c.kind),
                count_value(&c.count)
            ));
            if c.cumulative {
                out.push("running toll".to_string());
            }
            match c.event {
                Some(k) => out.push(format!("caused by event {}", k + 1)),
                None => out.push("tied to no event".to_string()),
            }
        }
        _ => {}
    }
    let figures: Vec<String> = events
        .iter()
        .enumerate()
        .filter(|(_, f)| f.as_casualty().is_some_and(|c| c.event == Some(i)))
        .map(|(k, _)| (k + 1).to_string())
        .collect();
    if !figures.is_empty() {
        out.push(format!("figures: event {}", figures.join(", ")));
    }
    out
}

fn weapon_word(w: Weapon) -> &'static str {
    match w {
        Weapon::Air => "air",
        Weapon::Drone => "drone",
        Weapon::Missile => "missile",
        Weapon::Artillery => "artillery",
    }
}

fn device_word(d: Device) -> &'static str {
    match d {
        Device::Ied => "ied",
        Device::Landmine => "landmine",
        Device::CarBomb => "car_bomb",
        Device::SuicideVest => "suicide_vest",
        Device::Grenade => "grenade",
        Device::Bomb => "bomb",
        Device::Chemical => "chemical",
    }
}

fn casualty_word(k: CasualtyKind) -> &'static str {
    match k {
        CasualtyKind::Killed => "killed",
        CasualtyKind::Wounded => "wounded",
        CasualtyKind::Displaced => "displaced",
        CasualtyKind::Missing => "missing",
        CasualtyKind::Abducted => "abducted",
        CasualtyKind::Detained => "detained",
    }
}
