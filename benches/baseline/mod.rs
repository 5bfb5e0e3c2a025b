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

/// The kernel's setting of transparent huge pages (`always`, `madvise`, `never`), or
/// `unknown` off Linux: the figures depend on it. With `madvise` the crate's built-in index
/// is in huge pages and the baseline's automata, on the heap, are not; with `always` both
/// are; with `never` neither (`src/huge_pages.rs`).
pub fn huge_pages() -> String {
    let setting = std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled");
    setting
        .ok()
        .and_then(|s| {
            let start = s.find('[')? + 1;
            let end = start + s.get(start..)?.find(']')?;
            s.get(start..end).map(str::to_string)
        })
        .unwrap_or_else(|| "unknown".to_string())
}
