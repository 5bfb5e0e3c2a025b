//! What each stage costs in wall time, measured by taking it out: with the `stage-bounds`
//! feature, the stages named in the environment variable `CONFLICT_EVENTS_SKIP` (a comma- or
//! space-separated list of [`Stage`] words) do nothing, and `scripts/stage_bounds.py` times
//! the extraction without each against the extraction with all, interleaved with the bare
//! aho-corasick pass (`examples/against_bare.rs`).
//!
//! A profiler attributes the time a function runs; taking a stage out also takes out what it
//! leaves to the stages after it and to the next article: the allocator's state, the lines of
//! code and data it pushed out of the caches. Its figure is the bound of what making that
//! stage free would give. Without the feature [`skipped`] is a constant `false` and the tests
//! are compiled out.

/// A stage that can be taken out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stage {
    /// `names`: the gazetteer's name walk finds nothing, so no later stage reads a mention.
    Names,
    /// `mentions`: the name walk runs, and what it finds is dropped (so `names` less
    /// `mentions` is the walk's own cost).
    Mentions,
    /// `strike`: the strike rules find nothing (the other kinds then read every clause).
    Strike,
    /// `kinds`: the rules of the other kinds find nothing.
    Kinds,
    /// `casualty`: the casualty rules find nothing, and read no figure.
    Casualty,
    /// `casualty-rules`: the casualty rules read the figures of the sentences they would
    /// read, and stop there.
    CasualtyRules,
    /// `casualty-output`: the casualty rules run, and their figures are dropped before they
    /// are linked to events and put in the output.
    CasualtyOutput,
    /// `remap`: the spans are not moved back to the original text (wrong where it folded).
    Remap,
}

#[cfg(feature = "stage-bounds")]
impl Stage {
    /// Every stage, with its word in `CONFLICT_EVENTS_SKIP`.
    const ALL: [(Stage, &'static str); 8] = [
        (Stage::Names, "names"),
        (Stage::Mentions, "mentions"),
        (Stage::Strike, "strike"),
        (Stage::Kinds, "kinds"),
        (Stage::Casualty, "casualty"),
        (Stage::CasualtyRules, "casualty-rules"),
        (Stage::CasualtyOutput, "casualty-output"),
        (Stage::Remap, "remap"),
    ];
}

/// True if `stage` is to do nothing in this process: named in `CONFLICT_EVENTS_SKIP`, read
/// once. An unknown word stops the process with a message: a misspelt stage would
/// otherwise measure nothing.
#[cfg(feature = "stage-bounds")]
pub(crate) fn skipped(stage: Stage) -> bool {
    use once_cell::sync::Lazy;
    static SKIPPED: Lazy<Vec<Stage>> = Lazy::new(|| {
        let list = std::env::var("CONFLICT_EVENTS_SKIP").unwrap_or_default();
        let words = list.split([',', ' ']).filter(|w| !w.is_empty());
        words
            .map(|w| match Stage::ALL.iter().find(|(_, name)| *name == w) {
                Some(&(s, _)) => s,
                None => {
                    let known: Vec<&str> = Stage::ALL.iter().map(|(_, n)| *n).collect();
                    eprintln!(
                        "CONFLICT_EVENTS_SKIP: no stage {w:?} (stages: {})",
                        known.join(", ")
                    );
                    std::process::exit(2)
                }
            })
            .collect()
    });
    SKIPPED.contains(&stage)
}

/// Without the `stage-bounds` feature no stage is ever taken out.
#[cfg(not(feature = "stage-bounds"))]
#[inline(always)]
pub(crate) const fn skipped(_stage: Stage) -> bool {
    false
}

#[cfg(all(test, not(feature = "stage-bounds")))]
mod tests {
    use super::*;

    /// In a normal build no environment can take a stage out: the feature is for
    /// measurement only, never on by default.
    #[test]
    fn no_stage_is_skipped_without_the_feature() {
        std::env::set_var("CONFLICT_EVENTS_SKIP", "names,strike,kinds,casualty,remap");
        for stage in [
            Stage::Names,
            Stage::Mentions,
            Stage::Strike,
            Stage::Kinds,
            Stage::Casualty,
            Stage::CasualtyRules,
            Stage::CasualtyOutput,
            Stage::Remap,
        ] {
            assert!(!skipped(stage), "{stage:?}");
        }
    }
}
