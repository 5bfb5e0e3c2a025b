//! Casualty figures: a count, the word that says what happened to the people it counts,
//! and who they were.
//!
//! Forms read: "killed 12 militants", "killing at least 12", "12 people were killed",
//! "12 militants killed", "12 dead", "12 fatalities", "left 12 dead", "the death toll rose
//! to 12", "a soldier was killed", "displaced millions". A figure of things ("12
//! airstrikes", "30 missiles", "3 houses"), a year, an age, a distance or a percentage is
//! never a casualty. An older figure of the same toll ("updating a previous toll of 112",
//! "up from 112") is not a figure of its own. Running tolls ("the war has killed more than
//! 280,000", "since 2011", "so far") are `cumulative`.

use super::kinds::Cause;
use super::lexicon::{Pos, W};
use super::strike::Strikes;
use super::{is_locative_before, modality, nearest_date, paragraph_date, Doc, Sent};
use crate::gazetteer::EntryKind;
use crate::model::{
    Casualty, CasualtyKind, Count, Entity, Event, Place, PlaceKind, Qualifier, VictimCategory,
    Victims,
};
use crate::numbers::NumberKind;
use crate::span::Span;

struct Cand {
    count: Count,
    a: usize,
    b: usize,
}

pub(crate) fn extract(doc: &Doc, strikes: &Strikes, causes: &[Cause]) -> Vec<Event> {
    let mut out: Vec<Casualty> = Vec::new();
    for (si, s) in doc.sents.iter().enumerate() {
        // figures are read only where a strike or casualty word is (see `Sent::numbers`)
        if !s.event_words {
            continue;
        }
        // deaths no conflict caused (floods, earthquakes, accidents) are no casualties of war
        if causes.get(si) == Some(&Cause::Disaster) {
            continue;
        }
        let strike = strikes
            .by_sentence
            .get(si)
            .copied()
            .flatten()
            .and_then(|i| strikes.events.get(i));
        let mut in_sentence: Vec<CasualtyKind> = Vec::new();
        for &(ca, cb) in &s.clauses {
            // `read` takes the kind of a figure from a casualty or toll word of its clause
            let clause = s.toks.get(ca..cb).unwrap_or(&[]);
            if !clause
                .iter()
                .any(|t| matches!(t.w, W::Casualty(..) | W::Toll))
            {
                continue;
            }
            for c in candidates(doc, s, ca, cb) {
                let Some(cas) = read(doc, si, s, ca, cb, c, strike, &in_sentence) else {
                    continue;
                };
                in_sentence.push(cas.kind);
                add(&mut out, cas);
            }
        }
    }
    out.into_iter().map(Event::Casualty).collect()
}

/// Figures of the clause: counts from the numbers stage, and "a"/"an" before a person noun.
fn candidates(doc: &Doc, s: &Sent, ca: usize, cb: usize) -> Vec<Cand> {
    let mut v: Vec<Cand> = doc
        .numbers(s)
        .iter()
        .filter(|(n, a, b)| n.kind == NumberKind::Count && *a >= ca && *b <= cb && a < b)
        .map(|(n, a, b)| Cand {
            count: n.count.clone(),
            a: *a,
            b: *b,
        })
        .collect();
    for i in ca..cb {
        let Some(t) = s.toks.get(i) else { break };
        // "killing the man", "resulted in the death of the commander": one person
        let definite_after_verb = t.w == W::Definite
            && doc.word(t).eq_ignore_ascii_case("the")
            && i > ca
            && s.toks.get(i - 1).is_some_and(|p| {
                matches!(p.w, W::Casualty(_, Pos::Verb))
                    || doc.word(p).eq_ignore_ascii_case("of")
                        && i >= 2
                        && s.toks.get(i - 2).is_some_and(|d| {
                            matches!(d.w, W::Casualty(CasualtyKind::Killed, Pos::After))
                        })
            });
        if t.w != W::Indefinite && !definite_after_verb {
            continue;
        }
        // "a soldier", "a young man", "an elderly woman"
        let mut j = i + 1;
        while j < cb && j < i + 5 {
            match s.toks.get(j).map(|t| t.w) {
                Some(W::Victim(_)) => break,
                // "a regime soldier", "a Syrian army officer", "an unknown militant"
                Some(W::Regime | W::Military | W::Unknown) => j += 1,
                Some(W::Other) if s.toks.get(j).is_some_and(|t| t.punct == 0) => {
                    let w = s
                        .toks
                        .get(j)
                        .map(|t| super::lower(doc.word(t)))
                        .unwrap_or_default();
                    if matches!(
                        w.as_ref(),
                        "fourth"
                            | "third"
                            | "second"
                            | "fifth"
                            | "sixth"
                            | "further"
                            | "number"
                            | "total"
                            | "lot"
                            | "group"
                            | "few"
                            | "handful"
                            | "dozen"
                    ) {
                        break;
                    }
                    j += 1
                }
                _ => break,
            }
        }
        if let Some(W::Victim(cat)) = s.toks.get(j).map(|t| t.w) {
            let word = s.toks.get(j).map(|t| doc.word(t)).unwrap_or("");
            // singular nouns only: "a soldier", not "a number of soldiers"
            if word.ends_with('s') && !matches!(word, "police" | "gunmen")
                || cat == VictimCategory::People && word != "person"
            {
                continue;
            }
            v.push(Cand {
                count: Count::new(Some(1), None, None, Qualifier::Exact, doc.word(t), t.span),
                a: i,
                b: i + 1,
            });
        }
    }
    v.sort_by_key(|c| c.a);
    v
}

fn is_word(doc: &Doc, s: &Sent, i: usize, words: &[&str]) -> bool {
    s.toks
        .get(i)
        .is_some_and(|t| words.iter().any(|w| doc.word(t).eq_ignore_ascii_case(w)))
}

#[allow(clippy::too_many_arguments)]
fn read(
    doc: &Doc,
    si: usize,
    s: &Sent,
    ca: usize,
    cb: usize,
    c: Cand,
    strike: Option<&crate::model::Strike>,
    in_sentence: &[CasualtyKind],
) -> Option<Casualty> {
    // an older figure of the same toll
    let before = c.a.saturating_sub(4)..c.a;
    if before
        .clone()
        .any(|i| s.toks.get(i).is_some_and(|t| t.w == W::Previous))
    {
        return None;
    }
    if c.a > 0 && is_word(doc, s, c.a - 1, &["from"]) && is_word(doc, s, c.b, &["to"]) {
        return None;
    }
    if c.a >= 2 && is_word(doc, s, c.a - 1, &["from"]) && is_word(doc, s, c.a - 2, &["up", "down"])
    {
        return None;
    }
    // coding remarks: "coded as 10", "split between 3 events"
    if c.a >= 1
        && is_word(doc, s, c.a - 1, &["as"])
        && c.a >= 2
        && is_word(doc, s, c.a - 2, &["coded"])
    {
        return None;
    }
    // coding remarks of analysts: "10 fatalities coded and split across 4 locations"
    let clause = s.toks.get(ca..cb).unwrap_or(&[]);
    let remark = clause
        .iter()
        .any(|t| doc.word(t).eq_ignore_ascii_case("coded"))
        || clause
            .iter()
            .any(|t| doc.word(t).eq_ignore_ascii_case("split"))
            && clause.iter().any(|t| {
                matches!(
                    super::lower(doc.word(t)).as_ref(),
                    "across" | "between" | "among" | "follows"
                )
            });
    if remark {
        return None;
    }
    // a part of a figure already given: "including 3 children"
    let including =
        (c.a.saturating_sub(2)..c.a).any(|i| s.toks.get(i).is_some_and(|t| t.w == W::Including));
    if including && !in_sentence.is_empty() {
        return None;
    }

    // after the figure: adjectives, a victim noun, auxiliaries, the casualty word
    let mut victims: Option<(VictimCategory, Span)> = None;
    let mut kind: Option<(CasualtyKind, usize)> = None;
    let mut j = c.b;
    let mut adjectives = 0;
    while j < cb {
        let Some(t) = s.toks.get(j) else { break };
        match t.w {
            W::Victim(cat) => {
                // "police officer": the head noun is the last one
                let cat = victims.map(|(c, _)| c).unwrap_or(cat);
                victims = Some((cat, t.span));
            }
            // "was shot and killed"
            W::Conj
                if victims.is_some()
                    && j > 0
                    && s.toks.get(j - 1).is_some_and(|p| p.w == W::Aux)
                    && s.toks
                        .get(j + 1)
                        .is_some_and(|n| matches!(n.w, W::Casualty(..))) => {}
            W::Casualty(k, _) => {
                kind = Some((k, j));
                break;
            }
            // "aid workers", "security guards": a noun before a person noun is a modifier
            W::Thing | W::Military
                if victims.is_none()
                    && s.toks
                        .get(j + 1)
                        .is_some_and(|n| matches!(n.w, W::Victim(_))) => {}
            W::Thing | W::WeaponNoun(_) | W::Trigger(..) | W::Base | W::Launch => {
                victims?;
                break;
            }
            W::Aux | W::Perfect | W::Definite | W::Unknown | W::Report => {}
            // '12 militants were "neutralised"': quotes around the verb
            _ if t.punct == b'"' || t.punct == b'\'' => {}
            // "dozens of civilians", "12 of them"
            W::Locative if j == c.b && doc.word(t).eq_ignore_ascii_case("of") => {}
            // "a fighter from the Haydariyon militia was found dead"
            W::Locative if victims.is_some() && j + 1 < cb && j < c.b + 6 => {}
            W::Other | W::Military | W::Regime
                if victims.is_none() && t.punct == 0 || t.punct == b'-' =>
            {
                adjectives += 1;
                if adjectives > 4 {
                    break;
                }
                if let Some(m) = t.ment.and_then(|m| s.ments.get(m as usize)) {
                    if doc.has_kind(m, &[EntryKind::ArmedGroup]) && victims.is_none() {
                        victims = Some((VictimCategory::Combatants, m.m.span));
                    }
                    // "23 Palestinians": a people in the plural are the victims
                    let plural = doc
                        .text
                        .get(..m.m.span.end)
                        .is_some_and(|w| w.ends_with('s'));
                    if doc.has_kind(m, &[EntryKind::Demonym]) && plural && victims.is_none() {
                        victims = Some((VictimCategory::People, m.m.span));
                    }
                    // a name of several words ("Boko Haram") is one modifier
                    j = j.max(m.b.saturating_sub(1));
                }
            }
            _ => break,
        }
        j += 1;
    }
    // "the death toll from Saturday's strike on ... has risen to 21"
    if kind.is_none()
        && c.a >= 2
        && is_word(doc, s, c.a - 1, &["to", "at"])
        && is_word(
            doc,
            s,
            c.a - 2,
            &[
                "rose",
                "risen",
                "climbed",
                "reached",
                "increased",
                "jumped",
                "stood",
                "stands",
                "stand",
                "rises",
            ],
        )
    {
        if let Some(i) = (ca..c.a - 2)
            .rev()
            .find(|&i| s.toks.get(i).is_some_and(|t| t.w == W::Toll))
        {
            kind = Some((CasualtyKind::Killed, i));
        }
    }
    // before the figure: "killed 12", "killing at least 12", "toll rose to 12", "shot dead 2"
    if kind.is_none() {
        let mut i = c.a;
        let mut steps = 0usize;
        while i > ca && steps < 3 {
            i -= 1;
            steps += 1;
            let Some(t) = s.toks.get(i) else { break };
            match t.w {
                W::Casualty(k, Pos::Verb) => {
                    kind = Some((k, i));
                    break;
                }
                W::Casualty(CasualtyKind::Killed, Pos::After)
                    if is_word(
                        doc,
                        s,
                        i.wrapping_sub(1),
                        &["shot", "shooting", "beaten", "stabbed"],
                    ) || doc.word(t).eq_ignore_ascii_case("lives") =>
                {
                    kind = Some((CasualtyKind::Killed, i));
                    break;
                }
                W::Casualty(CasualtyKind::Killed, Pos::After)
                    if is_word(doc, s, i + 1, &["of"]) =>
                {
                    kind = Some((CasualtyKind::Killed, i));
                    break;
                }
                W::Toll => {
                    kind = Some((CasualtyKind::Killed, i));
                    break;
                }
                W::Definite | W::Aux | W::Locative => {}
                W::Other
                    if matches!(
                        super::lower(doc.word(t)).as_ref(),
                        "rose"
                            | "risen"
                            | "climbed"
                            | "reached"
                            | "stood"
                            | "stands"
                            | "stand"
                            | "to"
                            | "at"
                    ) =>
                {
                    // "the death toll rose to 12": look further back for "toll"
                    steps = steps.saturating_sub(1);
                    if i + 6 < c.a {
                        break;
                    }
                }
                _ => break,
            }
        }
        // after a verb before the figure, the noun after it names the victims
        if kind.is_some() && victims.is_none() {
            if let Some(t) = s.toks.get(c.b) {
                if let W::Victim(cat) = t.w {
                    victims = Some((cat, t.span));
                }
            }
        }
    }
    let (kind, kind_tok) = kind?;
    // "the three other soldiers fled": fighters who flee are not displaced people
    if kind == CasualtyKind::Displaced
        && s.toks
            .get(kind_tok)
            .is_some_and(|t| doc.word(t).eq_ignore_ascii_case("fled"))
        && victims.is_some_and(|(c, _)| {
            matches!(
                c,
                VictimCategory::Combatants | VictimCategory::SecurityForces
            )
        })
    {
        return None;
    }
    if matches!(kind, CasualtyKind::Detained | CasualtyKind::Abducted) && !doc.options.captives {
        return None;
    }
    let modality = modality::of(doc, s, ca, kind_tok.min(c.a));
    // a figure of wounded that is only "killed or wounded" is not a figure of either
    if is_word(doc, s, kind_tok + 1, &["or", "and/or", "/", "and"])
        && s.toks
            .get(kind_tok + 2)
            .is_some_and(|t| matches!(t.w, W::Casualty(..)))
    {
        return None;
    }
    if kind_tok < c.a
        && is_word(doc, s, kind_tok.wrapping_sub(1), &["or", "/", "and"])
        && s.toks
            .get(kind_tok.wrapping_sub(2))
            .is_some_and(|t| matches!(t.w, W::Casualty(..)))
    {
        return None;
    }
    let cumulative = is_cumulative(doc, s, ca, cb);
    let victims = match victims {
        Some((cat, span)) => {
            let text = span.get(doc.text).map(|w| w.to_string());
            let cat = if text
                .as_deref()
                .is_some_and(|t| t.eq_ignore_ascii_case("others"))
            {
                VictimCategory::People
            } else {
                cat
            };
            Victims {
                text,
                category: cat,
                span: Some(span),
            }
        }
        None => Victims {
            text: None,
            category: VictimCategory::People,
            span: None,
        },
    };
    let (place, province) = place(doc, si, s, ca, cb, strike, cumulative);
    // a running toll has no date of its own ("since October 7" is when it began)
    let date = if cumulative {
        None
    } else {
        nearest_date(doc, s, ca, cb, c.a, None)
            .or_else(|| nearest_date(doc, s, 0, s.toks.len(), c.a, None))
            .or_else(|| strike.and_then(|x| x.date.clone()))
            .or_else(|| paragraph_date(doc, si))
    };
    let (source, source_span) = source(doc, s);
    let perpetrator = strike
        .and_then(|x| x.actor.clone())
        .or_else(|| perpetrator(doc, s, ca, c.a));
    Some(Casualty {
        modality,
        evidence: vec![s.span],
        kind,
        count: c.count,
        victims,
        cumulative,
        perpetrator,
        place,
        province,
        date,
        source,
        source_span,
        event: None,
    })
}

/// A running toll: "since", "so far", "to date", "in total", or a war that "has killed".
fn is_cumulative(doc: &Doc, s: &Sent, ca: usize, cb: usize) -> bool {
    let clause = s.toks.get(ca..cb).unwrap_or(&[]);
    let running = clause.iter().enumerate().any(|(k, t)| {
        t.w == W::Running
            || doc.word(t).eq_ignore_ascii_case("so")
                && clause
                    .get(k + 1)
                    .is_some_and(|n| doc.word(n).eq_ignore_ascii_case("far"))
            || doc.word(t).eq_ignore_ascii_case("to")
                && clause
                    .get(k + 1)
                    .is_some_and(|n| doc.word(n).eq_ignore_ascii_case("date"))
    });
    let war = s.toks.iter().any(|t| t.w == W::War);
    let perfect = clause.iter().any(|t| t.w == W::Perfect);
    running || war && perfect
}

fn place(
    doc: &Doc,
    si: usize,
    s: &Sent,
    ca: usize,
    cb: usize,
    strike: Option<&crate::model::Strike>,
    cumulative: bool,
) -> (Option<Place>, Option<Place>) {
    let rank = |kind: PlaceKind| match kind {
        PlaceKind::City | PlaceKind::District | PlaceKind::AirBase => 0u8,
        PlaceKind::Province => 1,
        PlaceKind::Region => 2,
        PlaceKind::Country => 3,
    };
    let pick = |lo: usize, hi: usize, s: &Sent| -> Option<Place> {
        type Key = (bool, bool, bool, std::cmp::Reverse<u8>);
        let mut best: Option<(Key, super::PlaceRef)> = None;
        for m in &s.ments {
            if m.a < lo || m.b > hi || !doc.is_place(m) {
                continue;
            }
            let locative = is_locative_before(s, m.a);
            // a country named as an actor ("Russia and Iran are backing") is not a place
            let Some(p) = doc.place_ref(s, m) else {
                continue;
            };
            if p.kind == PlaceKind::Country && !locative && !is_possessive_after(doc, s, m.b) {
                continue;
            }
            // the article's own country first, then a place that knows its province, then a
            // place word before it, then the most precise
            let key = (
                p.country().is_some() && p.country() == doc.main_country.as_deref(),
                p.kind == PlaceKind::Province || p.province().is_some(),
                locative,
                std::cmp::Reverse(rank(p.kind)),
            );
            if best.as_ref().is_none_or(|(k, _)| key > *k) {
                best = Some((key, p));
            }
        }
        best.map(|(_, p)| p.to_place())
    };
    let found = pick(ca, cb, s)
        .or_else(|| pick(0, s.toks.len(), s))
        .or_else(|| {
            strike.and_then(|x| {
                x.locations
                    .first()
                    .cloned()
                    .or_else(|| x.provinces.first().cloned())
            })
        })
        .or_else(|| {
            if cumulative {
                let c = doc.main_country.clone()?;
                Some(Place {
                    name: Some(doc.country_name(&c)),
                    kind: PlaceKind::Country,
                    code: Some(c.clone()),
                    country: Some(c),
                    province: None,
                    span: None,
                })
            } else {
                doc.sents
                    .get(..si)?
                    .iter()
                    .rev()
                    .take_while(|p| p.paragraph == s.paragraph)
                    .find_map(|p| pick(0, p.toks.len(), p))
            }
        });
    let province = found.as_ref().and_then(|p| doc.province_of(p));
    (found, province)
}

fn is_possessive_after(doc: &Doc, s: &Sent, b: usize) -> bool {
    s.toks.get(b).is_some_and(|t| doc.word(t) == "'s")
}

fn source(doc: &Doc, s: &Sent) -> (Option<String>, Option<Span>) {
    for m in &s.ments {
        if doc.has_kind(m, &[EntryKind::Source]) {
            if let Some(name) = doc.as_source(m) {
                return (Some(name), Some(m.m.span));
            }
        }
    }
    (None, None)
}

fn perpetrator(doc: &Doc, s: &Sent, ca: usize, at: usize) -> Option<Entity> {
    let mut best = None;
    for m in &s.ments {
        if m.a < ca || m.b > at {
            continue;
        }
        if !doc.has_kind(
            m,
            &[
                EntryKind::ArmedGroup,
                EntryKind::Military,
                EntryKind::Demonym,
                EntryKind::Country,
            ],
        ) {
            continue;
        }
        if is_locative_before(s, m.a) {
            continue;
        }
        if s.toks.get(m.b).is_some_and(|t| matches!(t.w, W::Victim(_)))
            && !s.toks.get(m.b).is_some_and(|t| {
                matches!(
                    t.w,
                    W::Victim(VictimCategory::Combatants)
                        | W::Victim(VictimCategory::SecurityForces)
                )
            })
        {
            continue;
        }
        best = doc.as_actor(m);
    }
    best
}

/// Adds a casualty, merging it into one already told with the same kind, figure and scope.
fn add(out: &mut Vec<Casualty>, c: Casualty) {
    if let Some(prev) = out.iter_mut().find(|p| {
        p.kind == c.kind
            && p.count.best() == c.count.best()
            && p.cumulative == c.cumulative
            && p.modality == c.modality
    }) {
        for e in c.evidence {
            if !prev.evidence.contains(&e) {
                prev.evidence.push(e);
            }
        }
        if prev.place.is_none() {
            prev.place = c.place;
            prev.province = c.province;
        }
        if prev.date.is_none() {
            prev.date = c.date;
        }
        if prev.source.is_none() {
            prev.source = c.source;
            prev.source_span = c.source_span;
        }
        if prev.victims.text.is_none() {
            prev.victims = c.victims;
        }
        if prev.perpetrator.is_none() {
            prev.perpetrator = c.perpetrator;
        }
        return;
    }
    out.push(c);
}
