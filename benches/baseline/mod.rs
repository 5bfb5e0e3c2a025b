//! The yardstick of the extraction bench: a bare aho-corasick pass of every built-in
//! pattern, built like the crate's own automata. Shared by `benches/extract.rs` and
//! `examples/against_bare.rs` so that both measure the same pass.

use aho_corasick::{AhoCorasick, MatchKind};
use conflict_events::gazetteer::Gazetteer;

/// The two automata of the baseline, built like the crate's: ASCII case-insensitive
/// leftmost-longest for the case-insensitive patterns, case-sensitive for the others,
/// default (NFA) kind.
pub struct Baseline {
    automata: Vec<AhoCorasick>,
}

impl Baseline {
    /// The automata over every pattern of `gazetteer`.
    pub fn new(gazetteer: &Gazetteer) -> Baseline {
        let mut ci: Vec<String> = Vec::new();
        let mut cs: Vec<String> = Vec::new();
        for (p, case_sensitive) in gazetteer.patterns() {
            if p.is_empty() {
                continue;
            }
            if case_sensitive {
                cs.push(p);
            } else {
                ci.push(p.to_ascii_lowercase());
            }
        }
        let mut automata = Vec::new();
        for (mut pats, insensitive) in [(ci, true), (cs, false)] {
            pats.sort_unstable();
            pats.dedup();
            if pats.is_empty() {
                continue;
            }
            let ac = AhoCorasick::builder()
                .ascii_case_insensitive(insensitive)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&pats)
                .expect("baseline automaton");
            automata.push(ac);
        }
        Baseline { automata }
    }

    /// How many matches the automata find in `text`.
    pub fn count(&self, text: &str) -> usize {
        self.automata
            .iter()
            .map(|ac| ac.find_iter(text).count())
            .sum()
    }
}
