//! The role readers every kind shares: where (provinces and towns of a clause, or of the
//! paragraph before it), who acted when the text names no gazetteer actor ("regime forces",
//! "the army", "gunmen"), and the tests that tell a group named as a modifier or a speaker
//! from one that acts. A kind calls these; it keeps no copy of its own.

use std::borrow::Cow;

use super::lexicon::{self, C, W};
use super::{is_locative_before, same_code, Doc, Ment, PlaceRef, Sent, Tok};
use crate::gazetteer::{share_code, EntryKind};
use crate::model::{Entity, EntityKind, Place, PlaceKind};
use crate::span::Span;

/// The places of an event: provinces (ISO 3166-2) and towns, districts, bases.
#[derive(Default)]
pub(crate) struct Where {
    pub provinces: Vec<Place>,
    pub locations: Vec<Place>,
}

/// Adds a place unless the list has it.
pub(crate) fn push_unique_place(v: &mut Vec<Place>, p: Place) {
    if !v.iter().any(|q| q.code == p.code && q.name == p.name) {
        v.push(p);
    }
}

/// True if the list has the place `p` (by code and name, as [`push_unique_place`] tells).
pub(crate) fn has_place(v: &[Place], p: &Place) -> bool {
    v.iter().any(|q| q.code == p.code && q.name == p.name)
}

/// True if the mention is an armed group and not also a province or a town.
pub(crate) fn is_group_only(doc: &Doc, m: &Ment) -> bool {
    doc.has_kind(m, &[EntryKind::ArmedGroup])
        && !doc.has_kind(m, &[EntryKind::Province, EntryKind::City])
}

/// "the Houthi-run health ministry", "IS-held villages": a name joined by a hyphen to a
/// lowercase word modifies what follows; it neither acts nor is acted on.
pub(crate) fn is_compound_modifier(doc: &Doc, m: &Ment) -> bool {
    doc.text.get(m.m.span.end..).is_some_and(|r| {
        r.starts_with('-')
            && r.get(1..)
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_lowercase()))
    })
}

/// The places of the clause [a, b), else of the sentence, leaving out the mentions in
/// `skip` (the actor's, the base's). A province the text names beats the province of a
/// homonym town elsewhere ("near Orikhove, Luhansk"); a town's province counts where the
/// text names none.
///
/// Where lists are exact ([`Doc::exact_lists`]), they keep no room to spare, as
/// [`take_out`] tells.
#[inline]
pub(crate) fn places(doc: &Doc, s: &Sent, a: usize, b: usize, skip: &[Option<usize>]) -> Where {
    let mut lists = PlaceLists::default();
    places_into(doc, s, a, b, skip, &mut lists);
    let mut found = lists.found;
    if doc.exact_lists {
        found.provinces.shrink_to_fit();
        found.locations.shrink_to_fit();
    }
    found
}

/// The items of a list the rules keep (places, targets), for an event to keep. An empty
/// list stays with its room, and none is allocated. Else the list is taken whole (grown
/// push by push, it has room for four: a place list 608 bytes for the 152 of its one place,
/// the most common), or, where `exact` ([`Doc::exact_lists`]: a window of a long article,
/// whose events are many), its items are copied into a list of their number and it keeps
/// its room. Copied always, the lists cost news articles, whose events are few, 0.6% more
/// instructions; exact in long texts, they took the peak memory of a 10 MB article from
/// 81 to 72 MB.
pub(crate) fn take_out<T>(from: &mut Vec<T>, exact: bool) -> Vec<T> {
    if from.is_empty() {
        Vec::new()
    } else if exact {
        let mut out = Vec::with_capacity(from.len());
        out.append(from);
        out
    } else {
        std::mem::take(from)
    }
}

/// The lists [`places_into`] fills, kept by a caller that reads the places of many clauses
/// and keeps few of them: most strike mentions merge into a strike told before, and a list
/// made for each was an allocation and a free for each.
#[derive(Default)]
pub(crate) struct PlaceLists {
    pub found: Where,
    /// The provinces of the towns, which stand for the provinces where the text names none.
    towns: Vec<Place>,
}

impl PlaceLists {
    /// Empties the lists, which keep their room.
    pub(crate) fn clear(&mut self) {
        self.found.provinces.clear();
        self.found.locations.clear();
        self.towns.clear();
    }

    /// The room in bytes of the largest list.
    pub(crate) fn room(&self) -> usize {
        let lists = [&self.found.provinces, &self.found.locations, &self.towns];
        let most = lists.iter().map(|v| v.capacity()).max().unwrap_or(0);
        most.saturating_mul(std::mem::size_of::<Place>())
    }
}

/// [`places`] written into `lists`, emptied first.
pub(crate) fn places_into(
    doc: &Doc,
    s: &Sent,
    a: usize,
    b: usize,
    skip: &[Option<usize>],
    lists: &mut PlaceLists,
) {
    lists.clear();
    let in_clause = |m: &Ment| m.a >= a && m.b <= b;
    let clause_has_place = || {
        s.ments.iter().any(|m| {
            in_clause(m)
                && doc.is_place(m)
                && !doc.has_kind(m, &[EntryKind::Military, EntryKind::ArmedGroup])
        })
    };
    // read only for a mention outside the clause: most clauses are their sentence
    let mut outside_skipped: Option<bool> = None;
    for (mi, m) in s.ments.iter().enumerate() {
        // a mention that can name no province or town (a country, an actor) adds no place
        // ([`Doc::place_ref`] reads it as a country, or not at all): told by its kinds, a
        // bit, before its clause, its words and its entries are read
        if !doc.has_kind(m, &TOWN_OR_PROVINCE) {
            continue;
        }
        if skip.contains(&Some(mi))
            || !in_clause(m) && *outside_skipped.get_or_insert_with(clause_has_place)
        {
            continue;
        }
        if !can_be_place(doc, s, m) {
            continue;
        }
        if let Some(p) = doc.place_ref(s, m) {
            add_place(doc, m, p, lists);
        }
    }
    settle_provinces(lists);
}

/// Adds the place `p` that the mention `m` names to `lists`: a province to the provinces,
/// a town to the locations, with its province to the towns' provinces; a country to none.
fn add_place(doc: &Doc, m: &Ment, p: PlaceRef<'_>, lists: &mut PlaceLists) {
    match p.kind {
        PlaceKind::Country => {}
        PlaceKind::Province => push_unique_place(&mut lists.found.provinces, p.to_place()),
        _ => {
            let town = p.to_place();
            let PlaceLists {
                found: Where { locations, .. },
                towns,
            } = lists;
            // the town is moved into its list and its province read there: read first, it
            // was copied once more to be moved (its address had been lent)
            if has_place(locations, &town) {
                push_town_province(doc, m, &town, towns);
                return;
            }
            let at = locations.len();
            locations.push(town);
            if let Some(town) = locations.get(at) {
                push_town_province(doc, m, town, towns);
            }
        }
    }
}

/// Adds the province of `town`, a place the mention `m` names, to `towns` unless it has it.
/// A town that knows no province of its own takes the province of its name in its country
/// ("Hebron", the city and the governorate).
fn push_town_province(doc: &Doc, m: &Ment, town: &Place, towns: &mut Vec<Place>) {
    if !push_coded_province(doc, town, towns) {
        if let Some(pr) = namesake_province(doc, m, town) {
            push_unique_place(towns, pr);
        }
    }
}

/// Adds the province of `town` by its own province code to `towns` unless it has it, as
/// [`push_unique_place`] of [`Doc::province_of`] does; false if the town has no code. The
/// province is looked for by its code and name before it is made, as a third of the
/// towns' provinces are in the list already and were made, moved and dropped.
fn push_coded_province(doc: &Doc, town: &Place, towns: &mut Vec<Place>) -> bool {
    let Some(code) = town.province.as_deref() else {
        return false;
    };
    let name = doc.province_name(code);
    // the codes compared first, by `same_code` (no call to `memcmp`), as in
    // `push_unique_place` (code, then name)
    let has = towns
        .iter()
        .any(|q| q.code.as_deref().is_some_and(|c| same_code(c, code)) && q.name == name);
    if !has {
        towns.push(Doc::province_place(town, name));
    }
    true
}

/// The provinces of `lists` once its mentions are read: the towns' provinces where the
/// text names none; else the towns of another province of a named one's country dropped,
/// as homonyms.
fn settle_provinces(lists: &mut PlaceLists) {
    let PlaceLists {
        found: Where {
            provinces,
            locations,
        },
        towns,
    } = lists;
    if provinces.is_empty() {
        // swapped, not moved: both lists keep their room
        std::mem::swap(provinces, towns);
        return;
    }
    for p in towns.iter() {
        if provinces
            .iter()
            .any(|q| q.country == p.country && q.code == p.code)
        {
            continue;
        }
        // a town of another province of the same country is a homonym: drop it
        locations.retain(|l| l.province != p.code || l.country != p.country);
    }
}

/// The kinds of entry [`places_into`] keeps a place of: [`Doc::place_ref`] ranks these and
/// countries alone, and keeps no country.
const TOWN_OR_PROVINCE: [EntryKind; 4] = [
    EntryKind::Province,
    EntryKind::City,
    EntryKind::District,
    EntryKind::AirBase,
];

/// The province of the same name and country as a town of the mention, if the gazetteer has one.
fn namesake_province(doc: &Doc, m: &Ment, town: &Place) -> Option<Place> {
    let (e, _) = doc
        .entries(&m.m)
        .filter(|(e, _)| e.kind() == EntryKind::Province && e.country() == town.country.as_deref())
        .min_by_key(|(_, pref)| *pref)?;
    Some(
        PlaceRef {
            entry: e,
            kind: PlaceKind::Province,
            span: m.m.span,
        }
        .to_place(),
    )
}

/// False for a mention that names an actor, a speaker or a source rather than a place.
fn can_be_place(doc: &Doc, s: &Sent, m: &Ment) -> bool {
    // a mention of none of the kinds the tests below read (most: a town or province alone)
    // is told by one mask, where each test was a branch: only the speaker test is left
    if m.kinds & NOT_PLACE_ONLY == 0 {
        return !doc.is_speaker(s, m);
    }
    can_be_place_by_tests(doc, s, m)
}

/// [`can_be_place`] read kind by kind, with no mask first.
#[inline(always)]
fn can_be_place_by_tests(doc: &Doc, s: &Sent, m: &Ment) -> bool {
    let has = |kinds: &[EntryKind]| doc.has_kind(m, kinds);
    let town = has(&[EntryKind::Province, EntryKind::City]);
    // an armed group that is not also a province or a town ([`is_group_only`])
    if has(&[EntryKind::ArmedGroup]) && !town {
        return false;
    }
    if has(&[EntryKind::Demonym, EntryKind::Official, EntryKind::Source]) && !doc.is_place(m) {
        return false;
    }
    // a state or force named as the object of an event is not a place of it
    if has(&[EntryKind::Military, EntryKind::Metonym]) && !town {
        return false;
    }
    if doc.is_speaker(s, m) {
        return false;
    }
    // "if Washington attacked": a capital standing for its government is no place
    !has(&[EntryKind::Metonym]) || is_locative_before(s, m.a)
}

/// The kinds [`can_be_place`] reads besides a place's: an actor, a speaker or a source, and
/// a capital standing for its state.
const NOT_PLACE_ONLY: u32 = super::kind_bits(&[
    EntryKind::ArmedGroup,
    EntryKind::Demonym,
    EntryKind::Official,
    EntryKind::Source,
    EntryKind::Military,
    EntryKind::Metonym,
]);

/// An event told without a place takes the last place of the sentences before it in its
/// paragraph ("Clashes ... in Homs countryside. They were accompanied by airstrikes.").
pub(crate) fn paragraph_places(
    doc: &Doc,
    si: usize,
    provinces: &mut Vec<Place>,
    locations: &mut Vec<Place>,
) {
    let Some(s) = doc.sents.get(si) else { return };
    // a sentence that names its place, if only a country ("targets in Iraq"), keeps it
    if s.ments
        .iter()
        .any(|m| doc.is_place(m) && is_locative_before(s, m.a))
    {
        return;
    }
    let Some(before) = doc.sents.get(..si) else {
        return;
    };
    for p in before
        .iter()
        .rev()
        .take_while(|p| p.paragraph == s.paragraph)
    {
        let place = p
            .ments
            .iter()
            .rev()
            .filter(|m| doc.is_place(m))
            .find_map(|m| {
                doc.place_ref(p, m)
                    .filter(|pl| pl.kind != PlaceKind::Country)
                    .map(PlaceRef::to_place)
            });
        if let Some(pl) = place {
            match pl.kind {
                PlaceKind::Province => provinces.push(pl),
                _ => {
                    if let Some(pr) = doc.province_of(&pl) {
                        provinces.push(pr);
                    }
                    locations.push(pl);
                }
            }
            return;
        }
    }
}

/// "regime forces", "government troops", "the army", "coalition jets": the state of the
/// article's country, or the coalition that fights there.
pub(crate) fn generic_actor(doc: &Doc, s: &Sent, a: usize, t: usize) -> Option<Entity> {
    let toks = s.toks.get(a..t)?;
    for (k, tok) in toks.iter().enumerate() {
        // one bit test passes the words of no class read here (most words): a match on
        // the class at every word compiled to a jump table, mispredicted at every other one
        if !tok.is_in(ACTOR_WORDS) {
            continue;
        }
        let next = toks.get(k + 1);
        // read only after "regime": most words are not
        let next_is_force = || {
            next.is_some_and(|n| {
                n.is_in(FORCE_WORDS)
                    || n.w == W::Victim(crate::model::VictimCategory::SecurityForces)
            })
        };
        match tok.c() {
            C::Regime if next_is_force() || doc.word_is(tok, lexicon::REGIME) => {
                let span = tok.span.cover(next.map_or(tok.span, |n| n.span));
                return main_country_force(doc, span);
            }
            C::Coalition => return Some(coalition(doc, tok.span)),
            C::Victim
                if tok.w == W::Victim(crate::model::VictimCategory::Combatants)
                    && !is_locative_before(s, a + k)
                    && toks.get(k + 1).is_none_or(|n| !n.is_in(lexicon::VICTIMS))
                    && !(k > 0 && toks.get(k - 1).is_some_and(|p| p.w == W::Unknown)) =>
            {
                return Some(fighters(doc, toks, k, tok));
            }
            // "the army": read at the force's word, as most articles are before no force
            C::Military
                if k > 0
                    && toks.get(k - 1).is_some_and(|p| p.w == W::Definite)
                    && doc.word_is(tok, lexicon::NATIONAL_FORCE) =>
            {
                return main_country_force(doc, tok.span);
            }
            _ => {}
        }
    }
    None
}

/// The classes of the words [`generic_actor`] reads: "regime", "coalition", combatants
/// ("fighters") and the forces after an article ("the army"; an article before the force's
/// word is no other actor word, so the actor found first is the same).
const ACTOR_WORDS: u64 = lexicon::mask(&[C::Regime, C::Coalition, C::Victim, C::Military]);

/// The classes of a word after "regime" that make it the regime's forces: "regime forces",
/// "regime jets", "regime shelled" (and "regime police", a victim of its own category).
const FORCE_WORDS: u64 = lexicon::mask(&[C::Military, C::WeaponNoun, C::Trigger]);

/// "the regime", "regime forces", "the army": the forces of the article's main country.
fn main_country_force(doc: &Doc, span: Span) -> Option<Entity> {
    let c = doc.main_country?;
    Some(Entity {
        name: doc.country_name(c),
        kind: EntityKind::Military,
        country: Some(share_code(c)),
        span,
        text: Default::default(),
    })
}

/// "the coalition": the coalition at war in the article's main country
/// ([`lexicon::COALITIONS`]), else a coalition unnamed.
fn coalition(doc: &Doc, span: Span) -> Entity {
    let known = lexicon::COALITIONS
        .iter()
        .find(|(country, _, _)| doc.main_country == Some(*country));
    Entity {
        name: Cow::Borrowed(known.map_or("coalition", |(_, name, _)| name)),
        kind: EntityKind::Military,
        country: known.map(|(_, _, code)| Cow::Borrowed(*code)),
        span,
        text: Default::default(),
    }
}

/// "militants", "unidentified gunmen": fighters named by a word, with the lowercase word
/// before it ("rebel fighters").
fn fighters(doc: &Doc, toks: &[Tok], k: usize, tok: &Tok) -> Entity {
    let tok_span = tok.span;
    let modifier = k
        .checked_sub(1)
        .and_then(|j| toks.get(j))
        .filter(|p| p.w == W::Other && p.punct == 0 && !p.cap);
    let span = modifier.map_or(tok_span, |p| p.span).cover(tok_span);
    Entity {
        name: span.get(doc.text).unwrap_or("").to_ascii_lowercase().into(),
        kind: EntityKind::Generic,
        country: None,
        span,
        text: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A town's province added by [`push_coded_province`] leaves the list that
    /// [`push_unique_place`] of [`Doc::province_of`] leaves, for the towns of every province
    /// code of the gazetteer, each code asked three times, after places of the
    /// same code under another name and of another code under the same name.
    #[test]
    fn coded_province_is_the_unique_province_of() {
        let gaz = crate::gazetteer::Gazetteer::builtin();
        let text = "Jets struck Aleppo.";
        let seg = crate::text::segment(text, crate::text::Part::WHOLE);
        let mut mentions = Vec::new();
        let prepared = super::super::Prepared::new(gaz, text, &seg.sentences, &mut mentions);
        let doc = Doc::new(gaz, text, &prepared, None);
        let codes = super::super::testing::province_codes();
        assert!(codes.len() > 100, "{}", codes.len());
        let town = super::super::testing::town_of;
        let decoy = |code: &str, name: Option<Cow<'static, str>>| Place {
            name,
            kind: PlaceKind::Province,
            code: Some(Cow::Owned(code.to_string())),
            country: None,
            province: None,
            span: None,
            text: Default::default(),
        };
        for chunk in codes.chunks(40) {
            let first = chunk.first().copied().unwrap_or_default();
            let seeded = vec![
                decoy(first, Some(Cow::Borrowed("Elsewhere"))),
                decoy("XX-1", gaz.shared_name_of(first)),
            ];
            let (mut old, mut new) = (seeded.clone(), seeded);
            for i in 0..chunk.len() * 3 {
                // in turn, then back, then in turn again
                let k = i % chunk.len();
                let k = if (i / chunk.len()) % 2 == 1 {
                    chunk.len() - 1 - k
                } else {
                    k
                };
                let t = town(chunk[k]);
                push_unique_place(&mut old, doc.province_of(&t).unwrap());
                assert!(push_coded_province(&doc, &t, &mut new));
                assert_eq!(old, new);
            }
            assert_eq!(old.len(), chunk.len() + 2);
        }
    }

    /// [`places_into`] passes over a mention of no kind in [`TOWN_OR_PROVINCE`] before it
    /// reads it: those kinds must be every kind the place ranking ranks but countries, or a
    /// kind ranked later would be dropped there unseen.
    #[test]
    fn town_or_province_are_the_ranked_kinds_but_country() {
        for k in EntryKind::ALL {
            let ranked = super::super::PLACE_RANK
                .get(k as usize)
                .is_some_and(|&r| r < 9);
            let kept = ranked && k != EntryKind::Country;
            assert_eq!(TOWN_OR_PROVINCE.contains(&k), kept, "{k:?}");
        }
    }

    /// [`add_place`] moves a town into its list before its province is read: the lists
    /// must be those of reading the province first and pushing each place by
    /// [`push_unique_place`], over towns with and without a province, a province named, a
    /// town named twice, in clauses of every start and end.
    #[test]
    fn a_town_read_in_its_list_gives_the_same_lists() {
        let text = "Jets struck Saraqib and Idlib province, then Saraqib again. \
                    Shelling hit Hebron, Homs and Aleppo. Drones hit Donetsk and Kamianka, \
                    Donetsk. Clashes in Maarat al-Numan and Hama near Homs.";
        super::super::testing::with_doc(text, None, |doc| {
            let mut found = 0;
            for s in &doc.sents {
                let n = s.toks.len();
                for a in 0..n {
                    for b in a..=n {
                        let got = places(doc, s, a, b, &[]);
                        let want = places_by_pushes(doc, s, a, b);
                        found += got.locations.len() + got.provinces.len();
                        assert!(got.provinces == want.provinces, "{a}..{b}");
                        assert!(got.locations == want.locations, "{a}..{b}");
                    }
                }
            }
            assert!(found > 100, "{found} places: the text names too few");
        });
    }

    /// [`places`] as it read a town before it was moved: its province first, each place
    /// pushed by [`push_unique_place`].
    fn places_by_pushes(doc: &Doc, s: &Sent, a: usize, b: usize) -> Where {
        let mut lists = PlaceLists::default();
        let in_clause = |m: &Ment| m.a >= a && m.b <= b;
        let clause_has_place = s.ments.iter().any(|m| {
            in_clause(m)
                && doc.is_place(m)
                && !doc.has_kind(m, &[EntryKind::Military, EntryKind::ArmedGroup])
        });
        for m in s.ments {
            if !doc.has_kind(m, &TOWN_OR_PROVINCE)
                || !in_clause(m) && clause_has_place
                || !can_be_place(doc, s, m)
            {
                continue;
            }
            let Some(p) = doc.place_ref(s, m) else {
                continue;
            };
            match p.kind {
                PlaceKind::Country => {}
                PlaceKind::Province => {
                    push_unique_place(&mut lists.found.provinces, p.to_place());
                }
                _ => {
                    let p = p.to_place();
                    if let Some(pr) = doc
                        .province_of(&p)
                        .or_else(|| namesake_province(doc, m, &p))
                    {
                        push_unique_place(&mut lists.towns, pr);
                    }
                    push_unique_place(&mut lists.found.locations, p);
                }
            }
        }
        settle_provinces(&mut lists);
        lists.found
    }

    /// [`can_be_place`] passes a mention of none of [`NOT_PLACE_ONLY`]'s kinds by one mask:
    /// its answer must be that of every test read in turn, over mentions of every kind,
    /// before and after reporting words, titles and place words.
    #[test]
    fn the_place_mask_agrees_with_the_tests() {
        let text = "Jets struck Saraqib and Idlib province. Moscow said Damascus shelled Homs. \
                    Syrian forces hit Aleppo, a Jubaland official said. Idlib residents fled \
                    to Turkey. Hezbollah fighters in Beirut and Washington attacked Hama. \
                    Russian jets hit Raqqa, the Pentagon said, as SANA reported Daraa.";
        super::super::testing::with_doc(text, None, |doc| {
            let mut seen = 0;
            for s in &doc.sents {
                for m in s.ments {
                    seen += 1;
                    assert_eq!(
                        can_be_place(doc, s, m),
                        can_be_place_by_tests(doc, s, m),
                        "{:?}",
                        m.m.span.get(doc.text)
                    );
                }
            }
            assert!(seen > 15, "{seen} mentions: the text names too few");
        });
    }

    /// [`Doc::place_ref`] reads the words after a mention for a province word only where
    /// the mention names a province and a place ranked before one: its place must be the
    /// one of the words read at every mention of a province, over mentions of one kind and
    /// of several, before province words, after commas and in lists.
    #[test]
    fn a_province_word_is_read_where_it_can_change_the_place() {
        let text = "Jets struck Idlib province and Hama province. Shelling hit Aleppo, Idlib \
                    and Deir al Zour provinces. Drones hit Kamianka, Donetsk, and Luhansk \
                    oblast. Clashes in Rif Dimashq governorate near Homs, Hama. Raids on \
                    Daraa and Quneitra provinces, Kherson region and Sumy.";
        super::super::testing::with_doc(text, None, |doc| {
            let mut provinces = 0;
            for s in &doc.sents {
                for m in s.ments {
                    provinces += usize::from(doc.has_kind(m, &[EntryKind::Province]));
                    let got = doc.place_ref(s, m).map(|p| (p.entry as *const _, p.kind));
                    let want = place_reading_the_words(doc, s, m);
                    assert!(got == want, "{:?}", m.m.span.get(doc.text));
                }
            }
            assert!(
                provinces > 10,
                "{provinces} provinces: the text names too few"
            );
        });
    }

    /// [`Doc::place_ref`]'s entry and kind with the words after every mention of a province
    /// read for a province word.
    fn place_reading_the_words(
        doc: &Doc,
        s: &Sent,
        m: &Ment,
    ) -> Option<(*const crate::gazetteer::Entry, PlaceKind)> {
        use super::super::{PLACE_KINDS, PLACE_RANK};
        if !doc.is_place(m) {
            return None;
        }
        let word = doc.has_kind(m, &[EntryKind::Province]) && Doc::province_word_near(s, m);
        let rank = |k: EntryKind| match PLACE_RANK.get(k as usize) {
            _ if word && k == EntryKind::Province => 0,
            r => r.copied().unwrap_or(9),
        };
        let (weight, (_, e)) = doc.best_place_entry(&m.m, rank)?;
        if weight == 0
            && matches!(e.kind(), EntryKind::City | EntryKind::Province)
            && !doc.countries.is_empty()
            && !is_locative_before(s, m.a)
        {
            return None;
        }
        let kind = PLACE_KINDS.get(e.kind() as usize).copied().flatten()?;
        Some((e as *const _, kind))
    }

    /// [`Doc::place_ref`] and [`Doc::as_actor`] read an entry's kind from tables: each must
    /// say what the rankings say (a place kind for every kind ranked as a place, an actor's
    /// rank as [`actor_rank`] gives it).
    #[test]
    fn the_tables_of_kinds_agree_with_the_rankings() {
        use super::super::{actor_rank, ACTOR_RANKS, PLACE_KINDS, PLACE_RANK};
        for k in EntryKind::ALL {
            let at = k as usize;
            assert_eq!(ACTOR_RANKS.get(at).copied(), Some(actor_rank(k)), "{k:?}");
            let kind = PLACE_KINDS.get(at).copied().flatten();
            let ranked = PLACE_RANK.get(at).is_some_and(|&r| r < 9);
            assert_eq!(kind.is_some(), ranked, "{k:?}");
            let expected = match k {
                EntryKind::Country => Some(PlaceKind::Country),
                EntryKind::Province => Some(PlaceKind::Province),
                EntryKind::City => Some(PlaceKind::City),
                EntryKind::District => Some(PlaceKind::District),
                EntryKind::AirBase => Some(PlaceKind::AirBase),
                _ => None,
            };
            assert_eq!(kind, expected, "{k:?}");
        }
    }

    /// A province word after a name makes it the province (a town is ranked first
    /// otherwise); the words after a mention of no province entry are not read, and change
    /// nothing.
    #[test]
    fn a_province_word_makes_the_province() {
        let text = "Jets struck Idlib province on Monday. Jets struck Idlib on Tuesday. \
                    Jets struck Saraqib province on Wednesday.";
        super::super::testing::with_doc(text, None, |doc| {
            let kinds: Vec<(String, PlaceKind, bool)> = doc
                .sents
                .iter()
                .flat_map(|s| s.ments.iter().map(move |m| (s, m)))
                .filter_map(|(s, m)| {
                    let p = doc.place_ref(s, m)?;
                    let words = m.m.span.get(doc.text)?.to_string();
                    Some((words, p.kind, doc.has_kind(m, &[EntryKind::Province])))
                })
                .collect();
            let of = |i: usize| kinds.get(i).map(|(w, k, _)| (w.as_str(), *k));
            assert_eq!(of(0), Some(("Idlib", PlaceKind::Province)), "{kinds:?}");
            assert_eq!(of(1), Some(("Idlib", PlaceKind::City)), "{kinds:?}");
            // a town of no province entry stays a town before the word
            let saraqib = kinds.get(2);
            assert!(
                saraqib.is_some_and(|(w, k, province)| w == "Saraqib"
                    && *k == PlaceKind::City
                    && !province),
                "{kinds:?}"
            );
        });
    }
}
