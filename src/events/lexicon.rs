//! The closed-class words the event rules read: triggers, casualty words, victim nouns,
//! modality cues. One lookup per token; a word has one class.

use std::collections::HashMap;

use once_cell::sync::Lazy;

use crate::dates;
use crate::model::{CasualtyKind, Device, Modality, VictimCategory, Weapon};

/// The class of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum W {
    #[default]
    Other,
    /// A strike word: the weapon it implies (if any) and whether it can start an event by
    /// itself ("airstrikes", "shelled") or only with weapon context ("struck", "strikes").
    Trigger(Option<Weapon>, bool),
    /// A weapon or platform noun: "warplanes", "drones", "missiles", "mortars".
    WeaponNoun(Weapon),
    /// A verb that launches a weapon: "fired", "launched", "dropped".
    Launch,
    /// A casualty word and whether it stands after the figure ("12 dead", "12 fatalities").
    Casualty(CasualtyKind, Pos),
    /// A person noun that can be counted as victims.
    Victim(VictimCategory),
    /// A military noun: "forces", "army", "troops", "military", "jets" (actor heads).
    Military,
    /// A modality cue.
    Cue(Modality),
    /// A preposition that puts what follows in a place or object role.
    Locative,
    /// "by": what follows is the agent.
    By,
    /// A noun for things that are counted but are not people.
    Thing,
    /// "the", "these", "those", "its", "their", "this", "that", "such".
    Definite,
    /// "a", "an".
    Indefinite,
    /// Auxiliaries and adverbs allowed between a figure and its verb.
    Aux,
    /// "has", "have": perfect tense (running tolls).
    Perfect,
    /// "previous", "earlier", "initial", "prior": an older figure.
    Previous,
    /// "toll".
    Toll,
    /// "including", "among them".
    Including,
    /// A word of running tolls: "since", "total", "overall".
    Running,
    /// A word that names a war: "war", "conflict", "uprising", "insurgency".
    War,
    /// "campaign", "operation", "intervention": a series, not an incident.
    Campaign,
    /// A reporting verb: "said", "says", "reported", "according".
    Report,
    /// A base noun: "airbase", "base", "airfield", "airdrome".
    Base,
    /// Improvised devices: "car", "roadside", "suicide" (before "bomb").
    Improvised,
    /// Words that make "strike" not an attack: "hunger", "general", "labor".
    NotAttack,
    /// "unidentified", "unknown": the striker is not named.
    Unknown,
    /// "and", "or".
    Conj,
    /// "province", "governorate", "oblast", "region", "state", "countryside".
    ProvinceWord,
    /// "city", "town", "village", "district".
    TownWord,
    /// "regime", "government", "pro-government": a state's own forces.
    Regime,
    /// "coalition".
    Coalition,
    /// A verb that sets a toll to a new figure: "rose", "climbed", "reached", "stands".
    Rise,
    /// A participle that carries a toll to a new total after an incident's figure: "bringing",
    /// "taking", "raising", "pushing" ("killed 35, bringing the total to 34,000").
    Bringing,
    /// "from": what follows is where someone or something comes from ("a fighter from the
    /// Haydariyon militia", "rockets fired from southern Lebanon").
    From,
    /// Words of condolence: "condolences", "sympathies" (a quoted statement of condolence
    /// tells no event).
    Ceremony,
    /// "notice", "circular": a notice to the public tells no event.
    Notice,
    /// A subject pronoun: "it", "they", "we" ("the army said it had killed 15").
    Pronoun,
    /// A word that makes a mention another event than the one told before: "another", "a
    /// second", "separate" ("another strike hit the same street an hour later").
    Another,
    /// Kin, counted as people by the casualty rules ("a farmer and his two sons") but naming
    /// no side: "sons", "brothers", "cousins".
    Kin,
}

/// A word's class ([`W`]) as one number under 64 ([`C::of`], [`super::Tok::c`]): a rule
/// tests it against a set of classes, a `u64` of one bit per class ([`mask`],
/// [`super::Tok::is_in`]), or reads a table indexed by it ([`class_table`]), where a `match`
/// on [`W`] compiled to a range test and a jump table mispredicted at every other word, and
/// a `matches!` of several classes to a chain of compares. The numbers are those of [`W`]'s
/// variants, in its order, so that [`C::of`] compiles to the read of its tag: nothing is
/// stored for it (a token's byte for it cost three instructions a token, 0.7 M). The
/// payloads are read from [`W`].
///
/// ```ignore
/// const ARTICLES: u64 = mask(&[C::Definite, C::Indefinite]);
/// if tok.is_in(ARTICLES) { /* "the", "a", ... */ }
/// const WORDS: [u8; 64] = class_table(&[(C::By, 1), (C::Report, 2)]);
/// seen |= tok.read(&WORDS);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[repr(u8)]
pub(crate) enum C {
    #[default]
    Other,
    Trigger,
    WeaponNoun,
    Launch,
    Casualty,
    Victim,
    Military,
    Cue,
    Locative,
    By,
    Thing,
    Definite,
    Indefinite,
    Aux,
    Perfect,
    Previous,
    Toll,
    Including,
    Running,
    War,
    Campaign,
    Report,
    Base,
    Improvised,
    NotAttack,
    Unknown,
    Conj,
    ProvinceWord,
    TownWord,
    Regime,
    Coalition,
    Rise,
    Bringing,
    From,
    Ceremony,
    Notice,
    Pronoun,
    Another,
    Kin,
}

impl C {
    /// The number of class `w`: its variant's, in [`W`]'s order (a test checks), so that
    /// the match is the read of the tag.
    #[inline]
    pub(crate) const fn of(w: W) -> C {
        match w {
            W::Other => C::Other,
            W::Trigger(..) => C::Trigger,
            W::WeaponNoun(_) => C::WeaponNoun,
            W::Launch => C::Launch,
            W::Casualty(..) => C::Casualty,
            W::Victim(_) => C::Victim,
            W::Military => C::Military,
            W::Cue(_) => C::Cue,
            W::Locative => C::Locative,
            W::By => C::By,
            W::Thing => C::Thing,
            W::Definite => C::Definite,
            W::Indefinite => C::Indefinite,
            W::Aux => C::Aux,
            W::Perfect => C::Perfect,
            W::Previous => C::Previous,
            W::Toll => C::Toll,
            W::Including => C::Including,
            W::Running => C::Running,
            W::War => C::War,
            W::Campaign => C::Campaign,
            W::Report => C::Report,
            W::Base => C::Base,
            W::Improvised => C::Improvised,
            W::NotAttack => C::NotAttack,
            W::Unknown => C::Unknown,
            W::Conj => C::Conj,
            W::ProvinceWord => C::ProvinceWord,
            W::TownWord => C::TownWord,
            W::Regime => C::Regime,
            W::Coalition => C::Coalition,
            W::Rise => C::Rise,
            W::Bringing => C::Bringing,
            W::From => C::From,
            W::Ceremony => C::Ceremony,
            W::Notice => C::Notice,
            W::Pronoun => C::Pronoun,
            W::Another => C::Another,
            W::Kin => C::Kin,
        }
    }

    /// The class's bit in a mask ([`mask`]); under 64 classes, so no bit is lost.
    #[inline]
    pub(crate) const fn bit(self) -> u64 {
        1u64.wrapping_shl(self as u32)
    }
}

/// The set of `classes` as one bit each, for [`super::Tok::is_in`]: `mask(&[C::By])`.
pub(crate) const fn mask(classes: &[C]) -> u64 {
    let mut m = 0;
    let mut k = 0;
    while k < classes.len() {
        m |= classes[k].bit();
        k += 1;
    }
    m
}

/// The articles, definite ("the", "these") and indefinite ("a", "an").
pub(crate) const ARTICLES: u64 = mask(&[C::Definite, C::Indefinite]);

/// The victims' classes, of every category ([`W::Victim`]).
pub(crate) const VICTIMS: u64 = C::Victim.bit();

/// A table of one value per class number, 0 for a class not in `pairs`: a rule that maps
/// classes to values reads `tok.read(&t)` (64 entries: the index has no test).
pub(crate) const fn class_table(pairs: &[(C, u8)]) -> [u8; 64] {
    let mut t = [0u8; 64];
    let mut k = 0;
    while k < pairs.len() {
        t[pairs[k].0 as usize] = pairs[k].1;
        k += 1;
    }
    t
}

/// Words that give a cause or what came before ("because", "after", "amid"): with
/// [`K::About`], what follows them in a protest's clause is what the protest is about, not
/// what it did.
pub(crate) const BECAUSE: &[&str] = &["because", "after", "amid", "due"];

/// Relative pronouns: a verb after one has another subject ("the youths who clashed").
pub(crate) const RELATIVE: &[&str] = &["who", "which", "whose", "whom"];

/// The words of [`W::Thing`] that name what unarmed people own or live in: a side acted on
/// that is one of them is unarmed ("attacked a village", "burned houses"); the other things
/// (shots, weapons, kilometres) name no side.
pub(crate) const PROPERTY: &[&str] = &[
    "house",
    "houses",
    "homes",
    "home",
    "buildings",
    "building",
    "vehicles",
    "vehicle",
    "cars",
    "trucks",
    "villages",
    "towns",
    "cities",
    "cattle",
    "sheep",
    "goats",
    "camels",
    "animals",
    "schools",
    "hospitals",
    "shops",
    "stores",
    "aid",
    "boats",
    "ships",
];

/// The word that names a regime by itself: "the regime said".
pub(crate) const REGIME: &[&str] = &["regime"];

/// The words of [`W::Military`] that name a country's own forces: "the army", "the military".
pub(crate) const NATIONAL_FORCE: &[&str] = &["army", "military"];

/// "the coalition" where it is at war: (main country of the article, the coalition's name,
/// the country leading it).
pub(crate) const COALITIONS: &[(&str, &str, &str)] = &[
    ("YE", "Saudi-led coalition", "SA"),
    ("SY", "US-led coalition", "US"),
    ("IQ", "US-led coalition", "US"),
];

/// "opened" of "opened fire": an assault only with the fire.
pub(crate) const OPENED: &[&str] = &["opened"];

/// "up" of "set up": a base established.
pub(crate) const UP: &[&str] = &["up"];

/// Nouns of a part or an amount between "a" and a person noun: "a fourth soldier", "a number
/// of soldiers", "a handful of protesters" (no single person).
pub(crate) const PART_NOUNS: &[&str] = &[
    "fourth", "third", "second", "fifth", "sixth", "further", "number", "total", "lot", "group",
    "few", "handful", "dozen",
];

/// Verbs of a hurt before "dead" or "to death": "shot dead", "beaten to death".
pub(crate) const HURT_VERBS: &[&str] = &["shot", "shooting", "beaten", "stabbed"];

/// Pronouns of a whole already told: "three of them", "two of whom".
pub(crate) const OBJECT_PRONOUNS: &[&str] = &["whom", "them", "those", "these"];

/// Possessives: "of their dead" names no toll of its own.
pub(crate) const POSSESSIVES: &[&str] = &["their", "its", "his", "her", "our"];

/// Possessives of people: "a farmer and his two sons".
pub(crate) const PERSONAL_POSSESSIVES: &[&str] = &["his", "her", "their"];

/// The plural nouns of people in general: "of the people" names no victims of a toll.
pub(crate) const PEOPLE_PLURALS: &[&str] = &["people", "persons"];

/// Words that arm the people they qualify: "armed men", "gun-wielding youths".
pub(crate) const ARMED: &[&str] = &["armed", "gun-wielding", "gun-toting"];

/// Words of gunfire among the assault cues: violence with them is armed, not a mob's.
pub(crate) const GUNFIRE: &[&str] = &[
    "shot",
    "shooting",
    "shootings",
    "gunned",
    "gunmen",
    "gunman",
    "shot-dead",
    "opened",
];

/// Past forms of cue verbs that do not end in "-ed": with the "-ed" forms, a cue word that
/// may be the main verb of its clause ("protesters demanding reforms burnt tyres").
pub(crate) const PAST_FORMS: &[&str] = &["burnt", "stole", "beat", "threw", "fought", "set"];

/// The possessives of [`W::Definite`] that point back at a speaker: "the army said its jets
/// struck".
pub(crate) const OWN: &[&str] = &["its", "their", "our"];

/// Words before a reporting verb that make its date the event's own: "as reported on 3 May",
/// ACLED's way of dating an event by its report.
pub(crate) const AS_REPORTED: &[&str] = &["as"];

/// The reporting verbs ([`W::Report`]) of a claim: who claims an act did it ("claimed to have
/// shelled", "announced a drone strike").
pub(crate) const CLAIM: &[&str] = &["claimed", "claims", "claim", "claiming", "announced"];

/// What "air" and "aerial" must stand before to name aircraft as a weapon: "air strikes",
/// "aerial attack" (not "air base", "aerial footage").
pub(crate) const AIR_HEADS: &[&str] = &[
    "force", "forces", "raid", "raids", "strike", "strikes", "attack", "attacks", "power",
];

/// Words before a weapon word that make it no weapon: "tear gas shells", "flare", "smoke",
/// "illumination" rounds, "water cannon".
pub(crate) const NOT_ARMS_BEFORE: &[&str] =
    &["gas", "tear", "flare", "smoke", "illumination", "water"];

/// "tear gas": before the weapon word before a trigger, it is no weapon of the strike.
pub(crate) const TEAR_GAS: &[&str] = &["gas", "tear"];

/// Words before "attack" that make it a verb ("to attack", "would not attack"): with no
/// weapon before it, any other "attack" is no strike trigger.
pub(crate) const ATTACK_AS_VERB: &[&str] = &["to", "would", "could", "will", "not"];

/// Words before "bomb(s)" that make it no planted or exploding bomb: a verb ("to bomb") or
/// a kind dropped from the air ("barrel bombs", "guided bombs").
pub(crate) const BOMB_NOT_THING: &[&str] = &[
    "to",
    "would",
    "could",
    "will",
    "barrel",
    "cluster",
    "guided",
    "aerial",
    "incendiary",
    "phosphorus",
    "precision",
];

/// Auxiliaries before a trigger that make it a verb, not an anaphor: "would strike", "to
/// strike", "did not strike".
pub(crate) const AUX_BEFORE_VERB: &[&str] = &[
    "to", "would", "could", "will", "may", "might", "not", "did", "didn't", "never", "can",
    "should",
];

/// Words after a name that make it a military speaker: "Russia's defence ministry said",
/// "the Israeli military said".
pub(crate) const MILITARY_SPEAKER: &[&str] =
    &["defence", "defense", "military", "army", "forces", "air"];

/// Words that name an instrument before a trigger: "X destroyed a tank of Y with artillery
/// fire", whose subject is the actor, not the nearest name.
pub(crate) const INSTRUMENT: &[&str] = &["with", "using"];

/// Words after a casualty word that join it to another ("killed or wounded"): a figure of
/// both is a figure of neither.
pub(crate) const EITHER_AFTER: &[&str] = &["or", "and/or", "/", "and"];

/// Words before a casualty word that stands before its figure that join it to another
/// ("wounded or killed 12"): a figure of both is a figure of neither.
pub(crate) const EITHER_BEFORE: &[&str] = &["or", "/", "and"];

/// "from": before the figure a toll changed from, no figure of its own ("rose from 12 to 19",
/// "up from 112"); before the base aircraft flew from ("from a base in Iran").
pub(crate) const FROM: &[&str] = &["from"];

/// "to": before the figure a toll changed to ("from 12 to 19"); after a claim, the act
/// claimed ("claimed to have shelled").
pub(crate) const TO: &[&str] = &["to"];

/// Words before [`FROM`] that make the figure after it an older one: "up from 112".
pub(crate) const UP_DOWN: &[&str] = &["up", "down"];

/// Words before the figure a toll verb sets: "rose to 12", "stands at 12".
pub(crate) const TOLL_AT: &[&str] = &["to", "at"];

/// "of": before a whole that a figure is part of ("two of the dead", "12 of them"), and
/// after a word of the dead before the figure ("deaths of 12", "the death of the commander").
pub(crate) const OF: &[&str] = &["of"];

/// The article of one person after a casualty verb or "the death of": "killing the man",
/// "the death of the commander".
pub(crate) const THE: &[&str] = &["the"];

/// "and" between the people of a figure counted by their nouns: "a man and a woman", "a
/// farmer and his two sons".
pub(crate) const AND: &[&str] = &["and"];

/// The one singular noun among the people in general: "a person" is one, "a people" none.
pub(crate) const PERSON: &[&str] = &["person"];

/// Analysts' word of a coding remark: "coded as 10", "10 fatalities coded and split across
/// 4 locations". No figure of its own.
pub(crate) const CODED: &[&str] = &["coded"];

/// The word between [`CODED`] and its figure: "coded as 10".
pub(crate) const CODED_AS: &[&str] = &["as"];

/// Analysts' word of a figure shared out in a coding remark: "split across 4 locations".
pub(crate) const SPLIT: &[&str] = &["split"];

/// Words after [`SPLIT`] in a coding remark: "split across", "between", "among", "as
/// follows".
pub(crate) const SPLIT_OVER: &[&str] = &["across", "between", "among", "follows"];

/// "lives", the word of the dead that may stand before its figure: "claimed the lives of 12".
pub(crate) const LIVES: &[&str] = &["lives"];

/// The word of displaced people that fighters are not counted by: "the three other soldiers
/// fled".
pub(crate) const FLED: &[&str] = &["fled"];

/// The victims' noun that names no category: "others" are people.
pub(crate) const OTHERS: &[&str] = &["others"];

/// Two-word phrases of a running toll, beside the words of [`W::Running`]: "so far", "to
/// date".
pub(crate) const RUNNING_PHRASES: &[(&str, &str)] = &[("so", "far"), ("to", "date")];

/// The possessive "'s", a token of its own: "Tuesday's strikes", "Syria's health ministry".
pub(crate) const APOSTROPHE_S: &str = "'s";

/// The weapon nouns of aircraft that are adjectives: they name aircraft only before
/// [`AIR_HEADS`] ("air strikes", not "air base"), and they alone name no aircraft that make
/// "bombs" an air strike ("warplanes dropped bombs" do).
pub(crate) const AIR_WORDS: &[&str] = &["air", "aerial"];

/// The one aircraft noun that starts a strike like the other weapon nouns, with "by":
/// "bombers".
pub(crate) const BOMBERS: &[&str] = &["bombers"];

/// The stem of the "attack" triggers ("attack", "attacks", "attacked"): a strike only with a
/// weapon before it, unless a verb.
pub(crate) const ATTACK_STEM: &str = "attack";

/// The "bomb" triggers that may be things planted or exploding ("two bombs planted").
pub(crate) const BOMB_NOUNS: &[&str] = &["bomb", "bombs"];

/// Triggers that an actor right before makes a strike: "Israeli strikes", "regime raids".
pub(crate) const ACTOR_TRIGGERS: &[&str] = &["strike", "strikes", "raid", "raids"];

/// Triggers that an auxiliary before ([`AUX_BEFORE_VERB`]) makes a verb: "would strike",
/// "did not hit".
pub(crate) const VERB_TRIGGERS: &[&str] = &["strike", "hit", "bomb", "target", "pound", "raid"];

/// "by" next to a weapon noun: the weapon starts a strike ("hit by mortars", "rockets by
/// Hamas").
pub(crate) const BY: &[&str] = &["by"];

/// The words of [`W::Definite`] that point back at strikes told: "the strikes", "these
/// raids", "such attacks" (not the possessives).
pub(crate) const POINTING_BACK: &[&str] = &["the", "these", "those", "this", "that", "such"];

/// "in" after "from" and a base: "from a base in Iran".
pub(crate) const IN: &[&str] = &["in"];

/// Words between a trigger and its "by": "strikes carried out by", "raids conducted by",
/// "missiles launched by".
pub(crate) const CARRIED_OUT: &[&str] = &["carried", "out", "conducted", "launched"];

/// The four bytes before a name that make it a patron, not a striker: "pro-Iran militias",
/// "anti-Assad rebels".
pub(crate) const PATRON_BEFORE: &[&str] = &["pro-", "nti-"];

/// "between": before the first party of a shelling exchange ("exchange between regime
/// forces and rebels").
pub(crate) const BETWEEN: &[&str] = &["between"];

/// A filter over word lists, made at compile time: for each first byte (a letter in either
/// case), the lengths in bytes (as bits; each word is under 64 bytes, checked when the
/// crate is built) of the listed words that start with it. It tells most words that are in
/// no list by their length and first byte, before they are compared; it lets some others
/// through, never stops a listed word (ASCII case aside). Length and byte are read
/// together, by one load indexed by the byte itself and a shift: a word of two or five
/// letters is common, one of the words sought rare, and a branch on either was
/// mispredicted.
#[derive(Clone, Copy)]
pub(crate) struct Shapes {
    by_byte: [u64; 256],
    lengths: u64,
}

impl Shapes {
    /// The filter that lets no word through.
    pub(crate) const NONE: Shapes = Shapes {
        by_byte: [0; 256],
        lengths: 0,
    };

    /// The filter of the words of `lists`.
    pub(crate) const fn of(lists: &[&[&str]]) -> Shapes {
        let mut shapes = Shapes::NONE;
        let mut i = 0;
        while i < lists.len() {
            let list = lists[i];
            let mut j = 0;
            while j < list.len() {
                shapes = shapes.with(list[j]);
                j += 1;
            }
            i += 1;
        }
        shapes
    }

    /// This filter, letting `word` through too (an empty word is never sought: no token is
    /// empty).
    pub(crate) const fn with(mut self, word: &str) -> Shapes {
        let w = word.as_bytes();
        if let Some(&b) = w.first() {
            assert!(w.len() < 64, "a listed word of 64 bytes or more");
            let bit = 1 << w.len();
            self.by_byte[b.to_ascii_lowercase() as usize] |= bit;
            self.by_byte[b.to_ascii_uppercase() as usize] |= bit;
            self.lengths |= bit;
        }
        self
    }

    /// The filter that lets through the words of both.
    pub(crate) const fn or(mut self, other: Shapes) -> Shapes {
        let mut i = 0;
        while i < 256 {
            self.by_byte[i] |= other.by_byte[i];
            i += 1;
        }
        self.lengths |= other.lengths;
        self
    }

    /// False if no listed word is `len` bytes long: told before the word is read.
    #[inline]
    pub(crate) fn has_length(&self, len: usize) -> bool {
        len < 64 && self.lengths >> len & 1 != 0
    }

    /// False if no listed word of `len` bytes starts with the byte `first`.
    #[inline]
    pub(crate) fn may_start(&self, first: u8, len: usize) -> bool {
        len < 64 && self.by_byte[usize::from(first)] >> len & 1 != 0
    }
}

// `is_one_of`: the text stage's, which the gazetteer reads too
pub(crate) use crate::text::is_one_of;

/// Where a casualty word stands relative to its figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pos {
    /// A verb: before ("killed 12") or after ("12 were killed").
    Verb,
    /// Only after the figure: "12 dead", "12 fatalities".
    After,
}

/// The cue a word gives to the event kinds other than strikes and casualties (a word has
/// one [`W`] class and at most one cue: "attacked" is a weak strike trigger and an assault).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum K {
    #[default]
    None,
    /// Fighting between two sides: "clashes", "fighting", "firefight", "ambushed".
    Fight,
    /// Direct fire that makes an exchange a clash, not a strike: "gunfire", "rifles".
    SmallArms,
    /// Violence by someone against someone: "attacked", "stormed", "shot", "stabbed".
    Assault,
    /// "abducted", "kidnapped".
    Abduct,
    /// "raped", "rape".
    Sexual,
    /// An explosive device, by kind.
    Device(Device),
    /// "explosion", "exploded", "blast", "detonated".
    Blast,
    /// "mine": a landmine when it explodes or kills ("a mine exploded"), else a pit or a verb.
    Mine,
    /// "protest", "demonstrated", "rally", "sit-in".
    Protest,
    /// "riot", "rioters", "rioting".
    Riot,
    /// What violent demonstrators do: "pelted", "stones", "tyres", "barricaded".
    Unrest,
    /// A force breaking up a crowd: "dispersed", "teargas", "batons", "water cannon".
    Disperse,
    /// "arrested", "detained", "apprehended".
    Arrest,
    /// "looted", "plundered", "ransacked".
    Loot,
    /// Property burned on purpose: "torched", "set ablaze", "arson", "razed".
    Burn,
    /// Property damaged, by whoever did it: "burned", "destroyed", "damaged".
    Damage,
    /// A force's operation: a clash when aimed at armed men ("an operation against IS").
    Operation,
    /// Weapons seized or made safe: "seized", "defused", "confiscated", "intercepted".
    Seize,
    /// "ceasefire", "truce", "agreement", "surrendered".
    Agree,
    /// "established", "set up" (a base).
    Establish,
    /// Territory taken: "captured", "recaptured", "overran".
    Take,
    /// A verb that takes "control": "took", "gained", "seize".
    TakeVerb,
    /// "control", territory when a [`K::TakeVerb`] stands before it.
    Control,
    /// What armed men hold: "positions", "checkpoint", "patrol", "convoy", "barracks".
    Post,
    /// "set": fire set ("set fire to", "set ablaze"), or a base set up.
    Set,
    /// A mob's violence: "mob", "lynched", "vigilantes".
    Mob,
    /// What a protest was about follows: "demanding", "against", "over".
    About,
    /// "exchanged", "traded": fighting when fire follows ("exchanged fire").
    Exchange,
    /// "gathered", "blocked", "chanted": a protest when what it was about follows.
    Gather,
    /// A trend, not an incident: "intensified", "escalated", "continued", "ease".
    Trend,
    /// A body found: "body", "corpse".
    Body,
    /// "found", "discovered": with "dead", a body found.
    Found,
    /// A cause of death that is no conflict: "earthquake", "flood", "accident".
    Disaster,
    /// A crowd noun: "protesters", "demonstrators", "crowd" (actors of protests).
    Crowd,
    /// A word that makes what follows an attempt or a threat of no event: "foiled".
    Foiled,
}

/// The class and the event cue of a word, ASCII case aside.
#[cfg(test)]
pub(crate) fn classify(w: &[u8]) -> (W, K) {
    let c = table().classify(w, 0, w.len(), key_more(0, w));
    (c.w, c.k)
}

/// One byte more of a word's lookup key: the word's bytes, ASCII-lowercased, shifted in
/// from the right. A word of up to eight bytes is its own key, so that a key and a length
/// that match tell the word without comparing it; a longer word wraps around, its key is a
/// hash and the word is compared.
#[inline]
pub(crate) fn key_step(key: u64, lower: u8) -> u64 {
    key.rotate_left(8) ^ u64::from(lower)
}

/// The key `key` of the start of a word, continued over `bytes` (ASCII-lowercased); the key
/// of a whole word from 0.
pub(crate) fn key_more(key: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(key, |k, &b| key_step(k, b.to_ascii_lowercase()))
}

/// A bit of [`Class::marks`]: a strike or casualty word, or a word that cues an event kind.
pub(crate) const MARK_EVENT: u8 = 1;
/// A bit of [`Class::marks`]: a word that can make its sentence tell no event, one of
/// condolence ([`W::Ceremony`]) or a notice ([`W::Notice`]).
pub(crate) const MARK_NO_EVENT: u8 = 2;
/// A bit of [`Class::marks`]: a word at which the strike rules look for a trigger
/// ([`W::Trigger`], [`W::Launch`], [`W::WeaponNoun`]); a sentence without one has none.
pub(crate) const MARK_STRIKE: u8 = 4;
/// A bit of [`Class::marks`]: a word that tells what caused what a sentence tells
/// ([`super::kinds::cause`]): a strong trigger, a weapon noun, or a cue of violence, of a
/// blast or of a disaster ([`super::kinds::tells_cause`]); a sentence without one tells none.
pub(crate) const MARK_CAUSE: u8 = 8;
/// A bit of [`Class::marks`]: a word that the walk of the event kinds reads, one that is
/// not plain ([`super::kinds::plain_class`]); kept on each token ([`super::Tok::marks`]).
pub(crate) const MARK_KIND: u8 = 16;
/// A bit of [`Class::marks`]: a casualty or toll word ([`W::Casualty`], [`W::Toll`]); the
/// casualty rules read no figure of a sentence without one.
pub(crate) const MARK_CASUALTY: u8 = 32;

/// A bit of [`Class::marks`]: a word at which the dates reader may start a date
/// ([`dates::KEYWORDS`], in any case), the figures aside (a sentence's digits are told
/// apart). Set on words of any class, apart from [`marks`].
pub(crate) const MARK_DATE: u8 = 64;

/// A bit of [`Class::marks`]: a word after a trigger that makes it hypothetical or planned
/// ([`HYPOTHETICAL_AFTER`], [`PLANNED_AFTER`], in any case), kept on each token
/// ([`super::Tok::marks`]), so that [`super::modality`] passes the words after a trigger by
/// one bit each. Set on words of any class, apart from [`marks`].
pub(crate) const MARK_AFTER: u8 = 128;

/// A bit of [`Class::seek`]: a word of [`BETWEEN`], in any case, which the strike rules'
/// [`super::strike`] walk for a striker's party after it seeks; a sentence without one has
/// none to find. Set on words of any class, apart from [`seek`].
pub(crate) const SEEK_BETWEEN: u8 = 1;
/// A bit of [`Class::seek`]: a combatant victim noun ([`W::Victim`] of combatants), the
/// generic target the strike rules seek after a trigger.
pub(crate) const SEEK_COMBATANT: u8 = 2;
/// A bit of [`Class::seek`]: a base word or "from" ([`W::Base`], [`W::From`]), without which
/// a sentence names no base a strike flew from.
pub(crate) const SEEK_BASE_OR_FROM: u8 = 4;

/// A word of the dates' keywords, lowercased at compile time (the lexicon's words are
/// lowercase, the keywords capitalised: "Monday"); none has more than 16 bytes.
#[derive(Clone, Copy)]
struct Lowered {
    b: [u8; 16],
    n: usize,
}

impl Lowered {
    const fn of(w: &[u8]) -> Lowered {
        let mut b = [0u8; 16];
        let mut k = 0;
        while k < w.len() {
            b[k] = w[k].to_ascii_lowercase();
            k += 1;
        }
        Lowered { b, n: w.len() }
    }

    fn get(&'static self) -> &'static [u8] {
        self.b.get(..self.n).unwrap_or(&[])
    }
}

/// [`dates::KEYWORDS`], lowercase: the words the lexicon marks [`MARK_DATE`], whatever
/// their class, taken from the dates' own list so that a word added to it is marked.
static DATE_WORDS: [Lowered; dates::KEYWORDS.len()] = {
    let mut t = [Lowered { b: [0; 16], n: 0 }; dates::KEYWORDS.len()];
    let mut k = 0;
    while k < t.len() {
        t[k] = Lowered::of(dates::KEYWORDS[k]);
        k += 1;
    }
    t
};

/// What the lexicon tells of a word: its class, its cue, and the marks they give its
/// sentence, so that a sentence's tokens need not be read again to know whether it has an
/// event word. Eight bytes aligned, so that it is read from the table as one word, with the
/// length its probe compares in bytes that would be padding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[repr(C, align(8))]
pub(crate) struct Class {
    pub w: W,
    pub k: K,
    /// [`MARK_EVENT`], [`MARK_NO_EVENT`], [`MARK_STRIKE`], [`MARK_CAUSE`], [`MARK_KIND`] and
    /// [`MARK_CASUALTY`] bits of its class ([`marks`]), and the [`MARK_DATE`] and
    /// [`MARK_AFTER`] bits of the word.
    pub marks: u8,
    /// A second byte of marks, of the words that walks of a strike sentence seek
    /// ([`SEEK_BETWEEN`], [`SEEK_COMBATANT`], [`SEEK_BASE_OR_FROM`]): the first is full, and
    /// this one is or'ed over a sentence's words with it, not kept on each token.
    pub seek: u8,
    /// The lexicon's, for its probe ([`Lexicon::classify`]): the length of the word in the
    /// table (under 64, a test checks); 0 for no word.
    len: u8,
    /// The lexicon's, for its probe: a word of more than eight bytes, which its key and
    /// length do not tell and which is compared (false for no word).
    long: bool,
}

impl Class {
    fn new(w: W, k: K) -> Class {
        Class {
            w,
            k,
            marks: marks(w, k),
            seek: seek(w),
            len: 0,
            long: false,
        }
    }

    /// The two bytes of marks, [`Class::marks`] low and [`Class::seek`] high, as the
    /// tokenizer ors them over a sentence's words: one load and one or for both.
    #[inline(always)]
    pub(crate) fn both_marks(&self) -> u16 {
        u16::from_le_bytes([self.marks, self.seek])
    }
}

// a class is read from the table as one eight-byte word, its second marks with it
const _: () = assert!(std::mem::size_of::<Class>() == 8);

/// The second marks ([`Class::seek`]) of a word of class `w`, the word-keyed
/// [`SEEK_BETWEEN`] aside.
pub(crate) fn seek(w: W) -> u8 {
    let mut seek = 0;
    if w == W::Victim(VictimCategory::Combatants) {
        seek |= SEEK_COMBATANT;
    }
    if matches!(w, W::Base | W::From) {
        seek |= SEEK_BASE_OR_FROM;
    }
    seek
}

/// The marks ([`Class::marks`]) of a word of class `w` and cue `k`.
pub(crate) fn marks(w: W, k: K) -> u8 {
    let event = matches!(
        w,
        W::Trigger(..) | W::Casualty(..) | W::Launch | W::WeaponNoun(_) | W::Toll
    ) || k != K::None;
    let no_event = matches!(w, W::Ceremony | W::Notice);
    let strike = matches!(w, W::Trigger(..) | W::Launch | W::WeaponNoun(_));
    let cause = matches!(w, W::Trigger(_, true) | W::WeaponNoun(_)) || super::kinds::tells_cause(k);
    let mut marks = 0;
    if event {
        marks |= MARK_EVENT;
    }
    if no_event {
        marks |= MARK_NO_EVENT;
    }
    if strike {
        marks |= MARK_STRIKE;
    }
    if cause {
        marks |= MARK_CAUSE;
    }
    if !super::kinds::plain_class(w, k) {
        marks |= MARK_KIND;
    }
    if matches!(w, W::Casualty(..) | W::Toll) {
        marks |= MARK_CASUALTY;
    }
    marks
}

/// The lexicon, built when first asked: a caller that classifies many words asks once.
pub(crate) fn table() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    /// The class of the word of `len` bytes at `start` in `text` (ASCII case aside) whose
    /// key ([`key_step`]) the caller computed while reading it: the word is not copied to be
    /// lowercased, as the lexicon's words are all lowercase (a test checks), and it is read
    /// only when it is longer than its key. A word of no class is [`W::Other`] with no cue or
    /// mark.
    #[inline]
    pub(crate) fn classify(&self, text: &[u8], start: usize, len: usize, key: u64) -> Class {
        // the one entry the word can have (the index is under the array's constant size: no
        // test of it is compiled)
        let i = self.place(key);
        let e = self.hot.get(i & (HOT - 1)).unwrap_or(&Hot::NONE);
        // that entry if its key and length are the word's, else the entry of no word (0),
        // by a mask and not a branch: half the words of a text are in the lexicon, and a
        // branch on it would be mispredicted for one word in two
        let same = ((e.key ^ key) | (u64::from(e.class.len) ^ len as u64)) == 0;
        let k = i & usize::from(same).wrapping_neg();
        let e = self.hot.get(k & (HOT - 1)).unwrap_or(&Hot::NONE);
        // a word longer than its key compared (`long` is false for the entry of no word and
        // for a word of up to eight bytes, told by its key and length); its bytes are read
        // from their own array only then
        if e.class.long && !self.is_word_at(k, text, start, len) {
            return Class::default();
        }
        e.class
    }

    /// The class of a word of at most eight bytes, `len`, whose key is `key`: as
    /// [`Lexicon::classify`] tells it, with no word compared, as a key and length that match
    /// an entry tell a word of up to eight bytes ([`Class::long`] is false for it). No call
    /// is left in the caller's loop, so that its values can stay in the registers a call
    /// would clobber.
    #[inline]
    pub(crate) fn classify_short(&self, len: usize, key: u64) -> Class {
        debug_assert!(len <= 8, "a short word");
        let i = self.place(key);
        let e = self.hot.get(i & (HOT - 1)).unwrap_or(&Hot::NONE);
        let same = ((e.key ^ key) | (u64::from(e.class.len) ^ len as u64)) == 0;
        let k = i & usize::from(same).wrapping_neg();
        self.hot
            .get(k & (HOT - 1))
            .map_or(Class::default(), |e| e.class)
    }

    /// Reads one word of each cache line of the entries and of the displacements, and gives
    /// them xored: loads that wait on nothing and that nothing waits on, so that the lines a
    /// text's words will read come into the first-level cache many at a time (the table is
    /// out of it after an article's other work: a news article's words touch half its 512
    /// lines, each a miss), where each word's read waited for its own line. A prefetch with
    /// no `unsafe` (`_mm_prefetch` needs it): the caller hands the result to
    /// [`std::hint::black_box`] so that the loads are kept. Some 700 instructions; worth it
    /// for a text of [`WARM_BYTES`] or more.
    pub(crate) fn warm(&self) -> u64 {
        // a line every four entries, four lines a step (the compiler unrolls it to eight)
        let hot = self.hot.chunks_exact(16).fold(0, |x, lines| match lines {
            [a, _, _, _, b, _, _, _, c, _, _, _, d, ..] => x ^ a.key ^ b.key ^ c.key ^ d.key,
            _ => x,
        });
        // (32 displacements a line)
        let disp = self
            .disp
            .iter()
            .step_by(32)
            .fold(0, |x, &d| x ^ u64::from(d));
        hot ^ disp
    }

    /// True if the `len` bytes at `start` in `text` are the word of entry `k`
    /// ([`same_word_at`]). Not inlined, so that the array of the words' bytes is not read
    /// (nor its place kept in a register) in the probe.
    #[inline(never)]
    fn is_word_at(&self, k: usize, text: &[u8], start: usize, len: usize) -> bool {
        let word = self.words.get(k).copied().unwrap_or(&[]);
        same_word_at(text, start, len, word)
    }

    /// The entries of the lexicon's words (the first entry, of no word, aside).
    #[cfg(test)]
    fn entries(&self) -> impl Iterator<Item = (&'static [u8], Class)> + '_ {
        let words = self.words.iter().zip(self.hot.iter());
        words
            .filter(|(w, _)| !w.is_empty())
            .map(|(&w, e)| (w, e.class))
    }
}

/// The fewest bytes of a text whose words are worth the lexicon's lines fetched together first
/// ([`Lexicon::warm`]): some 170 words, whose probes would miss the cache on a hundred or so
/// of its lines, where the fetch of all 528, some ten at a time, costs (by estimate) what
/// fifty misses one after the other do.
pub(crate) const WARM_BYTES: usize = 1024;

/// True if the `len` bytes at `start` in `text` are the lowercase word `lower`, ASCII case
/// aside ([`same_word`]). Not inlined in the probe ([`Lexicon::is_word_at`]): inlined, its
/// reads and bounds tests were hoisted out of the lexicon's probe and run for every word,
/// where only a long word of the lexicon (found by its key and length) needs them.
fn same_word_at(text: &[u8], start: usize, len: usize, lower: &[u8]) -> bool {
    text.get(start..)
        .and_then(|t| t.get(..len))
        .is_some_and(|w| same_word(w, lower))
}

/// True if `w` is the lowercase word `lower`, ASCII case aside: eight bytes at a time
/// ([`ascii_lower8`]), the last eight overlapping those before them.
fn same_word(w: &[u8], lower: &[u8]) -> bool {
    let n = w.len();
    if n != lower.len() || n < 8 {
        return w.eq_ignore_ascii_case(lower);
    }
    let chunk = |b: &[u8], k: usize| {
        b.get(k..)
            .and_then(<[u8]>::first_chunk::<8>)
            .map(|c| u64::from_le_bytes(*c))
    };
    let last = n - 8;
    let mut k = 0;
    loop {
        let at = k.min(last);
        if chunk(w, at).map(ascii_lower8) != chunk(lower, at) {
            return false;
        }
        if at == last {
            return true;
        }
        k += 8;
    }
}

/// Eight bytes with their ASCII capitals lowercased, the other bytes as they are.
fn ascii_lower8(x: u64) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = LO * 0x80;
    // with its high bit cleared, a byte's sum stays inside it, and its high bit says "at
    // least": a capital is at least 'A' and not at least '['
    let h = x & !HI;
    let upper = h.wrapping_add(LO * (0x80 - 0x41)) & !h.wrapping_add(LO * (0x80 - 0x5b)) & !x & HI;
    // the high bit of a capital moved to its case bit
    x | (upper >> 2)
}

/// A word of the lexicon with its key and class, as the table's build makes it.
struct Entry {
    word: &'static [u8],
    key: u64,
    /// The first class listed for the word, its cue and their marks.
    class: Class,
}

impl Entry {
    /// The entry of `word`, its key made of its bytes, of word class `w` and cue `k`.
    fn new(word: &'static [u8], w: W, k: K) -> Entry {
        Entry {
            word,
            key: key_more(0, word),
            class: Class::new(w, k),
        }
    }
}

/// What a look-up reads of a word's entry, in 16 bytes (four to a cache line, where the entry
/// with the word's bytes had 56, so that the entries of the words a text has stay in the
/// first-level cache); the word's bytes, read only for a word of more than eight bytes, apart
/// in [`Lexicon::words`].
#[derive(Clone, Copy)]
#[repr(C, align(16))]
struct Hot {
    key: u64,
    /// The word's class, cue and marks, with its length and whether it is long.
    class: Class,
}

// four entries to a cache line
const _: () = assert!(std::mem::size_of::<Hot>() == 16);

impl Hot {
    /// The entry of no word, which a word not listed is given: the default class.
    const NONE: Hot = Hot {
        key: 0,
        class: Class {
            w: W::Other,
            k: K::None,
            marks: 0,
            seek: 0,
            len: 0,
            long: false,
        },
    };

    /// The probe's part of the entry of a word.
    fn of(e: &Entry) -> Hot {
        let mut class = e.class;
        class.len = u8::try_from(e.word.len()).unwrap_or(u8::MAX);
        class.long = e.word.len() > 8;
        Hot { key: e.key, class }
    }
}

/// The bits of an entry's index: 2^11 entries for the lexicon's ~1,200 words (a test keeps
/// a third of them free, so that a displacement is found for every bucket); the first is
/// the entry of no word. A constant, so that the probe neither loads the array's size nor
/// tests an index against it.
const HOT_BITS: u32 = 11;
/// The entries of the lexicon's table.
const HOT: usize = 1 << HOT_BITS;
/// The bits of a bucket's index: 2^9 buckets of ~2.3 words each, a displacement each.
const BUCKET_BITS: u32 = 9;
/// The buckets of the lexicon's table.
const BUCKETS: usize = 1 << BUCKET_BITS;

/// The lexicon as a table with an entry of its own for each word (a perfect hash, built
/// once): the top bits of a word's key times a multiplier name its bucket, the bits below
/// them its home, and the home moved by its bucket's displacement its entry. One key
/// (computed while the token is read), one small read (the displacement, of a table of 1
/// KB that stays cached) and one entry read for every word, with no probe: where a chain of
/// string comparisons took 260 instructions per token, and an open-addressing table read a
/// slot (of a table of 32 KB, the size of the first-level cache) and then the entry, and
/// probed on when the slot held another word.
pub(crate) struct Lexicon {
    /// The multiplier of the words' keys: the first of a few that gives every word an entry.
    mul: u64,
    /// Each bucket's displacement, XORed with a home.
    disp: Box<[u16; BUCKETS]>,
    /// The words' entries; the first, and those of no word, have the default class.
    hot: Box<[Hot; HOT]>,
    /// The words' bytes, by the index of their entry; empty for no word.
    words: Box<[&'static [u8]; HOT]>,
}

impl Lexicon {
    /// The bucket and the home of the key `key` under the multiplier `mul`: the top bits of
    /// their product (multiplicative hashing, which spreads the bits of all its bytes).
    #[inline]
    fn parts(mul: u64, key: u64) -> (usize, usize) {
        let h = key.wrapping_mul(mul);
        let bucket = (h >> (64 - BUCKET_BITS)) as usize;
        let home = (h >> (64 - BUCKET_BITS - HOT_BITS)) as usize & (HOT - 1);
        (bucket, home)
    }

    /// The one entry a word of key `key` can have: its home moved by its bucket's
    /// displacement; always under [`HOT`].
    #[inline]
    fn place(&self, key: u64) -> usize {
        let (bucket, home) = Lexicon::parts(self.mul, key);
        let d = self.disp.get(bucket).map_or(0, |&d| usize::from(d));
        (home ^ d) & (HOT - 1)
    }
}

/// The multipliers tried for the lexicon's table: 2^64 over the golden ratio (Fibonacci
/// hashing), then odd numbers after it, until one parts every word.
fn multipliers() -> impl Iterator<Item = u64> {
    let step = 0x6a09_e667_f3bc_c90a_u64;
    (0..64u64).map(move |n| 0x9e37_79b9_7f4a_7c15_u64.wrapping_add(n.wrapping_mul(step)))
}

/// Each key's entry under the multiplier `mul`, and the buckets' displacements: the fullest
/// buckets first (while most entries are free), each the first displacement that moves all
/// its homes to free entries. None if no displacement parts a bucket (two of its keys with
/// one home).
fn placed(mul: u64, keys: &[u64]) -> Option<(Box<[u16; BUCKETS]>, Vec<usize>)> {
    let mut buckets: Vec<Vec<(usize, usize)>> = vec![Vec::new(); BUCKETS];
    for (n, &key) in keys.iter().enumerate() {
        let (bucket, home) = Lexicon::parts(mul, key);
        buckets.get_mut(bucket)?.push((n, home));
    }
    let mut order: Vec<usize> = (0..BUCKETS).collect();
    order.sort_by_key(|&b| std::cmp::Reverse(buckets.get(b).map_or(0, Vec::len)));
    // the first entry is the entry of no word
    let mut taken = vec![false; HOT];
    *taken.first_mut()? = true;
    let mut disp = Box::new([0u16; BUCKETS]);
    let mut at = vec![0; keys.len()];
    for b in order {
        let members = buckets.get(b)?;
        let free = |d: usize| {
            members.iter().enumerate().all(|(j, &(_, home))| {
                let e = home ^ d;
                !taken.get(e).copied().unwrap_or(true)
                    && members.iter().take(j).all(|&(_, h)| h ^ d != e)
            })
        };
        let d = (0..HOT).find(|&d| free(d))?;
        for &(n, home) in members {
            *taken.get_mut(home ^ d)? = true;
            *at.get_mut(n)? = home ^ d;
        }
        *disp.get_mut(b)? = u16::try_from(d).ok()?;
    }
    Some((disp, at))
}

/// The class of `word` among the lexicon's `words` being built (`index` gives each word's
/// place), to be marked: the word's own, or a new entry of no word class for it.
fn class_to_mark<'e>(
    words: &'e mut Vec<Entry>,
    index: &mut HashMap<&'static [u8], usize, crate::hash::Fast>,
    word: &'static [u8],
) -> Option<&'e mut Class> {
    let at = *index.entry(word).or_insert(words.len());
    if at == words.len() {
        words.push(Entry::new(word, W::Other, K::None));
    }
    words.get_mut(at).map(|e| &mut e.class)
}

static LEXICON: Lazy<Lexicon> = Lazy::new(|| {
    // the entry of a word not listed: no word (a word has a byte), the default class
    let mut words: Vec<Entry> = vec![Entry {
        word: b"",
        key: 0,
        class: Class::default(),
    }];
    // each word's index in `words`, as it is added: a search of `words` for every word
    // made the build quadratic, and it runs inside the first extraction of a process
    let mut index: HashMap<&'static [u8], usize, crate::hash::Fast> = HashMap::default();
    for &(class, list) in GROUPS {
        for &word in list {
            let w = word.as_bytes();
            if !index.contains_key(w) {
                index.insert(w, words.len());
                words.push(Entry::new(w, class, K::None));
            }
        }
    }
    for &(cue, list) in CUES {
        for &word in list {
            if let Some(c) = class_to_mark(&mut words, &mut index, word.as_bytes()) {
                *c = Class::new(c.w, cue);
            }
        }
    }
    // the words the dates reader may start at, and the words after a trigger that tell
    // its modality, marked in the class they have
    let dated = DATE_WORDS.iter().map(|w| (w.get(), MARK_DATE));
    let after = [HYPOTHETICAL_AFTER, PLANNED_AFTER]
        .into_iter()
        .flatten()
        .map(|w| (w.as_bytes(), MARK_AFTER));
    for (w, mark) in dated.chain(after) {
        if let Some(c) = class_to_mark(&mut words, &mut index, w) {
            c.marks |= mark;
        }
    }
    // the words the strike rules seek by the word, in the second marks
    for w in BETWEEN.iter().map(|w| w.as_bytes()) {
        if let Some(c) = class_to_mark(&mut words, &mut index, w) {
            c.seek |= SEEK_BETWEEN;
        }
    }
    // (the entry of no word aside)
    let keys: Vec<u64> = words.iter().skip(1).map(|e| e.key).collect();
    let mut lexicon = Lexicon {
        mul: 0,
        disp: Box::new([0u16; BUCKETS]),
        hot: Box::new([Hot::NONE; HOT]),
        words: Box::new([&[]; HOT]),
    };
    // (no multiplier that parts every word: the words are not found, which a test tells)
    let parted = multipliers().find_map(|m| Some((m, placed(m, &keys)?)));
    let Some((mul, (disp, at))) = parted else {
        return lexicon;
    };
    lexicon.mul = mul;
    lexicon.disp = disp;
    for (e, i) in words.iter().skip(1).zip(at) {
        if let (Some(h), Some(w)) = (lexicon.hot.get_mut(i), lexicon.words.get_mut(i)) {
            *h = Hot::of(e);
            *w = e.word;
        }
    }
    lexicon
});

use CasualtyKind as CK;
use VictimCategory as V;
use Weapon::*;
use W::*;

/// Every class with its words; a word has one class (a test checks there are no repeats).
#[rustfmt::skip]
static GROUPS: &[(W, &[&str])] = &[
    (Trigger(Some(Air), true), &[
        "airstrike", "airstrikes", "air-strike", "air-strikes", "airstriking",
    ]),
    (Trigger(Some(Air), true), &[
        "bombing", "bombings", "bombed", "bomb", "bombs", "bombarded", "bombardment",
        "bombardments", "bombarding",
    ]),
    (Trigger(Some(Artillery), true), &[
        "shelled", "shelling", "shellings", "shell",
    ]),
    (Trigger(None, false), &[
        "strike", "strikes", "struck", "hit", "hits", "targeted", "targeting", "pounded",
        "pounding", "raid", "raids", "raided", "attacked", "attack", "attacks", "slammed",
        "fell", "landed", "impacted",
    ]),
    (WeaponNoun(Air), &[
        "warplane", "warplanes", "jet", "jets", "aircraft", "plane", "planes", "helicopter",
        "helicopters", "gunship", "gunships", "bomber", "bombers", "air", "aerial", "sorties",
        "sortie",
    ]),
    (WeaponNoun(Drone), &[
        "drone", "drones", "uav", "uavs",
    ]),
    (WeaponNoun(Missile), &[
        "missile", "missiles", "rocket", "rockets", "projectile", "projectiles", "atgm",
        "atgms",
    ]),
    (WeaponNoun(Artillery), &[
        "artillery", "mortar", "mortars", "shells", "howitzer", "howitzers", "grad", "mlrs",
        "launchers", "launcher", "cannon", "cannons", "rpg", "rpgs", "ifvs", "katyusha",
        "katyushas",
    ]),
    (Launch, &[
        "fired", "fire", "fires", "firing", "launched", "launching", "launches", "lobbed",
        "dropped", "dropping",
    ]),
    (Casualty(CK::Killed, Pos::Verb), &[
        "killed", "killing", "kill", "kills", "slain", "slaying", "neutralised", "neutralized",
    ]),
    (Casualty(CK::Killed, Pos::After), &[
        "dead", "died", "die", "dies", "deaths", "death", "fatalities", "fatality", "lives",
        "bodies", "perished",
    ]),
    (Casualty(CK::Wounded, Pos::Verb), &[
        "wounded", "wounding", "wounds", "injured", "injuring", "injures", "hurt",
    ]),
    (Casualty(CK::Wounded, Pos::After), &[
        "injuries", "injury",
    ]),
    (Casualty(CK::Displaced, Pos::Verb), &[
        "displaced", "displacing", "displaces",
    ]),
    (Casualty(CK::Displaced, Pos::After), &[
        "fled", "homeless",
    ]),
    (Casualty(CK::Missing, Pos::After), &[
        "missing",
    ]),
    (Casualty(CK::Abducted, Pos::Verb), &[
        "abducted", "abducting", "kidnapped", "kidnapping", "kidnaps", "abducts",
    ]),
    (Casualty(CK::Abducted, Pos::After), &[
        "hostage", "hostages",
    ]),
    (Casualty(CK::Detained, Pos::Verb), &[
        "detained", "detaining", "arrested", "arresting",
    ]),
    (Victim(V::Combatants), &[
        "militant", "militants", "rebel", "rebels", "fighter", "fighters", "insurgent",
        "insurgents", "jihadist", "jihadists", "terrorist", "terrorists", "gunmen", "gunman",
        "combatant", "combatants", "members", "member", "elements", "extremists", "extremist",
        "commanders", "commander", "separatists", "separatist", "militiamen", "militia",
        "mercenaries", "assailants", "attackers", "militias", "suspect", "suspects", "jihadi", "bandits",
        "bandit", "robbers", "robber", "smugglers", "smuggler", "poachers", "cadres", "cadre",
        "recruit", "operatives", "operative", "sniper", "snipers",
    ]),
    (Victim(V::Civilians), &[
        "civilian", "civilians", "children", "child", "women", "woman", "residents",
        "villagers", "students", "worshippers", "patients", "farmers", "men", "man", "boy",
        "boys", "girl", "girls", "infants", "family", "protesters", "protestors",
        "demonstrators", "refugees", "migrants", "journalists", "journalist", "shepherd",
        "shepherds", "teenager", "teenagers", "elderly", "passengers", "workers", "worker",
        "doctors", "nurses", "pilgrims", "fishermen", "minors", "kids", "baby", "babies",
        "toddler", "driver", "drivers", "doctor", "teacher", "teachers", "trader", "traders",
        "herder", "herders", "youth", "youths", "resident", "villager", "student", "activist",
        "activists", "official", "officials", "leader", "leaders", "chief", "pastor", "priest",
        "imam", "businessman", "merchant", "merchants", "farmer", "civil", "local", "locals",
        "motorist", "motorcyclist", "nurse", "lawyer", "mother", "father", "son", "daughter",
        "brother", "wife", "husband", "relatives", "inhabitants", "citizens", "citizen",
        "settlers", "settler", "nationals", "worshipers", "devotees",
    ]),
    (Victim(V::SecurityForces), &[
        "soldier", "soldiers", "troops", "police", "policemen", "policeman", "officers",
        "officer", "servicemen", "serviceman", "personnel", "guards", "guard", "marines",
        "sailors", "pilots", "pilot", "conscripts", "recruits", "gendarmes", "gendarme",
        "agents", "agent", "policewoman", "constable", "constables", "trooper", "troopers",
        "paramilitaries", "paramilitary", "ranger", "rangers",
    ]),
    (Victim(V::People), &[
        "people", "persons", "person", "individuals", "others", "victims", "casualties",
    ]),
    (Military, &[
        "forces", "force", "army", "armies", "military", "militaries", "navy", "ministry",
        "battalion", "brigade", "division", "units", "unit", "command", "airforce",
    ]),
    (Cue(Modality::Hypothetical), &[
        "would", "could", "may", "might", "likely", "unlikely", "possible", "possibly", "if",
        "unless", "whether", "allow", "consider", "considering", "should", "potential",
        "hypothetical", "ready", "prepared", "able",
    ]),
    (Cue(Modality::Planned), &[
        "will", "plans", "plan", "planned", "planning", "intends", "intend", "intended",
        "threatens", "threatened", "threatening", "vowed", "vows", "pledged", "warned",
        "promised", "aims", "going", "preparing",
    ]),
    (Cue(Modality::Negated), &[
        "denied", "denies", "deny", "denying", "not", "never", "didn't", "no", "without",
        "refused", "rejected", "dismissed",
    ]),
    (Locative, &[
        "in", "on", "at", "near", "against", "into", "across", "over", "of", "around",
        "outside", "toward", "towards", "onto", "inside", "upon", "within", "between", "north",
        "south", "east", "west", "northern", "southern", "eastern", "western", "northeast",
        "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
        "southwestern", "central", "outskirts", "edge", "vicinity", "area", "areas",
    ]),
    (By, &[
        "by",
    ]),
    (Thing, &[
        "house", "houses", "homes", "home", "buildings", "building", "vehicles", "vehicle",
        "cars", "trucks", "tanks", "villages", "towns", "cities", "times", "rounds", "targets",
        "positions", "sites", "km", "kilometres", "kilometers", "miles", "metres", "meters",
        "years", "months", "weeks", "days", "hours", "minutes", "percent", "dollars", "tonnes",
        "tons", "events", "locations", "incidents", "explosions", "blasts", "shots", "bullets",
        "barrels", "hectares", "acres", "cattle", "sheep", "goats", "camels", "animals",
        "schools", "hospitals", "shops", "stores", "checkpoints", "points", "clashes",
        "operations", "aid", "boats", "ships", "weapons", "ammunition", "mines", "ieds",
    ]),
    (Definite, &[
        "the", "these", "those", "its", "their", "this", "that", "such", "his", "her", "our",
    ]),
    (Indefinite, &[
        "a", "an",
    ]),
    (Aux, &[
        "was", "were", "are", "is", "been", "be", "being", "had", "reportedly", "allegedly",
        "also", "later", "all", "both", "each", "subsequently", "eventually", "apparently",
        "confirmed", "believed", "feared", "left", "found", "seriously", "critically",
        "lightly", "severely", "fatally", "mortally", "shot", "instantly", "immediately", "now",
        "already", "still", "officially",
    ]),
    (Perfect, &[
        "has", "have",
    ]),
    (Previous, &[
        "previous", "previously", "earlier", "initial", "prior", "preliminary", "old",
    ]),
    (Toll, &[
        "toll", "tolls",
    ]),
    (Including, &[
        "including", "among",
    ]),
    (Running, &[
        "since", "total", "overall", "altogether", "cumulative", "so-far", "tally",
    ]),
    (War, &[
        "war", "conflict", "uprising", "insurgency", "revolution", "crisis", "wars",
    ]),
    (Campaign, &[
        "campaign", "operation", "intervention", "offensive", "capability", "capabilities",
    ]),
    (Report, &[
        "said", "says", "say", "reported", "reports", "according", "told", "stated",
        "announced", "claimed", "added", "quoted",
    ]),
    (Base, &[
        "airbase", "airbases", "base", "bases", "airfield", "airfields", "airdrome",
        "airdromes", "aerodrome", "airport", "airports",
    ]),
    (Improvised, &[
        "car", "roadside", "suicide", "truck", "pipe", "improvised", "homemade", "motorcycle",
        "sticky", "magnetic", "parcel", "letter", "nail", "ied", "cane", "petrol", "sound",
        "molotov", "crude", "country-made", "hand", "planted",
    ]),
    (NotAttack, &[
        "hunger", "general", "labor", "labour", "workers'", "nationwide", "counter",
        "preemptive", "lucky", "first-strike",
    ]),
    (Unknown, &[
        "unidentified", "unknown", "unmarked", "unnamed", "unclaimed",
    ]),
    (Conj, &[
        "and", "or", "&",
    ]),
    (ProvinceWord, &[
        "province", "provinces", "governorate", "governorates", "oblast", "oblasts", "region",
        "regions", "state", "countryside", "prefecture", "county",
    ]),
    (TownWord, &[
        "city", "town", "village", "district", "districts", "neighbourhood", "neighborhood",
        "suburb", "camp", "hamlet", "municipality", "locality",
    ]),
    (Regime, &[
        "regime", "government", "pro-government", "loyalist", "state-run",
    ]),
    (Coalition, &[
        "coalition", "coalition-led",
    ]),
    (Rise, &[
        "rose", "risen", "rises", "rising", "climbed", "climbs", "climbing", "reached",
        "reaches", "increased", "jumped", "soared", "mounted", "stood", "stands", "stand",
    ]),
    (Bringing, &[
        "bringing", "taking", "raising", "pushing", "lifting",
    ]),
    (From, &[
        "from",
    ]),
    (Ceremony, &[
        "condolence", "condolences", "condole", "condoles", "condoled", "sympathies",
    ]),
    (Notice, &[
        "notice", "notices", "circular", "circulars", "memo", "newsletter",
    ]),
    (Pronoun, &[
        "it", "they", "we",
    ]),
    (Another, &[
        "another", "second", "third", "fourth", "separate", "separately", "fresh",
        "subsequent", "elsewhere",
    ]),
    // ranks, counted as victims ("the death of a regime lieutenant")
    (Victim(V::SecurityForces), &[
        "lieutenant", "lieutenants", "captain", "captains", "colonel", "colonels", "sergeant",
        "sergeants", "corporal", "corporals", "brigadier", "lieutenant-colonel", "major-general",
        "brigadier-general",
    ]),
    (Kin, &[
        "sons", "daughters", "brothers", "sister", "sisters", "mothers", "fathers", "wives",
        "husbands", "grandson", "grandsons", "granddaughter", "grandmother", "grandfather",
        "nephew", "niece", "cousin", "cousins", "parents", "siblings",
    ]),
    (Victim(V::Civilians), &[
        "pupils", "pupil",
    ]),
];

/// Every event cue with its words; a word has one cue (a test checks there are no repeats).
/// A word may also have a class in [`GROUPS`].
#[rustfmt::skip]
static CUES: &[(K, &[&str])] = &[
    (K::Fight, &[
        "clash", "clashes", "clashed", "clashing", "fighting", "fought", "fight", "fights",
        "battle", "battles", "battled", "battling", "gunfight", "gunfights", "firefight",
        "firefights", "skirmish", "skirmishes", "ambush", "ambushed", "ambushing", "ambushes", "repelled", "repulsed", "engaged",
        "confrontation", "confrontations", "shootout", "gunbattle", "counterattack",
        "encounter", "encountered", "encounters", "shoot-out", "shoot-outs", "shootouts",
        "gun-battle", "fire-fight", "crossfire", "cross-fire",
        "counter-attack", "infiltration", "infiltrated", "hostilities",
    ]),
    (K::SmallArms, &[
        "gunfire", "arms", "rifles", "rifle", "firearms", "gunshots", "gunshot", "sniper-fire",
        "bullets",
    ]),
    (K::Exchange, &[
        "exchanged", "exchange", "exchanging", "traded", "returned",
    ]),
    (K::Gather, &[
        "gathered", "gathering", "assembled", "blocked", "blockaded", "chanted", "chanting",
        "occupied", "staged", "held",
    ]),
    (K::Assault, &[
        "attacked", "attack", "attacks", "attacking", "assaulted", "assault", "assaulting",
        "stormed", "storming", "shot", "shooting", "shootings", "gunned", "stabbed",
        "stabbing", "beat", "beaten", "beating", "hacked", "massacred", "massacre",
        "executed", "execution", "murdered", "murder", "tortured", "torture", "opened",
        "whipped", "flogged", "raided", "raid", "raids", "assassinated", "assassination",
        "beheaded", "slaughtered", "mutilated", "shot-dead", "gunmen", "gunman",
    ]),
    (K::Abduct, &[
        "abducted", "abduction", "abductions", "abducting", "kidnapped", "kidnapping",
        "kidnappings", "kidnap", "kidnappers", "abductors", "hostage", "hostages",
    ]),
    (K::Sexual, &[
        "raped", "rape", "rapes", "gang-raped", "sexually", "molested",
    ]),
    (K::Device(Device::Ied), &[
        "ied", "ieds", "rcied", "rcieds", "pbied", "roadside", "explosive", "explosives", "improvised", "booby-trapped",
        "booby", "bomb", "bombs",
    ]),
    (K::Device(Device::Landmine), &[
        "landmine", "landmines", "land-mine",
    ]),
    (K::Mine, &[
        "mine", "mines",
    ]),
    (K::Device(Device::CarBomb), &[
        "vbied", "vbieds", "car-bomb",
    ]),
    (K::Device(Device::SuicideVest), &[
        "suicide", "self-detonated",
    ]),
    (K::Device(Device::Grenade), &[
        "grenade", "grenades",
    ]),
    (K::Blast, &[
        "explosion", "explosions", "exploded", "explode", "explodes", "blast", "blasts",
        "detonated", "detonation", "detonating",
    ]),
    (K::Protest, &[
        "protest", "protests", "protested", "protesting", "demonstrated", "demonstration",
        "demonstrations", "demonstrating", "demonstrate", "rally", "rallies", "rallied",
        "marched", "march", "marches", "marching", "sit-in", "sit-ins", "picketed", "picket", "vigil",
        "boycott", "boycotted", "strikers", "walkout", "petitioned",
    ]),
    (K::Crowd, &[
        "protesters", "protestors", "demonstrators", "crowd", "crowds", "marchers",
        "protester", "protestor", "demonstrator",
    ]),
    (K::Riot, &[
        "riot", "riots", "rioted", "rioting", "rioters", "rioter",
    ]),
    (K::Mob, &[
        "mob", "mobs", "vigilante", "vigilantes", "lynched", "lynching", "lynch",
    ]),
    (K::Unrest, &[
        "pelted", "pelting", "stones", "stone", "rocks", "tyres", "tires", "barricaded",
        "barricading", "brawl", "scuffled", "scuffles", "ransacking",
        "barricades", "stone-pelting", "hurled", "molotov", "petrol-bombs", "smashed",
        "vandalised", "vandalized", "vandalism",
    ]),
    (K::Disperse, &[
        "dispersed", "disperse", "dispersing", "teargas", "tear-gas", "batons", "baton",
        "baton-charged", "lathi-charged", "lathicharge", "lathi", "water-cannon", "rubber",
        "cannon", "cannons",
    ]),
    (K::Arrest, &[
        "arrested", "arrest", "arrests", "arresting", "detained", "detaining", "detention",
        "apprehended", "custody", "rounded",
    ]),
    (K::Loot, &[
        "looted", "looting", "loot", "plundered", "ransacked", "pillaged", "stole", "stolen",
        "robbed", "extorted",
    ]),
    (K::Burn, &[
        "torched", "ablaze", "arson", "arsonists", "razed", "demolished", "firebombed",
    ]),
    (K::Damage, &[
        "burned", "burnt", "burning", "destroyed", "damaged", "wrecked",
    ]),
    (K::Operation, &[
        "operation", "operations", "offensive", "sweep", "crackdown",
    ]),
    (K::Set, &[
        "set", "sets", "setting",
    ]),
    (K::Seize, &[
        "seized", "confiscated", "recovered", "defused", "intercepted", "dismantled",
        "unearthed", "cache", "seizure", "defuse", "neutralized-device", "downed",
    ]),
    (K::Agree, &[
        "ceasefire", "cease-fire", "truce", "agreement", "accord", "surrendered", "surrender",
        "signed", "armistice", "reconciliation",
    ]),
    (K::Establish, &[
        "established", "establish", "establishing", "installed",
    ]),
    (K::Take, &[
        "captured", "recaptured", "retook", "regained", "overran", "liberated", "capture",
        "takeover", "recapture", "overrun",
    ]),
    (K::TakeVerb, &[
        "took", "taken", "take", "takes", "taking", "gained", "wrested", "seize",
    ]),
    (K::Control, &[
        "control",
    ]),
    (K::Post, &[
        "positions", "position", "checkpoint", "checkpoints", "patrol", "patrols", "convoy",
        "convoys", "outpost", "outposts", "post", "posts", "barracks", "frontline",
        "frontlines", "front", "trenches",
    ]),
    (K::Body, &[
        "body", "corpse", "corpses", "remains",
    ]),
    (K::Found, &[
        "found", "discovered",
    ]),
    (K::Disaster, &[
        "earthquake", "earthquakes", "quake", "flood", "floods", "flooding", "flash-flood",
        "landslide", "landslides", "mudslide", "storm", "storms", "cyclone", "hurricane",
        "typhoon", "tornado", "avalanche", "wildfire", "wildfires", "blaze", "inferno",
        "collapse", "collapsed", "crash", "crashed", "accident", "accidents", "collision",
        "derailed", "derailment", "capsized", "collided", "overturned", "plunged", "drowned", "drowning", "electrocuted",
        "lightning", "heatwave", "epidemic", "cholera", "ebola", "measles", "malaria",
        "stampede", "tsunami", "eruption", "overdose", "illness", "disease",
    ]),
    (K::About, &[
        "demanding", "demand", "demanded", "demands", "against", "over", "denouncing", "condemning", "calling",
        "urging", "seeking", "opposing", "decrying", "regarding", "following",
    ]),
    (K::Trend, &[
        "intensified", "intensify", "intensifies", "escalated", "escalate", "escalating",
        "raged", "rages", "raging", "persisted", "ongoing", "eased", "ease", "easing",
        "subsided", "worsened",
    ]),
    (K::Foiled, &[
        "foiled", "thwarted", "averted",
    ]),
];

/// Titles and bodies after a place that make it people who speak or act ("a Jubaland
/// official", "Kremlin spokesman"), not the place.
pub(crate) const SPEAKER_TITLES: &[&str] = &[
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "governor",
    "authorities",
    "administration",
    "media",
    "officer",
    "ministry",
    "minister",
];

/// Words after a trigger that make it hypothetical ("strikes are likely").
pub(crate) const HYPOTHETICAL_AFTER: &[&str] = &[
    "likely", "unlikely", "possible", "expected", "feared", "imminent",
];

/// Words after a trigger that make it planned ("strikes planned for next week").
pub(crate) const PLANNED_AFTER: &[&str] = &["planned", "scheduled"];

/// Cues that decide a trigger's modality only near it ("no strikes", "without firing").
pub(crate) const NEAR_ONLY_CUES: &[&str] = &["no", "without"];

/// "no": before a trigger's phrase only when it stands right before it.
pub(crate) const NO: &[&str] = &["no"];

#[cfg(test)]
mod tests {
    use super::*;

    /// One class of each variant of [`W`], in its order.
    fn one_of_each_variant() -> Vec<W> {
        use crate::model::{CasualtyKind as Ck, Modality as M, VictimCategory as V, Weapon as Wp};
        vec![
            W::Other,
            W::Trigger(None, false),
            W::WeaponNoun(Wp::Drone),
            W::Launch,
            W::Casualty(Ck::Killed, Pos::Verb),
            W::Victim(V::Combatants),
            W::Military,
            W::Cue(M::Planned),
            W::Locative,
            W::By,
            W::Thing,
            W::Definite,
            W::Indefinite,
            W::Aux,
            W::Perfect,
            W::Previous,
            W::Toll,
            W::Including,
            W::Running,
            W::War,
            W::Campaign,
            W::Report,
            W::Base,
            W::Improvised,
            W::NotAttack,
            W::Unknown,
            W::Conj,
            W::ProvinceWord,
            W::TownWord,
            W::Regime,
            W::Coalition,
            W::Rise,
            W::Bringing,
            W::From,
            W::Ceremony,
            W::Notice,
            W::Pronoun,
            W::Another,
            W::Kin,
        ]
    }

    /// Each variant of [`W`] has its own number under 64, its place in [`W`]'s order (so
    /// that [`C::of`] is the read of the tag), whatever its payload.
    #[test]
    fn every_class_has_its_own_number_under_64_in_order() {
        let classes = one_of_each_variant();
        let mut seen = 0u64;
        for (k, &w) in classes.iter().enumerate() {
            let c = C::of(w);
            assert_eq!(c as usize, k, "{w:?}");
            assert!((c as u8) < 64, "{w:?}");
            assert_eq!(seen & c.bit(), 0, "{w:?} shares {c:?}");
            seen |= c.bit();
        }
        assert_eq!(seen.count_ones() as usize, classes.len());
        use crate::model::{CasualtyKind as Ck, VictimCategory as V, Weapon as Wp};
        assert_eq!(C::of(W::Trigger(Some(Wp::Artillery), true)), C::Trigger);
        assert_eq!(C::of(W::Victim(V::People)), C::Victim);
        assert_eq!(C::of(W::Casualty(Ck::Missing, Pos::After)), C::Casualty);
    }

    #[test]
    fn a_mask_and_a_table_hold_exactly_their_classes() {
        let classes = one_of_each_variant();
        let chosen = [C::Definite, C::Victim, C::Trigger, C::Kin];
        let m = mask(&chosen);
        let t = class_table(&[(C::Definite, 3), (C::Kin, 7)]);
        for &w in &classes {
            let c = C::of(w);
            assert_eq!(c.bit() & m != 0, chosen.contains(&c), "{w:?}");
            let want = match c {
                C::Definite => 3,
                C::Kin => 7,
                _ => 0,
            };
            assert_eq!(t[c as usize], want, "{w:?}");
        }
        assert_eq!(mask(&[]), 0);
        assert!(ARTICLES & C::Definite.bit() != 0 && ARTICLES & C::Indefinite.bit() != 0);
        assert_eq!(ARTICLES.count_ones(), 2);
    }

    #[test]
    fn shapes_let_every_listed_word_through_and_stop_others() {
        let lists: &[&[&str]] = &[SPEAKER_TITLES, HYPOTHETICAL_AFTER, PLANNED_AFTER];
        let shapes = Shapes::of(lists);
        for w in lists.iter().flat_map(|l| l.iter()) {
            let upper = w.to_ascii_uppercase();
            for v in [w.as_bytes(), upper.as_bytes()] {
                assert!(shapes.has_length(v.len()), "{w}");
                assert!(shapes.may_start(v[0], v.len()), "{w}");
            }
        }
        let longest = lists.iter().flat_map(|l| l.iter()).map(|w| w.len()).max();
        let too_long = longest.unwrap_or(0) + 1;
        assert!(!shapes.has_length(too_long) && !shapes.may_start(b'a', too_long));
        assert!(!shapes.has_length(64) && !shapes.may_start(b'a', 200));
        // a letter no listed word of its length starts with
        let one = Shapes::of(&[&["would"]]);
        assert!(one.may_start(b'W', 5) && !one.may_start(b'c', 5) && !one.may_start(b'w', 4));
        assert!(!one.may_start(b'w', 0) && !Shapes::NONE.may_start(b'w', 5));
        // words added one by one, and two filters together
        let coded = Shapes::NONE.with("coded").with("Split");
        assert!(coded.may_start(b'C', 5) && coded.may_start(b's', 5));
        assert!(!coded.may_start(b'a', 5) && !coded.may_start(b'c', 4));
        let both = coded.or(Shapes::of(&[&["so"]]));
        assert!(both.may_start(b'S', 2) && both.may_start(b'c', 5) && !both.may_start(b't', 2));
        assert!(both.has_length(2) && !coded.has_length(2));
        // an empty word is never sought
        assert!(!Shapes::NONE.with("").has_length(0));
        // a byte that is no letter is its own index, which no other byte shares
        let accented = Shapes::NONE.with("\u{e9}t\u{e9}");
        assert!(accented.may_start(0xc3, 5) && !accented.may_start(b'3', 5));
        assert!(!accented.may_start(0xe3, 5) && !accented.may_start(0xc2, 5));
        assert!(!accented.may_start(0xc3, 4) && !accented.may_start(b'c', 5));
        assert!(!coded.may_start(b'3', 5) && !both.may_start(b'3', 2));
    }

    #[test]
    fn casualty_and_toll_words_and_no_others_are_marked_casualty() {
        // as the tokenizer reads them: from the table, each word with its marks
        for &(class, words) in GROUPS {
            let casualty = matches!(class, W::Casualty(..) | W::Toll);
            for w in words {
                let c = table().classify(w.as_bytes(), 0, w.len(), key_more(0, w.as_bytes()));
                assert_eq!(c.marks & MARK_CASUALTY != 0, casualty, "{w}");
            }
        }
        for w in ["killed", "toll", "wounded"] {
            let c = table().classify(w.as_bytes(), 0, w.len(), key_more(0, w.as_bytes()));
            assert_ne!(c.marks & MARK_CASUALTY, 0, "{w}");
        }
        assert_eq!(marks(W::Other, K::None) & MARK_CASUALTY, 0);
    }

    /// Every word the dates reader can start at but a figure (its own list: a word added
    /// to it without its mark fails here) carries the mark in any case, and other words do
    /// not.
    #[test]
    fn date_keywords_are_marked_date() {
        for w in dates::KEYWORDS {
            for v in [w.to_vec(), w.to_ascii_uppercase(), w.to_ascii_lowercase()] {
                assert_ne!(mark(&v) & MARK_DATE, 0, "{:?}", String::from_utf8(v));
            }
        }
        for w in [&b"Sept"[..], b"TODAY", b"last", b"Thurs", b"may"] {
            assert_ne!(mark(w) & MARK_DATE, 0, "{w:?}");
        }
        for w in [
            &b"killed"[..],
            b"mayor",
            b"lasting",
            b"Month",
            b"2016",
            b"Sunday's",
        ] {
            assert_eq!(mark(w) & MARK_DATE, 0, "{w:?}");
        }
        // marked in the class the word had: "this" keeps its class and gains the mark
        assert_eq!(classify(b"this"), (W::Definite, K::None));
        assert_ne!(mark(b"This") & MARK_DATE, 0);
        assert_eq!(marks(W::Other, K::None) & MARK_DATE, 0);
    }

    /// Every word after a trigger that tells its modality (its own lists: a word added to
    /// them without its mark fails here) carries the mark in any case, and other words do
    /// not.
    #[test]
    fn words_after_a_trigger_are_marked_after() {
        for w in HYPOTHETICAL_AFTER.iter().chain(PLANNED_AFTER) {
            for v in [w.to_string(), w.to_ascii_uppercase(), capitalised(w)] {
                assert_ne!(mark(v.as_bytes()) & MARK_AFTER, 0, "{v}");
            }
        }
        for w in [
            &b"killed"[..],
            b"likelihood",
            b"plan",
            b"expect",
            b"may",
            b"would",
            b"feare",
            b"possibles",
        ] {
            assert_eq!(mark(w) & MARK_AFTER, 0, "{w:?}");
        }
        // of the lexicon's words, those of the lists and only they
        for (word, class) in table().entries() {
            let listed = HYPOTHETICAL_AFTER
                .iter()
                .chain(PLANNED_AFTER)
                .any(|w| w.as_bytes() == word);
            assert_eq!(class.marks & MARK_AFTER != 0, listed, "{word:?}");
        }
    }

    /// The second marks ([`Class::seek`]) of the lexicon's words: [`SEEK_BETWEEN`] on the
    /// words of [`BETWEEN`] alone, in any case, and the bits of a class ([`seek`]) on the
    /// words of that class alone.
    #[test]
    fn the_second_marks_are_the_lists_and_the_classes() {
        for w in BETWEEN {
            for v in [w.to_string(), w.to_ascii_uppercase(), capitalised(w)] {
                let c = table().classify(v.as_bytes(), 0, v.len(), key_more(0, v.as_bytes()));
                assert_ne!(c.seek & SEEK_BETWEEN, 0, "{v}");
            }
        }
        let (mut combatants, mut based) = (0, 0);
        for (word, class) in table().entries() {
            let listed = BETWEEN.iter().any(|w| w.as_bytes() == word);
            assert_eq!(class.seek & SEEK_BETWEEN != 0, listed, "{word:?}");
            let combatant = class.w == W::Victim(VictimCategory::Combatants);
            assert_eq!(class.seek & SEEK_COMBATANT != 0, combatant, "{word:?}");
            let base = matches!(class.w, W::Base | W::From);
            assert_eq!(class.seek & SEEK_BASE_OR_FROM != 0, base, "{word:?}");
            assert_eq!(class.seek & !SEEK_BETWEEN, seek(class.w), "{word:?}");
            combatants += usize::from(combatant);
            based += usize::from(base);
        }
        assert!(combatants > 0 && based > 0);
        // and a word of no class has none
        assert_eq!(table().classify(b"zzq", 0, 3, key_more(0, b"zzq")).seek, 0);
    }

    /// The marks the lexicon gives the word `w`, as the tokenizer reads them.
    fn mark(w: &[u8]) -> u8 {
        table().classify(w, 0, w.len(), key_more(0, w)).marks
    }

    fn capitalised(w: &str) -> String {
        let mut c = w.to_string();
        if let Some(f) = c.get_mut(..1) {
            f.make_ascii_uppercase();
        }
        c
    }

    #[test]
    fn every_word_has_one_class_and_is_lowercase() {
        let mut seen = std::collections::HashSet::new();
        for word in GROUPS.iter().flat_map(|(_, words)| words.iter()) {
            assert!(seen.insert(*word), "{word} is listed twice");
            assert_eq!(*word, word.to_ascii_lowercase(), "{word} is not lowercase");
        }
    }

    #[test]
    fn the_table_is_at_most_two_thirds_full_and_holds_every_word() {
        let t = table();
        // more words than this: raise HOT_BITS (and BUCKET_BITS), so that a displacement
        // is found for every bucket
        let words = t.entries().count();
        assert!(words * 3 <= HOT * 2, "{words} words");
        assert!(words > 1000, "{words} words: no multiplier parted them all");
        // the entry of no word first, with the default class
        assert_eq!(t.hot[0].class, Class::default());
        assert!(t.words[0].is_empty());
        for (word, class) in t.entries() {
            let c = t.classify(word, 0, word.len(), key_more(0, word));
            assert_eq!(c, class, "{:?}", std::str::from_utf8(word));
            // its length held in its class's byte
            assert!(word.len() < 64, "{:?}", std::str::from_utf8(word));
        }
    }

    /// Keys that share a bucket and a home are parted by no displacement; others are given
    /// entries of their own, none of them the first, under one of the multipliers tried.
    /// The warm-up reads a word of every line: every fourth entry, every 32nd displacement.
    #[test]
    fn warm_reads_a_word_of_every_line() {
        let t = table();
        let mut x = 0;
        for (n, e) in t.hot.iter().enumerate() {
            if n % 4 == 0 {
                x ^= e.key;
            }
        }
        for (n, &d) in t.disp.iter().enumerate() {
            if n % 32 == 0 {
                x ^= u64::from(d);
            }
        }
        assert_eq!(t.warm(), x);
    }

    #[test]
    fn placed_parts_keys_or_tells_it_cannot() {
        let keys: Vec<u64> = (1..=1300u64)
            .map(|n| n.wrapping_mul(0x1234_5678_9abc_def1))
            .collect();
        let (disp, at) = multipliers()
            .find_map(|m| placed(m, &keys))
            .expect("parted");
        let mut seen = std::collections::HashSet::new();
        assert!(at.iter().all(|&e| e > 0 && e < HOT && seen.insert(e)));
        assert!(disp.iter().all(|&d| usize::from(d) < HOT));
        assert!(multipliers().all(|m| placed(m, &[7, 9, 7]).is_none()));
    }

    /// A word of up to eight bytes has the class [`Lexicon::classify_short`] tells that
    /// [`Lexicon::classify`] tells: every listed word in either case, and words not listed.
    #[test]
    fn classify_short_agrees_with_classify() {
        let t = table();
        let mut words: Vec<Vec<u8>> = Vec::new();
        for (w, _) in t.entries().filter(|(w, _)| w.len() <= 8) {
            words.push(w.to_vec());
            words.push(w.to_ascii_uppercase());
            // one byte changed: most are no word
            let mut other = w.to_vec();
            if let Some(b) = other.last_mut() {
                *b = b.wrapping_add(1);
            }
            words.push(other);
        }
        assert!(words.len() > 1_000, "{} words", words.len());
        for w in [&b""[..], b"x", b"zzqx", b"12", b"1,200"] {
            words.push(w.to_vec());
        }
        for w in &words {
            let key = key_more(0, w);
            let c = t.classify(w, 0, w.len(), key);
            assert_eq!(t.classify_short(w.len(), key), c, "{:?}", w);
        }
    }

    #[test]
    fn a_word_past_eight_bytes_is_compared_and_a_word_not_listed_has_no_class() {
        let t = table();
        let class = |w: &[u8], start: usize, len: usize| {
            let word = w.get(start..start + len).unwrap_or(&[]);
            t.classify(w, start, len, key_more(0, word)).w
        };
        // found in any case, inside a text, at its end, alone
        assert_eq!(
            class(b"the BOMBARDMENT of", 4, 11),
            W::Trigger(Some(Air), true)
        );
        assert_eq!(class(b"a Bombardments", 2, 12), W::Trigger(Some(Air), true));
        assert_eq!(class(b"bomb", 0, 4), W::Trigger(Some(Air), true));
        // with the key of the word, another word of its length is not it
        let key = key_more(0, b"bombardment");
        assert_eq!(t.classify(b"bombardmenu", 0, 11, key).w, W::Other);
        assert_eq!(
            t.classify(b"bombardMent", 0, 11, key).w,
            W::Trigger(Some(Air), true)
        );
        assert_eq!(class(b"bombardment", 0, 10), W::Other);
        // no word: the entry of no word, whatever its key and length
        assert_eq!(class(b"zzqx", 0, 4), W::Other);
        assert_eq!(t.classify(b"x", 0, 1, 0).w, W::Other);
        assert_eq!(t.classify(b"", 0, usize::MAX, 0).w, W::Other);
        assert_eq!(t.classify(b"", 0, 0, 0), Class::default());
        // the key of a word with another length is not it
        assert_eq!(class(b"bomb", 0, 4), W::Trigger(Some(Air), true));
        assert_eq!(t.classify(b"bombs", 0, 5, key_more(0, b"bomb")).w, W::Other);
        assert_eq!(t.classify(b"bom", 0, 3, key_more(0, b"bomb")).w, W::Other);
    }

    #[test]
    fn every_listed_word_is_found_with_its_class() {
        for &(class, words) in GROUPS {
            for w in words {
                assert_eq!(classify(w.as_bytes()).0, class, "{w}");
            }
        }
        for &(cue, words) in CUES {
            for w in words {
                assert_eq!(classify(w.as_bytes()).1, cue, "{w}");
            }
        }
    }

    #[test]
    fn every_cue_word_has_one_cue_and_is_lowercase() {
        let mut seen = std::collections::HashSet::new();
        for word in CUES.iter().flat_map(|(_, words)| words.iter()) {
            assert!(seen.insert(*word), "{word} has two cues");
            assert_eq!(*word, word.to_ascii_lowercase(), "{word} is not lowercase");
        }
    }

    #[test]
    fn property_words_are_things() {
        for w in PROPERTY {
            assert_eq!(classify(w.as_bytes()).0, Thing, "{w}");
        }
    }

    /// Eight bytes at a time, a word is compared as it is a byte at a time, in every mix of
    /// capitals, the bytes around them, and bytes past ASCII.
    #[test]
    fn same_word_is_eq_ignore_ascii_case() {
        let alphabet = b"aAzZ@[`{09-'\x80\xc1\xe1\xff";
        let mut next = crate::text::xorshift(5);
        for _ in 0..20_000 {
            let len = (next() % 26) as usize;
            let w: Vec<u8> = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            // its lowercase, or that with one byte changed
            let mut lower = w.to_ascii_lowercase();
            if len > 0 && next() % 2 == 0 {
                let k = (next() % len as u64) as usize;
                lower[k] = alphabet[(next() % alphabet.len() as u64) as usize];
            }
            let lower = lower.to_ascii_lowercase();
            assert_eq!(
                same_word(&w, &lower),
                w.eq_ignore_ascii_case(&lower),
                "{w:?}"
            );
        }
    }

    #[test]
    fn classes_by_word() {
        let class = |w: &[u8]| classify(w).0;
        assert_eq!(class(b"airstrikes"), Trigger(Some(Weapon::Air), true));
        assert_eq!(class(b"killed"), Casualty(CasualtyKind::Killed, Pos::Verb));
        assert_eq!(class(b"dead"), Casualty(CasualtyKind::Killed, Pos::After));
        assert_eq!(class(b"civilians"), Victim(VictimCategory::Civilians));
        assert_eq!(class(b"province"), ProvinceWord);
        assert_eq!(class(b"the"), Definite);
        assert_eq!(class(b"zebra"), Other);
        assert_eq!(class(b"Killed"), class(b"killed"), "ASCII case aside");
        // one word, a class and a cue
        assert_eq!(classify(b"attacked"), (Trigger(None, false), K::Assault));
        assert_eq!(classify(b"protesters").1, K::Crowd);
        assert_eq!(classify(b"earthquake"), (Other, K::Disaster));
    }
}
