//! Data-driven cases: every `tests/cases/*.toml` file, one runner that reports all failures.
//!
//! # Format
//!
//! ```toml
//! [[case]]
//! name = "weekday in a report is in the past"
//! date = "2016-08-16"       # publication date, optional
//! text = """..."""
//! strikes = 1               # optional: exact number of ASSERTED strike events
//! casualties = 1            # optional: exact number of ASSERTED casualty events
//! captives = true           # optional: build the extractor with `.captives(true)` (report
//!                           # `detained` and `abducted` figures, off by default)
//!
//! [[case.expect]]           # one event that must exist (distinct events for distinct expects)
//! type = "strike"
//! modality = "asserted"     # optional, default "asserted"
//! actor = "RU"              # string or array of strings (any of): actor.country, actor.name
//!                           # (case-insensitive) or the text at actor.span; "" = actor is null
//! base_country = "IR"       # base.country; "" = base is null
//! base = "Hmeimim"          # base.name or the text at base.span
//! targets = ["Islamic State", ["Nusra Front", "Jabhat al-Nusra"]]
//!                           # each item (string or any-of array) matches a distinct target by
//!                           # name, country or span text; no other targets allowed
//! provinces = ["SY-HL"]     # set equality with the codes of `provinces`
//! locations = ["Aleppo"]    # each is the name (or span text) of some location
//! date = "2016-08-16"       # date.date; "" = no resolved date (date or date.date is null)
//! weapon = "air"
//!
//! [[case.expect]]
//! type = "casualty"
//! kind = "killed"
//! value = 12                # count.value; "" = null. Also low, high, qualifier, count_text
//! victims = "militants"     # victims.text (case-insensitive); "" = null
//! category = "combatants"
//! cumulative = false
//! perpetrator = "RU"        # like actor
//! place = "Aleppo"          # place.name or the text at place.span; "" = null
//! province = "SY-HL"        # province.code, or place.code when the place is a province
//! country = "SY"            # place.country or province.country
//! date = "2016-08-16"
//! source = ["Syrian Observatory for Human Rights", "Observatory"]  # "" = null
//!
//! [[case.forbid]]           # no ASSERTED event may match all these fields (same keys;
//! type = "strike"           # give `modality` to forbid events of another modality)
//! actor = "IR"
//! ```
//!
//! Only the listed fields are checked. Expects are matched to distinct events by a maximum
//! bipartite matching, so the order of expects does not matter.
//!
//! Every event of every case is also checked: each span (evidence, entity, place, count, date,
//! victims, source) lies inside the text on char boundaries, entity/place/count/date spans are
//! non-empty, `count.text` and `date.text` equal the text at their spans.
//!
//! The runner collects every failure of every case and panics once at the end with the full
//! list and "N of M cases failed". Set `CASES=substring` to run only the cases whose name or
//! file contains the substring.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use conflict_events::{Document, Extractor, NaiveDate};
use serde_json::Value as Json;
use toml::Value as Toml;

const CASE_KEYS: &[&str] = &[
    "name",
    "date",
    "text",
    "strikes",
    "casualties",
    "events",
    "captives",
    "expect",
    "forbid",
];

const STRIKE_KEYS: &[&str] = &[
    "type",
    "modality",
    "actor",
    "base",
    "base_country",
    "targets",
    "provinces",
    "locations",
    "date",
    "weapon",
    "category",
    "fatalities",
];

/// The keys of the other kinds (explosion, clash, attack, protest, riot, development).
const KIND_KEYS: &[&str] = &[
    "type",
    "modality",
    "category",
    "actor",
    "targets",
    "provinces",
    "locations",
    "date",
    "device",
    "fatalities",
    "size",
    "taken_by",
];

const CASUALTY_KEYS: &[&str] = &[
    "type",
    "modality",
    "kind",
    "value",
    "low",
    "high",
    "qualifier",
    "count_text",
    "victims",
    "category",
    "cumulative",
    "perpetrator",
    "place",
    "province",
    "country",
    "date",
    "source",
    "cause",
];

/// One case file, loaded.
struct CaseFile {
    path: PathBuf,
    cases: Vec<Toml>,
}

fn case_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("cases")
}

fn load_files() -> Vec<CaseFile> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(case_dir())
        .expect("tests/cases exists")
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let src = std::fs::read_to_string(&path).expect("readable case file");
            let doc: Toml = toml::from_str(&src)
                .unwrap_or_else(|e| panic!("{}: invalid TOML: {e}", path.display()));
            let cases = match doc.get("case") {
                Some(Toml::Array(a)) => a.clone(),
                _ => panic!("{}: no [[case]] tables", path.display()),
            };
            CaseFile { path, cases }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Reading JSON events

fn lower(s: &str) -> String {
    s.trim().to_lowercase()
}

/// The text at a JSON span `[s, e]`, if it is a valid span of `text`.
fn span_text<'t>(text: &'t str, span: &Json) -> Option<&'t str> {
    let a = span.as_array()?;
    let s = usize::try_from(a.first()?.as_u64()?).ok()?;
    let e = usize::try_from(a.get(1)?.as_u64()?).ok()?;
    text.get(s..e)
}

fn is_null(v: Option<&Json>) -> bool {
    v.is_none_or(Json::is_null)
}

fn str_field<'j>(v: &'j Json, key: &str) -> Option<&'j str> {
    v.get(key).and_then(Json::as_str)
}

/// The strings an expectation accepts: a string, or an array of strings (any of).
fn alternatives(want: &Toml) -> Result<Vec<String>, String> {
    match want {
        Toml::String(s) => Ok(vec![s.clone()]),
        Toml::Array(a) => a
            .iter()
            .map(|x| {
                x.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| format!("expected a string in {want}"))
            })
            .collect(),
        other => Err(format!(
            "expected a string or an array of strings, got {other}"
        )),
    }
}

/// True if the entity (actor, target, perpetrator) is named by one of `alts`.
fn entity_matches(text: &str, entity: &Json, alts: &[String]) -> bool {
    let name = str_field(entity, "name").map(lower);
    let country = str_field(entity, "country").map(lower);
    let at_span = entity
        .get("span")
        .and_then(|s| span_text(text, s))
        .map(lower);
    alts.iter().map(|a| lower(a)).any(|a| {
        Some(&a) == name.as_ref() || Some(&a) == country.as_ref() || Some(&a) == at_span.as_ref()
    })
}

/// True if the place is named by one of `alts` (its name or the text at its span).
fn place_matches(text: &str, place: &Json, alts: &[String]) -> bool {
    let name = str_field(place, "name").map(lower);
    let at_span = place
        .get("span")
        .and_then(|s| span_text(text, s))
        .map(lower);
    alts.iter()
        .map(|a| lower(a))
        .any(|a| Some(&a) == name.as_ref() || Some(&a) == at_span.as_ref())
}

/// Checks a field whose expectation is "" (null) or names an entity.
fn check_entity(text: &str, got: Option<&Json>, want: &Toml, key: &str) -> Result<(), String> {
    let alts = alternatives(want)?;
    if alts.len() == 1 && alts[0].is_empty() {
        return if is_null(got) {
            Ok(())
        } else {
            Err(format!("{key}: want null, got {}", compact(got)))
        };
    }
    match got {
        Some(e) if !e.is_null() && entity_matches(text, e, &alts) => Ok(()),
        _ => Err(format!("{key}: want {want}, got {}", compact(got))),
    }
}

fn check_place(text: &str, got: Option<&Json>, want: &Toml, key: &str) -> Result<(), String> {
    let alts = alternatives(want)?;
    if alts.len() == 1 && alts[0].is_empty() {
        return if is_null(got) {
            Ok(())
        } else {
            Err(format!("{key}: want null, got {}", compact(got)))
        };
    }
    match got {
        Some(p) if !p.is_null() && place_matches(text, p, &alts) => Ok(()),
        _ => Err(format!("{key}: want {want}, got {}", compact(got))),
    }
}

/// Checks a plain string field (weapon, kind, qualifier, category...) case-insensitively;
/// "" means null.
fn check_word(got: Option<&Json>, want: &Toml, key: &str) -> Result<(), String> {
    let alts = alternatives(want)?;
    let ok = match got.and_then(Json::as_str) {
        None => is_null(got) && alts.iter().any(String::is_empty),
        Some(g) => alts.iter().any(|a| lower(a) == lower(g)),
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{key}: want {want}, got {}", compact(got)))
    }
}

/// Checks a number field; "" means null.
fn check_number(got: Option<&Json>, want: &Toml, key: &str) -> Result<(), String> {
    let ok = match want {
        Toml::Integer(n) => got.and_then(Json::as_i64) == Some(*n),
        Toml::String(s) if s.is_empty() => is_null(got),
        other => return Err(format!("{key}: expected an integer or \"\", got {other}")),
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{key}: want {want}, got {}", compact(got)))
    }
}

/// Checks `date`: the resolved day, or "" for no resolved date.
fn check_date(got: Option<&Json>, want: &Toml) -> Result<(), String> {
    let want_s = want
        .as_str()
        .ok_or_else(|| format!("date: expected a string, got {want}"))?;
    let resolved = got.and_then(|d| d.get("date")).and_then(Json::as_str);
    let ok = if want_s.is_empty() {
        resolved.is_none()
    } else {
        resolved == Some(want_s)
    };
    if ok {
        Ok(())
    } else {
        Err(format!("date: want {want}, got {}", compact(got)))
    }
}

/// `targets`: each expected item matches a distinct target, and there are no others.
fn check_targets(text: &str, got: Option<&Json>, want: &Toml) -> Result<(), String> {
    let items = want
        .as_array()
        .ok_or_else(|| format!("targets: expected an array, got {want}"))?;
    let wanted: Vec<Vec<String>> = items.iter().map(alternatives).collect::<Result<_, _>>()?;
    let empty = Vec::new();
    let targets = got.and_then(Json::as_array).unwrap_or(&empty);
    let adjacency: Vec<Vec<usize>> = wanted
        .iter()
        .map(|alts| {
            (0..targets.len())
                .filter(|&j| entity_matches(text, &targets[j], alts))
                .collect()
        })
        .collect();
    let matched = max_matching(&adjacency, targets.len());
    if targets.len() == wanted.len() && matched.iter().all(Option::is_some) {
        Ok(())
    } else {
        Err(format!("targets: want {want}, got {}", compact(got)))
    }
}

/// `provinces`: set equality with the codes.
fn check_provinces(got: Option<&Json>, want: &Toml) -> Result<(), String> {
    let want_set: BTreeSet<String> = alternatives(want)?
        .iter()
        .map(|s| s.to_uppercase())
        .collect();
    let got_set: BTreeSet<String> = got
        .and_then(Json::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|p| str_field(p, "code"))
                .map(str::to_uppercase)
                .collect()
        })
        .unwrap_or_default();
    if want_set == got_set {
        Ok(())
    } else {
        Err(format!("provinces: want {want_set:?}, got {got_set:?}"))
    }
}

/// `locations`: each expected name is some location.
fn check_locations(text: &str, got: Option<&Json>, want: &Toml) -> Result<(), String> {
    let items = want
        .as_array()
        .ok_or_else(|| format!("locations: expected an array, got {want}"))?;
    let empty = Vec::new();
    let places = got.and_then(Json::as_array).unwrap_or(&empty);
    for item in items {
        let alts = alternatives(item)?;
        if !places.iter().any(|p| place_matches(text, p, &alts)) {
            return Err(format!("locations: want {item} among {}", compact(got)));
        }
    }
    Ok(())
}

/// `province` of a casualty: province.code, or place.code when the place is a province.
fn check_casualty_province(ev: &Json, want: &Toml) -> Result<(), String> {
    let want_s = want
        .as_str()
        .ok_or_else(|| format!("province: expected a string, got {want}"))?;
    let from_province = ev.get("province").and_then(|p| str_field(p, "code"));
    let from_place = ev
        .get("place")
        .filter(|p| str_field(p, "kind") == Some("province"))
        .and_then(|p| str_field(p, "code"));
    let ok = if want_s.is_empty() {
        from_province.is_none() && from_place.is_none()
    } else {
        [from_province, from_place]
            .iter()
            .flatten()
            .any(|c| c.eq_ignore_ascii_case(want_s))
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "province: want {want}, got province {} place {}",
            compact(ev.get("province")),
            compact(ev.get("place"))
        ))
    }
}

/// `country` of a casualty: place.country or province.country (or place.code of a country).
fn check_casualty_country(ev: &Json, want: &Toml) -> Result<(), String> {
    let want_s = want
        .as_str()
        .ok_or_else(|| format!("country: expected a string, got {want}"))?;
    let place = ev.get("place");
    let candidates = [
        place.and_then(|p| str_field(p, "country")),
        ev.get("province").and_then(|p| str_field(p, "country")),
        place
            .filter(|p| str_field(p, "kind") == Some("country"))
            .and_then(|p| str_field(p, "code")),
    ];
    if candidates
        .iter()
        .flatten()
        .any(|c| c.eq_ignore_ascii_case(want_s))
    {
        Ok(())
    } else {
        Err(format!(
            "country: want {want}, got place {} province {}",
            compact(place),
            compact(ev.get("province"))
        ))
    }
}

/// The ways `ev` differs from `spec` (empty: it matches). `Err` is a bad spec.
fn mismatches(
    text: &str,
    events: &[Json],
    ev: &Json,
    spec: &toml::Table,
) -> Result<Vec<String>, String> {
    let ty = spec
        .get("type")
        .and_then(Toml::as_str)
        .ok_or("missing `type`")?;
    let allowed = match ty {
        "strike" => STRIKE_KEYS,
        "casualty" => CASUALTY_KEYS,
        "explosion" | "clash" | "attack" | "protest" | "riot" | "development" => KIND_KEYS,
        other => return Err(format!("unknown type {other:?}")),
    };
    if let Some(bad) = spec.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(format!("unknown key {bad:?} for type {ty}"));
    }
    let mut out = Vec::new();
    if str_field(ev, "type") != Some(ty) {
        out.push(format!("type: want {ty}, got {}", compact(ev.get("type"))));
        return Ok(out);
    }
    let default_modality = Toml::String("asserted".into());
    let modality = spec.get("modality").unwrap_or(&default_modality);
    let mut push = |r: Result<(), String>| {
        if let Err(e) = r {
            out.push(e);
        }
    };
    push(check_word(ev.get("modality"), modality, "modality"));
    for (key, want) in spec {
        let got = ev.get(key.as_str());
        let r = match key.as_str() {
            "type" | "modality" => continue,
            "actor" | "perpetrator" => check_entity(text, got, want, key),
            "base" => check_place(text, got, want, key),
            "base_country" => check_word(
                ev.get("base").and_then(|b| b.get("country")),
                want,
                "base_country",
            )
            .and_then(|()| {
                // "" means the base itself is null.
                if want.as_str() == Some("") && !is_null(ev.get("base")) {
                    Err(format!("base: want null, got {}", compact(ev.get("base"))))
                } else {
                    Ok(())
                }
            }),
            "targets" => check_targets(text, got, want),
            "provinces" => check_provinces(got, want),
            "locations" => check_locations(text, got, want),
            "date" => check_date(got, want),
            "weapon" | "kind" | "device" => check_word(got, want, key),
            "category" if ty == "casualty" => check_word(
                ev.get("victims").and_then(|v| v.get("category")),
                want,
                "category",
            ),
            "category" => check_word(got, want, key),
            "fatalities" => check_number(got.and_then(|c| c.get("value")), want, key),
            "size" => check_number(got.and_then(|c| c.get("value")), want, key),
            "taken_by" => check_entity(
                text,
                ev.get("territory").and_then(|t| t.get("taken_by")),
                want,
                key,
            ),
            // the type of the event the casualty points at ("" = none)
            "cause" => {
                let cause = ev
                    .get("event")
                    .and_then(Json::as_u64)
                    .and_then(|i| events.get(usize::try_from(i).ok()?))
                    .and_then(|e| str_field(e, "type"))
                    .unwrap_or("");
                check_word(Some(&Json::String(cause.to_string())), want, key)
            }
            "victims" => check_word(
                ev.get("victims").and_then(|v| v.get("text")),
                want,
                "victims",
            ),
            "value" | "low" | "high" => {
                check_number(ev.get("count").and_then(|c| c.get(key.as_str())), want, key)
            }
            "qualifier" => check_word(
                ev.get("count").and_then(|c| c.get("qualifier")),
                want,
                "qualifier",
            ),
            "count_text" => check_word(
                ev.get("count").and_then(|c| c.get("text")),
                want,
                "count_text",
            ),
            "cumulative" => {
                let w = want
                    .as_bool()
                    .ok_or_else(|| format!("cumulative: expected a bool, got {want}"))?;
                if got.and_then(Json::as_bool) == Some(w) {
                    Ok(())
                } else {
                    Err(format!("cumulative: want {w}, got {}", compact(got)))
                }
            }
            "place" => check_place(text, got, want, key),
            "province" => check_casualty_province(ev, want),
            "country" => check_casualty_country(ev, want),
            "source" => check_word(got, want, key),
            other => return Err(format!("unhandled key {other:?}")),
        };
        push(r);
    }
    Ok(out)
}

/// Maximum bipartite matching (Kuhn): `adj[i]` lists the events expect `i` may take.
/// Returns for each expect the event it got.
fn max_matching(adj: &[Vec<usize>], n_right: usize) -> Vec<Option<usize>> {
    fn augment(
        i: usize,
        adj: &[Vec<usize>],
        seen: &mut [bool],
        right_of: &mut [Option<usize>],
    ) -> bool {
        for &j in &adj[i] {
            if seen[j] {
                continue;
            }
            seen[j] = true;
            if right_of[j].is_none_or(|k| augment(k, adj, seen, right_of)) {
                right_of[j] = Some(i);
                return true;
            }
        }
        false
    }
    let mut right_of: Vec<Option<usize>> = vec![None; n_right];
    // Expects with more constraints first: it only changes which unmatched expect is reported.
    let mut order: Vec<usize> = (0..adj.len()).collect();
    order.sort_by_key(|&i| adj[i].len());
    for i in order {
        let mut seen = vec![false; n_right];
        augment(i, adj, &mut seen, &mut right_of);
    }
    let mut left = vec![None; adj.len()];
    for (j, i) in right_of.iter().enumerate() {
        if let Some(i) = i {
            left[*i] = Some(j);
        }
    }
    left
}

// ---------------------------------------------------------------------------------------------
// Span invariants

/// Checks one span; `nonempty` for entity/place/count/date spans.
fn check_span(text: &str, span: &Json, what: &str, nonempty: bool, errs: &mut Vec<String>) {
    let Some(a) = span.as_array().filter(|a| a.len() == 2) else {
        errs.push(format!("{what}: span is not [s, e]: {span}"));
        return;
    };
    let (Some(s), Some(e)) = (a[0].as_u64(), a[1].as_u64()) else {
        errs.push(format!("{what}: span is not two integers: {span}"));
        return;
    };
    let (s, e) = (s as usize, e as usize);
    if s > e || e > text.len() {
        errs.push(format!(
            "{what}: span {span} outside the text (len {})",
            text.len()
        ));
    } else if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        errs.push(format!("{what}: span {span} not on char boundaries"));
    } else if nonempty && s == e {
        errs.push(format!("{what}: empty span {span}"));
    }
}

fn check_opt_span(text: &str, obj: Option<&Json>, what: &str, errs: &mut Vec<String>) {
    if let Some(o) = obj.filter(|o| !o.is_null()) {
        if let Some(span) = o.get("span").filter(|s| !s.is_null()) {
            check_span(text, span, what, true, errs);
            // entities and places: their words are the text at their span
            let at = |i: usize| span.get(i).and_then(Json::as_u64).map(|x| x as usize);
            let words = at(0).zip(at(1)).and_then(|(a, b)| text.get(a..b));
            if let Some(t) = o.get("text").and_then(Json::as_str) {
                if Some(t) != words {
                    errs.push(format!("{what}: text {t:?} is not {words:?}"));
                }
            }
        }
    }
}

/// Every span of one event lies inside the text on char boundaries; texts agree with spans.
pub(crate) fn span_errors(text: &str, ev: &Json) -> Vec<String> {
    let mut errs = Vec::new();
    match ev.get("evidence").and_then(Json::as_array) {
        Some(spans) => {
            if spans.is_empty() {
                errs.push("evidence: empty".to_string());
            }
            for s in spans {
                check_span(text, s, "evidence", true, &mut errs);
            }
        }
        None => errs.push("evidence: missing".to_string()),
    }
    for key in ["actor", "perpetrator", "base", "place", "province"] {
        check_opt_span(text, ev.get(key), key, &mut errs);
    }
    for key in ["targets", "provinces", "locations"] {
        for item in ev.get(key).and_then(Json::as_array).into_iter().flatten() {
            check_opt_span(text, Some(item), key, &mut errs);
        }
    }
    if let Some(v) = ev.get("victims").and_then(|v| v.get("span")) {
        if !v.is_null() {
            check_span(text, v, "victims", false, &mut errs);
        }
    }
    if let Some(s) = ev.get("source_span").filter(|s| !s.is_null()) {
        check_span(text, s, "source_span", false, &mut errs);
    }
    for key in ["count", "date", "fatalities", "size"] {
        let Some(obj) = ev.get(key).filter(|o| !o.is_null()) else {
            continue;
        };
        // a date inferred from the publication date has no words of its own
        if obj.get("inferred").and_then(Json::as_bool) == Some(true) {
            if str_field(obj, "text") != Some("") {
                errs.push(format!("{key}: inferred but has words"));
            }
            continue;
        }
        match obj.get("span") {
            Some(span) => {
                let before = errs.len();
                check_span(text, span, key, true, &mut errs);
                if errs.len() == before {
                    let at = span_text(text, span);
                    let words = str_field(obj, "text");
                    if at != words {
                        errs.push(format!("{key}.text {words:?} != text at span {at:?}"));
                    }
                }
            }
            None => errs.push(format!("{key}: no span")),
        }
    }
    errs
}

// ---------------------------------------------------------------------------------------------
// Running a case

fn compact(v: Option<&Json>) -> String {
    v.map_or_else(|| "missing".to_string(), Json::to_string)
}

fn spec_table<'a>(v: &'a Toml, what: &str) -> Result<&'a toml::Table, String> {
    v.as_table()
        .ok_or_else(|| format!("{what} is not a table: {v}"))
}

fn count_asserted(events: &[Json], ty: &str) -> usize {
    events
        .iter()
        .filter(|e| {
            str_field(e, "type") == Some(ty) && str_field(e, "modality") == Some("asserted")
        })
        .count()
}

/// Runs one case; returns its failures.
fn run_case(extractors: &Extractors, case: &toml::Table) -> Result<Vec<String>, String> {
    if let Some(bad) = case.keys().find(|k| !CASE_KEYS.contains(&k.as_str())) {
        return Err(format!("unknown case key {bad:?}"));
    }
    let text = case
        .get("text")
        .and_then(Toml::as_str)
        .ok_or("missing `text`")?;
    let date = match case.get("date") {
        None => None,
        Some(d) => {
            let s = d.as_str().ok_or("`date` is not a string")?;
            Some(
                NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map_err(|e| format!("bad date {s:?}: {e}"))?,
            )
        }
    };
    // Validate every expect and forbid before extracting, so that a bad spec is reported
    // even when the extractor panics.
    for key in ["expect", "forbid"] {
        match case.get(key) {
            None => {}
            Some(Toml::Array(a)) => {
                for v in a {
                    let spec = spec_table(v, key)?;
                    let ty = spec.get("type").and_then(Toml::as_str).unwrap_or_default();
                    mismatches(text, &[], &serde_json::json!({ "type": ty }), spec)
                        .map_err(|e| format!("{key}: {e}"))?;
                }
            }
            Some(_) => return Err(format!("`{key}` is not an array of tables")),
        }
    }
    let extractor = match case.get("captives") {
        None => &extractors.default,
        Some(Toml::Boolean(false)) => &extractors.default,
        Some(Toml::Boolean(true)) => &extractors.captives,
        Some(_) => return Err("`captives` is not a bool".into()),
    };
    let mut doc = Document::new(text);
    if let Some(d) = date {
        doc = doc.published(d);
    }
    let events = match catch_unwind(AssertUnwindSafe(|| extractor.extract(&doc))) {
        Ok(events) => events,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            return Ok(vec![format!("extract panicked: {msg}")]);
        }
    };
    let events: Vec<Json> = events
        .iter()
        .map(|e| serde_json::to_value(e).expect("events serialize"))
        .collect();

    let mut fails = Vec::new();
    for (i, ev) in events.iter().enumerate() {
        for e in span_errors(text, ev) {
            fails.push(format!("event {i}: {e}"));
        }
    }
    if let Some(n) = case.get("events") {
        let n = n.as_integer().ok_or("`events` is not an integer")?;
        let got = events
            .iter()
            .filter(|e| str_field(e, "type") != Some("casualty"))
            .filter(|e| str_field(e, "modality") == Some("asserted"))
            .count();
        if i64::try_from(got).ok() != Some(n) {
            fails.push(format!(
                "events: want {n} asserted (every type but casualty), got {got}"
            ));
        }
    }
    for (key, ty) in [("strikes", "strike"), ("casualties", "casualty")] {
        if let Some(n) = case.get(key) {
            let n = n.as_integer().ok_or(format!("`{key}` is not an integer"))?;
            let got = count_asserted(&events, ty);
            if i64::try_from(got).ok() != Some(n) {
                fails.push(format!("{key}: want {n} asserted, got {got}"));
            }
        }
    }

    let expects: Vec<&toml::Table> = match case.get("expect") {
        None => Vec::new(),
        Some(Toml::Array(a)) => a
            .iter()
            .map(|v| spec_table(v, "expect"))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("`expect` is not an array of tables".into()),
    };
    let mut adjacency = Vec::new();
    let mut diffs = Vec::new();
    for spec in &expects {
        let per_event: Vec<Vec<String>> = events
            .iter()
            .map(|ev| mismatches(text, &events, ev, spec))
            .collect::<Result<_, _>>()?;
        adjacency.push(
            per_event
                .iter()
                .enumerate()
                .filter(|(_, m)| m.is_empty())
                .map(|(j, _)| j)
                .collect::<Vec<_>>(),
        );
        diffs.push(per_event);
    }
    let assigned = max_matching(&adjacency, events.len());
    for (i, got) in assigned.iter().enumerate() {
        if got.is_some() {
            continue;
        }
        let spec = expects[i];
        let why = if adjacency[i].is_empty() {
            // The nearest event of the same type: fewest differences.
            diffs[i]
                .iter()
                .enumerate()
                .filter(|(j, _)| {
                    str_field(&events[*j], "type") == spec.get("type").and_then(Toml::as_str)
                })
                .min_by_key(|(_, m)| m.len())
                .map_or_else(
                    || "no event of this type".to_string(),
                    |(j, m)| format!("nearest is event {j}: {}", m.join("; ")),
                )
        } else {
            "every matching event is taken by another expect".to_string()
        };
        fails.push(
            format!("expect {} not found ({why})", Toml::Table(spec.clone())).replace('\n', " "),
        );
    }

    if let Some(forbids) = case.get("forbid") {
        let forbids = forbids
            .as_array()
            .ok_or("`forbid` is not an array of tables")?;
        for f in forbids {
            let spec = spec_table(f, "forbid")?;
            for (j, ev) in events.iter().enumerate() {
                if mismatches(text, &events, ev, spec)?.is_empty() {
                    fails.push(
                        format!("forbid {} matched by event {j}", Toml::Table(spec.clone()))
                            .replace('\n', " "),
                    );
                }
            }
        }
    }

    if !fails.is_empty() {
        let mut all = String::new();
        for (j, ev) in events.iter().enumerate() {
            let _ = write!(all, "\n      [{j}] {ev}");
        }
        fails.push(format!("events:{all}"));
    }
    Ok(fails)
}

/// The extractors a case can ask for.
struct Extractors {
    default: Extractor,
    captives: Extractor,
}

#[test]
fn cases() {
    let filter = std::env::var("CASES").ok();
    let extractors = Extractors {
        default: Extractor::new(),
        captives: Extractor::builder()
            .captives(true)
            .build()
            .expect("the built-in gazetteer builds"),
    };
    let files = load_files();
    assert!(
        !files.is_empty(),
        "no case files in {}",
        case_dir().display()
    );
    let mut report = String::new();
    let (mut total, mut failed) = (0usize, 0usize);
    let mut names = BTreeSet::new();
    for file in &files {
        let fname = file
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for (i, case) in file.cases.iter().enumerate() {
            let name = case
                .get("name")
                .and_then(Toml::as_str)
                .map_or_else(|| format!("#{i}"), str::to_string);
            if let Some(f) = &filter {
                if !name.contains(f.as_str()) && !fname.contains(f.as_str()) {
                    continue;
                }
            }
            total += 1;
            let mut fails = match spec_table(case, "case") {
                Ok(t) => {
                    run_case(&extractors, t).unwrap_or_else(|e| vec![format!("BAD CASE: {e}")])
                }
                Err(e) => vec![format!("BAD CASE: {e}")],
            };
            if !names.insert(name.clone()) {
                fails.insert(0, "BAD CASE: duplicate case name".to_string());
            }
            if !fails.is_empty() {
                failed += 1;
                let _ = writeln!(report, "\n--- {fname}: {name}");
                for f in fails {
                    let _ = writeln!(report, "    {f}");
                }
            }
        }
    }
    assert!(total > 0, "no case matched the filter {filter:?}");
    if failed > 0 {
        panic!("{report}\n{failed} of {total} cases failed");
    }
    eprintln!("{total} cases passed");
}

// ---------------------------------------------------------------------------------------------
// The runner's own checks, on hand-made events, so a runner bug cannot hide extractor bugs.

fn spec(src: &str) -> toml::Table {
    toml::from_str(src).expect("valid spec")
}

const SAMPLE: &str =
    "Russian jets struck Nusra Front positions near Saraqeb, killing 12 militants.";

fn sample_strike() -> Json {
    serde_json::json!({
        "type": "strike", "modality": "asserted", "evidence": [[0, 77]],
        "actor": {"name": "Russia", "kind": "state", "country": "RU", "span": [0, 7]},
        "base": null,
        "targets": [{"name": "Nusra Front", "kind": "armed_group", "country": null, "span": [20, 31]}],
        "provinces": [{"name": "Idlib", "kind": "province", "code": "SY-ID", "country": "SY", "span": null}],
        "locations": [{"name": "Saraqib", "kind": "city", "code": null, "country": "SY", "province": "SY-ID", "span": [47, 54]}],
        "date": null, "weapon": "air"
    })
}

fn sample_casualty() -> Json {
    serde_json::json!({
        "type": "casualty", "modality": "asserted", "evidence": [[0, 77]], "kind": "killed",
        "count": {"value": 12, "low": null, "high": null, "qualifier": "exact", "text": "12", "span": [64, 66]},
        "victims": {"text": "militants", "category": "combatants", "span": [67, 76]},
        "cumulative": false, "perpetrator": null,
        "place": {"name": "Saraqib", "kind": "city", "code": null, "country": "SY", "span": [47, 54]},
        "province": {"name": "Idlib", "kind": "province", "code": "SY-ID", "country": "SY", "span": null},
        "date": null, "source": null, "source_span": null
    })
}

#[test]
fn runner_matches_fields_by_name_country_and_span_text() {
    let ev = sample_strike();
    let ok = |s: &str| mismatches(SAMPLE, &[], &ev, &spec(s)).expect("valid spec");
    assert!(ok(r#"type = "strike"
actor = "RU""#)
    .is_empty());
    assert!(ok(r#"type = "strike"
actor = "russia""#)
    .is_empty());
    assert!(ok(r#"type = "strike"
actor = ["IR", "Russian"]
locations = ["Saraqeb"]
provinces = ["SY-ID"]
targets = [["Jabhat al-Nusra", "Nusra Front"]]
base_country = ""
date = ""
weapon = "air""#)
    .is_empty());
    assert_eq!(
        ok(r#"type = "strike"
actor = """#)
        .len(),
        1
    );
    assert_eq!(
        ok(r#"type = "strike"
modality = "negated""#)
        .len(),
        1
    );
    assert_eq!(
        ok(r#"type = "strike"
provinces = ["SY-ID", "SY-HL"]"#)
        .len(),
        1
    );
    assert_eq!(
        ok(r#"type = "strike"
targets = []"#)
        .len(),
        1,
        "extra targets are not allowed"
    );
    assert_eq!(
        ok(r#"type = "strike"
targets = ["Nusra Front", "Nusra Front"]"#)
        .len(),
        1,
        "one target cannot serve two items"
    );
    assert_eq!(ok(r#"type = "casualty""#).len(), 1, "type differs");
    assert!(
        mismatches(
            SAMPLE,
            &[],
            &ev,
            &spec(
                r#"type = "strike"
actors = "RU""#
            )
        )
        .is_err(),
        "typos in keys are reported"
    );
}

#[test]
fn runner_matches_casualty_fields() {
    let ev = sample_casualty();
    let ok = |s: &str| mismatches(SAMPLE, &[], &ev, &spec(s)).expect("valid spec");
    assert!(ok(r#"type = "casualty"
kind = "killed"
value = 12
low = ""
qualifier = "exact"
count_text = "12"
victims = "Militants"
category = "combatants"
cumulative = false
perpetrator = ""
place = "Saraqeb"
province = "SY-ID"
country = "SY"
source = """#)
    .is_empty());
    assert_eq!(
        ok(r#"type = "casualty"
value = 13
cumulative = true
source = "SOHR""#)
        .len(),
        3
    );
}

#[test]
fn runner_assigns_distinct_events_to_expects() {
    // Expect 0 may take event 0 or 1, expect 1 only event 0: both must be served.
    assert_eq!(
        max_matching(&[vec![0, 1], vec![0]], 2),
        vec![Some(1), Some(0)]
    );
    // Two expects for one event: one stays unmatched.
    let m = max_matching(&[vec![0], vec![0]], 1);
    assert_eq!(m.iter().filter(|x| x.is_some()).count(), 1);
}

#[test]
fn runner_checks_spans() {
    assert!(span_errors(SAMPLE, &sample_strike()).is_empty());
    assert!(span_errors(SAMPLE, &sample_casualty()).is_empty());
    let mut bad = sample_casualty();
    bad["count"]["span"] = serde_json::json!([63, 66]);
    assert_eq!(
        span_errors(SAMPLE, &bad).len(),
        1,
        "count.text differs from its span"
    );
    bad["count"]["span"] = serde_json::json!([64, 999]);
    assert_eq!(span_errors(SAMPLE, &bad).len(), 1, "outside the text");
    let mut empty = sample_strike();
    empty["actor"]["span"] = serde_json::json!([3, 3]);
    assert_eq!(span_errors(SAMPLE, &empty).len(), 1, "empty entity span");
    let text = "Deir ez\u{2011}Zor";
    let mut split = sample_strike();
    split["evidence"] = serde_json::json!([[0, 8]]);
    split["actor"] = Json::Null;
    split["targets"] = serde_json::json!([]);
    split["locations"] = serde_json::json!([]);
    assert_eq!(
        span_errors(text, &split).len(),
        1,
        "inside a multi-byte char"
    );
}
