//! Event identity, ACLED's way: one event is one actor pair, one day and one place. Two
//! mentions can be one event when none of these conflict; what one side does not know is
//! compatible with anything. These tests compare the fields of two mentions; each kind
//! decides which mentions it compares (the strike told last, every figure of the same size).

use chrono::Datelike;

use super::same_code;
use crate::model::{DateRef, Place, PlaceKind, Precision};

/// True if two dates can be one day: unknown (or only inferred from the report) on either
/// side, or the same day, month or year at the coarser of the two precisions ("in March" and
/// "on March 3" agree).
pub(crate) fn dates_agree(a: Option<&DateRef>, b: Option<&DateRef>) -> bool {
    // a date inferred from the report is no date the text gives
    let (Some(a), Some(b)) = (a.filter(|d| !d.inferred), b.filter(|d| !d.inferred)) else {
        return true;
    };
    let coarse = |p: Precision| match p {
        Precision::Day => 0,
        Precision::Month => 1,
        Precision::Year => 2,
    };
    let precision = coarse(a.precision).max(coarse(b.precision));
    if let (Some(x), Some(y)) = (a.date, b.date) {
        return match precision {
            0 => x == y,
            1 => (x.year(), x.month()) == (y.year(), y.month()),
            _ => x.year() == y.year(),
        };
    }
    // without a publication date "May 1" has no year: a month and day still tell two
    // days apart ("on May 1" and "on May 9"), a year-free date against a full one too
    let (Some(x), Some(y)) = (
        a.date.or_else(|| crate::dates::year_free(a)),
        b.date.or_else(|| crate::dates::year_free(b)),
    ) else {
        return true;
    };
    match precision {
        0 => (x.month(), x.day()) == (y.month(), y.day()),
        1 => x.month() == y.month(),
        _ => true,
    }
}

/// True if two places can be one: the same town, a town and its province, a place and its
/// country, a district or base and the province it lies in. Two towns, two provinces or two
/// countries that differ cannot.
pub(crate) fn place_agrees(a: &Place, b: &Place) -> bool {
    if let (Some(x), Some(y)) = (&a.country, &b.country) {
        if !same_code(x, y) {
            return false;
        }
    }
    // a country or region agrees with any place of its country
    let broad = |p: &Place| matches!(p.kind, PlaceKind::Country | PlaceKind::Region);
    if broad(a) || broad(b) {
        return true;
    }
    // two towns by their names; else by the provinces, read only here
    let towns = a.kind == PlaceKind::City && b.kind == PlaceKind::City;
    if let (true, Some(x), Some(y)) = (towns, &a.name, &b.name) {
        return x.eq_ignore_ascii_case(y);
    }
    // borrowed: two events' places are compared for every mention that may retell one
    fn province(p: &Place) -> Option<&str> {
        match p.kind {
            PlaceKind::Province => p.code.as_deref(),
            _ => p.province.as_deref(),
        }
    }
    match (province(a), province(b)) {
        (Some(x), Some(y)) => same_code(x, y),
        _ => true,
    }
}

/// How closely [`places_agree`] compares two sets of places where a side names no town.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Match {
    /// Some province of one agrees with some place of the other: a mention that refers back
    /// ("the strikes on Aleppo" after strikes on three provinces).
    Overlap,
    /// The same provinces: a mention that tells its own event ("airstrikes on Aleppo" after
    /// strikes on three provinces is another strike).
    Same,
}

/// True if two sets of places (an event's provinces and towns) can be one place: either
/// names none, or some town of one agrees with some town of the other, or, where a side names
/// no town, their provinces agree as `how` says.
pub(crate) fn places_agree(
    (a_provinces, a_towns): (&[Place], &[Place]),
    (b_provinces, b_towns): (&[Place], &[Place]),
    how: Match,
) -> bool {
    if a_provinces.is_empty() && a_towns.is_empty() || b_provinces.is_empty() && b_towns.is_empty()
    {
        return true;
    }
    let any = |xs: &[Place], ys: &[Place]| {
        super::work::add(xs.len().saturating_mul(ys.len()));
        xs.iter().any(|x| ys.iter().any(|y| place_agrees(x, y)))
    };
    if !a_towns.is_empty() && !b_towns.is_empty() {
        return any(a_towns, b_towns);
    }
    if how == Match::Same && !a_provinces.is_empty() && !b_provinces.is_empty() {
        return same_provinces(a_provinces, b_provinces);
    }
    let a_all = if a_towns.is_empty() {
        a_provinces
    } else {
        a_towns
    };
    let b_all = if b_towns.is_empty() {
        b_provinces
    } else {
        b_towns
    };
    any(a_all, b_all)
}

/// The lists of provinces this many pairs long or shorter are compared pair by pair, not
/// by sorted lists of their codes ([`same_provinces`]).
const FEW_PAIRS: usize = 64;

/// True if two lists of provinces have the same codes. Most events name one or two: each
/// code is sought in the other list, nothing is allocated; long lists are compared by their
/// codes sorted, not pair by pair.
fn same_provinces(a: &[Place], b: &[Place]) -> bool {
    if a.len().saturating_mul(b.len()) > FEW_PAIRS {
        return province_codes(a) == province_codes(b);
    }
    super::work::add(a.len() * b.len());
    within(a, b) && within(b, a)
}

/// True if every province code of `xs` is one of `ys`.
fn within(xs: &[Place], ys: &[Place]) -> bool {
    xs.iter().filter_map(|p| p.code.as_deref()).all(|x| {
        ys.iter()
            .any(|y| y.code.as_deref().is_some_and(|y| same_code(x, y)))
    })
}

/// The codes of a list of provinces, sorted, once each.
fn province_codes(v: &[Place]) -> Vec<&str> {
    let mut c: Vec<&str> = v.iter().filter_map(|p| p.code.as_deref()).collect();
    c.sort_unstable();
    c.dedup();
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use chrono::NaiveDate;

    fn town(name: &'static str, province: &'static str, country: &'static str) -> Place {
        Place {
            text: Default::default(),
            name: Some(name.into()),
            kind: PlaceKind::City,
            code: None,
            country: Some(country.into()),
            province: Some(province.into()),
            span: None,
        }
    }

    fn province(code: &'static str, country: &'static str) -> Place {
        Place {
            text: Default::default(),
            name: None,
            kind: PlaceKind::Province,
            code: Some(code.into()),
            country: Some(country.into()),
            province: None,
            span: None,
        }
    }

    fn day(y: i32, m: u32, d: u32, precision: Precision) -> DateRef {
        DateRef {
            text: Default::default(),
            date: NaiveDate::from_ymd_opt(y, m, d),
            precision,
            span: Span::new(0, 0),
            inferred: false,
        }
    }

    #[test]
    fn same_provinces_are_the_same_codes() {
        let (hl, id) = (province("SY-HL", "SY"), province("SY-ID", "SY"));
        // a town has no code of its own
        let uncoded = town("Aleppo", "SY-HL", "SY");
        let cases: [(Vec<Place>, Vec<Place>); 4] = [
            (
                vec![hl.clone(), id.clone()],
                vec![id.clone(), hl.clone(), hl.clone()],
            ),
            (vec![hl.clone()], vec![hl.clone(), id.clone()]),
            (vec![hl.clone(), uncoded.clone()], vec![hl.clone()]),
            (vec![uncoded.clone()], vec![hl.clone()]),
        ];
        for (a, b) in &cases {
            let by_codes = province_codes(a) == province_codes(b);
            assert_eq!(same_provinces(a, b), by_codes);
            assert_eq!(same_provinces(b, a), by_codes);
        }
        // long lists: by their codes sorted
        let many: Vec<Place> = (0..FEW_PAIRS).map(|_| hl.clone()).collect();
        assert!(same_provinces(&many, &[hl.clone(), hl.clone()]));
        assert!(!same_provinces(&many, &[hl, id]));
    }

    #[test]
    fn places() {
        let kharkiv = town("Kharkiv", "UA-63", "UA");
        let kherson = town("Kherson", "UA-65", "UA");
        assert!(place_agrees(&kharkiv, &kharkiv));
        assert!(!place_agrees(&kharkiv, &kherson));
        assert!(place_agrees(&kharkiv, &province("UA-63", "UA")));
        assert!(!place_agrees(&kharkiv, &province("RU-BEL", "RU")));
        let none: &[Place] = &[];
        let overlap = Match::Overlap;
        let one = |p: &Place| vec![p.clone()];
        assert!(places_agree((none, none), (none, &one(&kherson)), overlap));
        assert!(!places_agree(
            (&[province("UA-63", "UA")], &one(&kharkiv)),
            (&[province("UA-65", "UA")], &one(&kherson)),
            overlap
        ));
        assert!(places_agree(
            (&[province("UA-63", "UA")], &one(&kharkiv)),
            (&[province("UA-63", "UA")], none),
            overlap
        ));
        // three provinces, then one of them: the same strike told again, or another
        let three = [
            province("SY-HL", "SY"),
            province("SY-ID", "SY"),
            province("SY-DY", "SY"),
        ];
        let aleppo = [province("SY-HL", "SY")];
        assert!(places_agree((&three, none), (&aleppo, none), overlap));
        assert!(!places_agree((&three, none), (&aleppo, none), Match::Same));
    }

    /// Two places agree as ACLED's identity has it, whatever is read first: a country or
    /// region with any place of its country; two towns by their names alone (two towns of
    /// one name in the text are one, even of two provinces); a town of no name, or a town
    /// and a province, by their provinces.
    #[test]
    fn place_agreement_by_kind() {
        let kharkiv = town("Kharkiv", "UA-63", "UA");
        let ukraine = Place {
            kind: PlaceKind::Country,
            code: Some("UA".into()),
            ..province("UA", "UA")
        };
        let region = Place {
            kind: PlaceKind::Region,
            ..province("UA-XX", "UA")
        };
        assert!(place_agrees(&ukraine, &kharkiv) && place_agrees(&kharkiv, &ukraine));
        assert!(place_agrees(&region, &kharkiv) && place_agrees(&kharkiv, &region));
        assert!(!place_agrees(&ukraine, &town("Belgorod", "RU-BEL", "RU")));
        // towns by name, the case aside, before their provinces
        assert!(place_agrees(&kharkiv, &town("KHARKIV", "UA-65", "UA")));
        assert!(!place_agrees(&kharkiv, &town("Izium", "UA-63", "UA")));
        // a town without a name, by its province
        let unnamed = Place {
            name: None,
            ..town("", "UA-63", "UA")
        };
        assert!(place_agrees(&kharkiv, &unnamed));
        assert!(!place_agrees(&town("Kherson", "UA-65", "UA"), &unnamed));
        assert!(place_agrees(&unnamed, &province("UA-63", "UA")));
    }

    #[test]
    fn dates() {
        let d3 = day(2024, 3, 3, Precision::Day);
        let d4 = day(2024, 3, 4, Precision::Day);
        let march = day(2024, 3, 1, Precision::Month);
        assert!(dates_agree(Some(&d3), None));
        assert!(dates_agree(Some(&d3), Some(&d3)));
        assert!(!dates_agree(Some(&d3), Some(&d4)));
        assert!(dates_agree(Some(&march), Some(&d4)));
        let reported = DateRef {
            inferred: true,
            ..d4.clone()
        };
        assert!(dates_agree(Some(&d3), Some(&reported)));
    }

    /// A date as an article without a publication date gives it: its words, no day.
    fn unresolved(words: &str, precision: Precision) -> DateRef {
        DateRef {
            text: words.into(),
            date: None,
            precision,
            span: Span::new(0, words.len()),
            inferred: false,
        }
    }

    #[test]
    fn dates_without_a_year_compare_by_month_and_day() {
        let may1 = unresolved("May 1", Precision::Day);
        let may9 = unresolved("9 May", Precision::Day);
        let first_may = unresolved("1 May", Precision::Day);
        assert!(!dates_agree(Some(&may1), Some(&may9)));
        assert!(dates_agree(Some(&may1), Some(&first_may)));
        // against a full date: its month and day
        assert!(dates_agree(
            Some(&may1),
            Some(&day(2016, 5, 1, Precision::Day))
        ));
        assert!(!dates_agree(
            Some(&may9),
            Some(&day(2016, 5, 1, Precision::Day))
        ));
        // a month against a day of it, or of another month
        let in_may = unresolved("May", Precision::Month);
        let june2 = unresolved("June 2", Precision::Day);
        assert!(dates_agree(Some(&in_may), Some(&may9)));
        assert!(!dates_agree(Some(&in_may), Some(&june2)));
        // a weekday cannot be placed without the publication date: it agrees with any day
        let tuesday = unresolved("Tuesday", Precision::Day);
        assert!(dates_agree(Some(&tuesday), Some(&may1)));
        assert!(dates_agree(
            Some(&tuesday),
            Some(&unresolved("Friday", Precision::Day))
        ));
    }
}
