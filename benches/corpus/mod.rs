//! A deterministic generator of news-like war articles for the benches.
//!
//! Every sentence comes from templates written here (never from the evaluation set). A
//! tiny xorshift generator with a fixed seed makes the corpus identical from run to run,
//! so figures from two runs measure the same text. About a third of the body sentences
//! report a strike or casualties; the rest is politics, economy, diplomacy, quotes and
//! page furniture ("Share", "Advertisement", "Read more: ..."). Some articles carry
//! scraped noise: CRLF line ends, curly quotes and apostrophes, no-break spaces.

use conflict_events::NaiveDate;

/// The seed of [`corpus_bytes`].
pub const SEED: u64 = 0x5EED_C0FF_EE15_2024;

/// Size an article of [`articles`] aims for, in bytes.
pub const ARTICLE_BYTES: usize = 4096;

/// xorshift64* (Vigna): small, fast, good enough to pick templates.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // splitmix64 of the seed, so that nearby seeds give unrelated streams and zero is fine
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(if z == 0 { 1 } else { z })
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 33) % n.max(1) as u64) as usize
    }

    /// True with probability `num / den`.
    fn chance(&mut self, num: usize, den: usize) -> bool {
        self.below(den) < num
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items.get(self.below(items.len())).copied().unwrap_or("")
    }
}

/// One province with its spellings and towns (each town may have several spellings,
/// separated by `|`).
struct Province {
    names: &'static [&'static str],
    towns: &'static [&'static str],
}

/// One war: who strikes whom, where, with what, and who reports it.
struct Theater {
    country: &'static str,
    capital: &'static str,
    attackers: &'static [&'static str],
    attacker_adj: &'static str,
    targets: &'static [&'static str],
    provinces: &'static [Province],
    weapons: &'static [&'static str],
    weapons_pl: &'static [&'static str],
    sources: &'static [&'static str],
    officials: &'static [&'static str],
}

const THEATERS: &[Theater] = &[
    Theater {
        country: "Ukraine",
        capital: "Kyiv|Kiev",
        attackers: &[
            "Russian forces",
            "Russia",
            "the Russian military",
            "Moscow",
            "Russian troops",
        ],
        attacker_adj: "Russian",
        targets: &[
            "Ukrainian forces",
            "Ukrainian troops",
            "a Ukrainian brigade",
            "Ukrainian positions",
        ],
        provinces: &[
            Province {
                names: &["Kharkiv region", "Kharkiv oblast", "Kharkov region"],
                towns: &[
                    "Kharkiv|Kharkov",
                    "Izium|Izyum",
                    "Kupiansk|Kupyansk",
                    "Chuhuiv",
                ],
            },
            Province {
                names: &["Donetsk region", "Donetsk oblast"],
                towns: &[
                    "Bakhmut|Artemovsk",
                    "Avdiivka|Avdeyevka",
                    "Kramatorsk",
                    "Pokrovsk",
                    "Sloviansk|Slavyansk",
                ],
            },
            Province {
                names: &["Zaporizhzhia region", "Zaporozhye region"],
                towns: &["Zaporizhzhia|Zaporozhye", "Orikhiv", "Huliaipole"],
            },
            Province {
                names: &["Odesa region", "Odessa region"],
                towns: &["Odesa|Odessa", "Izmail", "Bilhorod-Dnistrovskyi"],
            },
            Province {
                names: &["Kherson region"],
                towns: &["Kherson", "Beryslav", "Nova Kakhovka"],
            },
        ],
        weapons: &[
            "missile strike",
            "drone strike",
            "airstrike",
            "artillery strike",
            "glide bomb attack",
            "rocket attack",
        ],
        weapons_pl: &[
            "missile strikes",
            "Shahed drones",
            "Iskander missiles",
            "Kalibr cruise missiles",
            "guided bombs",
            "artillery barrages",
        ],
        sources: &[
            "the regional governor",
            "Ukraine{ap}s air force",
            "the Russian defence ministry",
            "local officials",
            "the State Emergency Service",
            "the prosecutor{ap}s office",
        ],
        officials: &[
            "President Volodymyr Zelensky",
            "Defence Minister Sergei Shoigu",
            "Foreign Minister Dmytro Kuleba",
            "Kremlin spokesman Dmitry Peskov",
        ],
    },
    Theater {
        country: "Yemen",
        capital: "Sanaa|Sana{ap}a",
        attackers: &[
            "the Saudi-led coalition",
            "coalition warplanes",
            "Saudi-led forces",
            "the coalition",
        ],
        attacker_adj: "coalition",
        targets: &[
            "the Houthis",
            "Houthi rebels",
            "the Iran-aligned Houthi movement",
            "Ansar Allah fighters",
        ],
        provinces: &[
            Province {
                names: &["Saada province", "Sa{ap}dah governorate"],
                towns: &["Saada|Sadah", "Razih", "Dhahyan", "Baqim"],
            },
            Province {
                names: &["Hodeidah province", "Al Hudaydah governorate"],
                towns: &["Hodeidah|Hudaydah", "Zabid", "Bajil"],
            },
            Province {
                names: &["Marib province", "Ma{ap}rib governorate"],
                towns: &["Marib|Ma{ap}rib", "Sirwah", "Harib"],
            },
            Province {
                names: &["Sanaa province"],
                towns: &["Sanaa|Sana{ap}a", "Bani Hushaysh", "Arhab"],
            },
            Province {
                names: &["Taiz province", "Ta{ap}izz governorate"],
                towns: &["Taiz|Ta{ap}izz", "Mocha|Mokha"],
            },
        ],
        weapons: &["airstrike", "air raid", "missile attack", "drone attack"],
        weapons_pl: &[
            "airstrikes",
            "air raids",
            "laser-guided bombs",
            "ballistic missiles",
        ],
        sources: &[
            "the Houthi-run health ministry",
            "Al-Masirah TV",
            "the coalition spokesman",
            "medical sources",
            "a UN official",
            "tribal sources",
        ],
        officials: &[
            "the Houthi leader Abdul-Malik al-Houthi",
            "the coalition spokesman Turki al-Maliki",
            "UN envoy Hans Grundberg",
        ],
    },
    Theater {
        country: "Somalia",
        capital: "Mogadishu",
        attackers: &[
            "US Africa Command",
            "AFRICOM",
            "the US military",
            "American forces",
            "US forces",
        ],
        attacker_adj: "US",
        targets: &[
            "al-Shabaab",
            "al-Shabab militants",
            "the al-Qaeda-linked group",
            "al-Shabaab fighters",
        ],
        provinces: &[
            Province {
                names: &["Lower Shabelle", "the Lower Shabelle region"],
                towns: &["Barawe|Brava", "Afgoye|Afgooye", "Janaale", "Qoryoley"],
            },
            Province {
                names: &["Middle Juba", "the Middle Juba region"],
                towns: &["Jilib", "Saakow", "Bu{ap}aale"],
            },
            Province {
                names: &["Hiran", "Hiiraan region"],
                towns: &["Beledweyne", "Bulobarde", "Jalalaqsi"],
            },
            Province {
                names: &["Bay region"],
                towns: &["Baidoa", "Burhakaba", "Dinsoor"],
            },
        ],
        weapons: &[
            "airstrike",
            "drone strike",
            "precision strike",
            "air strike",
        ],
        weapons_pl: &["airstrikes", "drone strikes", "precision strikes"],
        sources: &[
            "AFRICOM",
            "Somali officials",
            "residents",
            "a Somali intelligence official",
            "the Somali government",
        ],
        officials: &[
            "President Hassan Sheikh Mohamud",
            "Prime Minister Hamza Abdi Barre",
            "the AFRICOM commander",
        ],
    },
    Theater {
        country: "Iraq",
        capital: "Baghdad",
        attackers: &[
            "Turkish warplanes",
            "Turkey",
            "the Turkish military",
            "the Turkish armed forces",
            "Turkish drones",
        ],
        attacker_adj: "Turkish",
        targets: &[
            "the PKK",
            "Kurdistan Workers{ap} Party militants",
            "PKK fighters",
            "the outlawed PKK",
        ],
        provinces: &[
            Province {
                names: &["Duhok province", "Dohuk province"],
                towns: &["Zakho", "Amadiya|Amedi", "Batifa", "Kani Masi"],
            },
            Province {
                names: &["Erbil province", "Arbil governorate"],
                towns: &["Sidakan", "Soran", "Choman"],
            },
            Province {
                names: &["Nineveh province", "Ninawa governorate"],
                towns: &["Sinjar|Shingal", "Makhmour", "Mosul"],
            },
            Province {
                names: &["Sulaymaniyah province", "Sulaimani province"],
                towns: &["Penjwen", "Qandil", "Qaladze"],
            },
        ],
        weapons: &[
            "airstrike",
            "drone strike",
            "air operation",
            "artillery bombardment",
        ],
        weapons_pl: &[
            "airstrikes",
            "drone strikes",
            "air raids",
            "howitzer rounds",
        ],
        sources: &[
            "Turkey{ap}s defence ministry",
            "the Kurdistan Region{ap}s counter-terrorism service",
            "Iraqi Kurdish officials",
            "Anadolu news agency",
            "the mayor",
        ],
        officials: &[
            "President Recep Tayyip Erdogan",
            "Iraqi Prime Minister Mohammed Shia al-Sudani",
            "Defence Minister Hulusi Akar",
        ],
    },
    Theater {
        country: "Syria",
        capital: "Damascus",
        attackers: &[
            "Israel",
            "Israeli warplanes",
            "the Israeli military",
            "the IDF",
            "Israeli jets",
        ],
        attacker_adj: "Israeli",
        targets: &[
            "Syrian government forces",
            "Iran-backed militias",
            "Hezbollah fighters",
            "Syrian air defences",
        ],
        provinces: &[
            Province {
                names: &["the Damascus countryside", "Rif Dimashq"],
                towns: &["Damascus", "Mezzeh", "Kisweh", "Sayyida Zeinab"],
            },
            Province {
                names: &["Homs province"],
                towns: &["Homs", "Shayrat", "Qusayr", "Palmyra|Tadmur"],
            },
            Province {
                names: &["Deir ez-Zor province", "Deir al-Zour province"],
                towns: &["Deir ez-Zor", "Albu Kamal|Abu Kamal", "Mayadin|al-Mayadeen"],
            },
            Province {
                names: &["Quneitra province"],
                towns: &["Quneitra", "Khan Arnabeh"],
            },
            Province {
                names: &["Hama province"],
                towns: &["Masyaf", "Hama"],
            },
        ],
        weapons: &["airstrike", "missile strike", "air raid", "missile attack"],
        weapons_pl: &[
            "missiles",
            "airstrikes",
            "air-to-surface missiles",
            "guided missiles",
        ],
        sources: &[
            "SANA state news agency",
            "the Syrian Observatory for Human Rights",
            "a Syrian military source",
            "the Israeli army",
            "a war monitor",
        ],
        officials: &[
            "Prime Minister Benjamin Netanyahu",
            "President Bashar al-Assad",
            "Foreign Minister Faisal Mekdad",
        ],
    },
    Theater {
        country: "Syria",
        capital: "Damascus",
        attackers: &[
            "Syrian government forces",
            "regime forces",
            "Syrian and Russian warplanes",
            "the Syrian army",
            "Assad{ap}s forces",
        ],
        attacker_adj: "government",
        targets: &[
            "rebels",
            "Hayat Tahrir al-Sham",
            "HTS fighters",
            "opposition fighters",
            "the National Liberation Front",
        ],
        provinces: &[
            Province {
                names: &["Idlib province", "Idleb province", "Idlib"],
                towns: &[
                    "Ariha",
                    "Saraqeb|Saraqib",
                    "Maarat al-Numan|Ma{ap}arrat al-Nu{ap}man",
                    "Jisr al-Shughur",
                    "Sarmin",
                    "Kafranbel",
                ],
            },
            Province {
                names: &["Aleppo province", "western Aleppo countryside"],
                towns: &[
                    "Aleppo",
                    "al-Atarib|Atareb",
                    "Anadan",
                    "Kafr Halab",
                    "Darat Izza",
                ],
            },
            Province {
                names: &["northern Hama", "Hama province"],
                towns: &["Kafr Zita", "Latamneh", "Khan Sheikhoun|Khan Shaykhun"],
            },
        ],
        weapons: &[
            "barrel bomb attack",
            "airstrike",
            "artillery shelling",
            "rocket attack",
            "air raid",
        ],
        weapons_pl: &[
            "barrel bombs",
            "airstrikes",
            "rockets",
            "cluster munitions",
            "mortar rounds",
        ],
        sources: &[
            "the White Helmets",
            "the Syria Civil Defence",
            "the Syrian Observatory for Human Rights",
            "SOHR",
            "activists",
            "a local doctor",
        ],
        officials: &[
            "President Bashar al-Assad",
            "UN envoy Geir Pedersen",
            "Turkish Foreign Minister Mevlut Cavusoglu",
        ],
    },
    Theater {
        country: "Mali",
        capital: "Bamako",
        attackers: &[
            "the Malian army",
            "Malian troops and Russian mercenaries",
            "Burkina Faso{ap}s army",
            "Nigerien forces",
            "French forces",
        ],
        attacker_adj: "Malian",
        targets: &[
            "jihadists",
            "JNIM fighters",
            "the Islamic State in the Sahel",
            "militants",
            "Islamic State fighters",
        ],
        provinces: &[
            Province {
                names: &["the Mopti region", "central Mali"],
                towns: &["Mopti", "Djenné|Djenne", "Moura", "Bandiagara"],
            },
            Province {
                names: &["the Gao region"],
                towns: &["Gao", "Ménaka|Menaka", "Ansongo"],
            },
            Province {
                names: &["Burkina Faso{ap}s Sahel region", "the Sahel region"],
                towns: &["Djibo", "Dori", "Arbinda"],
            },
            Province {
                names: &["the Tillabéri region", "Tillaberi region"],
                towns: &["Tillabéri|Tillaberi", "Ayorou", "Ouallam"],
            },
        ],
        weapons: &["airstrike", "drone strike", "helicopter attack", "ambush"],
        weapons_pl: &[
            "airstrikes",
            "drone strikes",
            "helicopter gunships",
            "armed drones",
        ],
        sources: &[
            "the army",
            "a local official",
            "Human Rights Watch",
            "security sources",
            "a local elected official",
        ],
        officials: &[
            "junta leader Assimi Goita",
            "Captain Ibrahim Traore",
            "the ECOWAS chairman",
        ],
    },
];

/// Sentences that report a strike or casualties.
const EVENT_SENTENCES: &[&str] = &[
    "{att} carried out {wpl} on {town} in {prov} {date}, {src} said.",
    "A {wsg} hit a {site} in {town} {date}, killing {num}{_}{victims}, {src} said.",
    "{tgt} positions near {town} were struck by {att} {date}.",
    "{num}{_}{victims} were killed and {count}{_}wounded when {att} bombed {town}, {src} reported.",
    "{src} said {num}{_}{victims} died in the {wsg} on {town}.",
    "The {adj} military said it struck {n} {tgt} targets in {prov} {date}.",
    "{att} launched {n} drones and {n} missiles at {prov} overnight, {src} said.",
    "Shelling of {town} {date} wounded {num}{_}civilians, including {word} children, according to {src}.",
    "The death toll from the {wsg} on {town} rose to {count}, {src} said {date}.",
    "{att} pounded {town} with {wpl} for a third day, forcing {num}{_}people to flee.",
    "At least {n} {victims} were killed in a {wsg} on a {site} in {prov} {date}.",
    "{src} said {att} hit {tgt} near {town}, killing {count}{_}and wounding {word} others.",
    "{word_cap} {victims} were among the dead after {wpl} struck {town} {date}.",
    "In {town}, a {wsg} destroyed a {site} and killed {num}{_}{victims}.",
    "{att} said it had killed {num}{_}{tgt} in a {wsg} near {town} {date}.",
    "{num}{_}people, most of them {victims}, lost their lives in the {wsg}.",
    "The {wsg} {date} on {town} in {prov} left {count}{_}dead and dozens injured.",
    "Rescuers pulled {word} bodies from the rubble of a {site} in {town} {date}.",
    "{att} targeted a {site} used by {tgt} in {prov} {date}, {src} said, without giving a toll.",
    "Between {n} and {n2} {victims} were killed in {wpl} on {town}, {src} said.",
    "{date_cap}, {att} struck {town} again, killing {num}{_}{victims}.",
    "{src} reported {num}{_}{victims} dead and {count}{_}injured in {town} after the {wsg}.",
];

/// Ordinary sentences: politics, economy, diplomacy, daily life. Some share words with
/// the event sentences ("hit", "strike", "killed") without reporting an event.
const OTHER_SENTENCES: &[&str] = &[
    "The central bank left its key interest rate unchanged at {pct} percent on {wd}.",
    "{official} met his counterpart in {city} to discuss trade, energy and the grain corridor.",
    "Parliament is expected to vote on the new budget next month.",
    "Wheat prices rose {pct} percent after the announcement, traders said.",
    "Talks in {city} ended without agreement, diplomats said, but both sides agreed to meet again.",
    "The ministry said it had received {n} thousand applications for reconstruction grants.",
    "Analysts said the vote could reshape the ruling coalition before the elections.",
    "Humanitarian agencies have appealed for ${n} million to cover food and shelter this winter.",
    "The UN envoy called on all parties to respect international humanitarian law.",
    "Markets in {capital} reopened on {wd} and schools resumed classes after the holiday.",
    "{official} is due to address the UN General Assembly later this month.",
    "The currency has lost {pct} percent of its value against the dollar since January.",
    "Fuel shortages have pushed up the price of bread, residents said.",
    "The foreign ministry summoned the ambassador over the remarks.",
    "Opposition leaders said they would boycott the session.",
    "A delegation from the International Monetary Fund arrived in {capital} on {wd}.",
    "The football club hit back with a late goal to draw {d}-{d} on {wd}.",
    "Shares in the state oil company fell {pct} percent in early trading.",
    "Officials denied reports that a ceasefire had collapsed.",
    "{official} warned that any new attack would be met with a firm response.",
    "The government has repeatedly said it will not negotiate under pressure.",
    "Teachers went on strike in {capital} over unpaid wages.",
    "The hospital, which serves {n} thousand people, is short of fuel for its generators.",
    "Exports of grain and sunflower oil recovered in the second quarter.",
    "Aid convoys have been unable to reach the area for {word} weeks, the UN said.",
    "The {country} government announced a new cabinet on {wd}.",
    "Electricity is available for only a few hours a day in much of {prov}.",
    "The European Union extended its sanctions for another six months.",
    "Prices of cooking gas have more than doubled since the spring.",
    "{official} said the country needed peace, investment and jobs.",
    "Journalists have limited access to the region, and the reports could not be verified independently.",
    "The company said it would resume flights to {capital} in the autumn.",
    "Residents of {town} queued for hours outside bakeries on {wd}.",
    "A new bridge over the river is due to open next year, officials said.",
    "Negotiators in {city} discussed a prisoner exchange and the reopening of roads.",
    "The {adj} side has not commented on the claims.",
    "More than {n} million people need humanitarian assistance, according to UN figures.",
    "The price of a kilogram of rice rose to {n} dollars in {town} market.",
    "Police said the man killed in the road accident near {city} was {n2} years old.",
    "Farmers in {prov} said the harvest had been the worst in a decade.",
];

/// Quotes: some report an event, most do not.
const QUOTES: &[&str] = &[
    "{lq}We heard {word} explosions and then the roof came down,{rq} said a resident of {town}.",
    "{lq}There is no military solution to this conflict,{rq} {official} told reporters.",
    "{lq}Our priority is to keep the schools open,{rq} the mayor of {town} said.",
    "{lq}They struck the market when it was full of people,{rq} a witness told {src}.",
    "{lq}We{ap}re not going anywhere,{rq} said a shopkeeper in {capital}, {n2}, who asked not to be named.",
    "{lq}The economy will recover once the ports reopen,{rq} an economist in {city} said.",
];

const FURNITURE: &[&str] = &[
    "Share",
    "Advertisement",
    "Share this article",
    "Read more: {headline}",
    "Related: {headline}",
    "Sign up for our daily newsletter",
    "Advertisement\nContinue reading below",
    "Follow us on Twitter and Facebook",
    "Photo: AFP / Getty Images",
    "Watch: {headline}",
];

const HEADLINES: &[&str] = &[
    "{att_cap} strikes kill {n} in {town}",
    "{n} dead as {wpl} hit {prov}",
    "{official_cap} calls for talks as fighting rages near {town}",
    "Inflation eases in {capital} as aid flows resume",
    "Death toll rises after {wsg} in {town}",
    "{country} talks stall in {city}",
    "Residents flee {town} after night of {wpl}",
];

const VICTIMS: &[&str] = &[
    "civilians",
    "people",
    "soldiers",
    "fighters",
    "children",
    "militants",
    "members of one family",
    "rescue workers",
];
const SITES: &[&str] = &[
    "market",
    "hospital",
    "school",
    "residential building",
    "power plant",
    "fuel depot",
    "checkpoint",
    "weapons depot",
    "training camp",
    "bridge",
    "mosque",
    "wedding party",
];
const CITIES: &[&str] = &[
    "Geneva", "Doha", "Istanbul", "Vienna", "Brussels", "Riyadh", "Ankara", "Cairo",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "dozens of",
    "scores of",
    "hundreds of",
];
const QUALIFIERS: &[&str] = &[
    "",
    "",
    "",
    "at least ",
    "more than ",
    "about ",
    "nearly ",
    "up to ",
    "some ",
    "over ",
    "around ",
];

/// Per-article noise settings.
#[derive(Clone, Copy)]
struct Style {
    curly: bool,
    nbsp: bool,
    crlf: bool,
}

/// State of one article: its war, its date, its style.
struct Ctx<'a> {
    rng: &'a mut Rng,
    theater: &'a Theater,
    published: NaiveDate,
    style: Style,
    headline: String,
}

impl Ctx<'_> {
    /// A count, in digits or words, with or without a qualifier; `noun`: a noun follows
    /// ("dozens of people" rather than "dozens").
    fn number(&mut self, noun: bool) -> String {
        let r = self.rng.below(10);
        if r < 3 {
            // a word, sometimes with a qualifier ("at least twelve")
            let w = self.rng.pick(NUMBER_WORDS);
            let q = if w.ends_with(" of") {
                ""
            } else {
                self.rng.pick(QUALIFIERS)
            };
            let w = if noun { w } else { w.trim_end_matches(" of") };
            format!("{q}{w}")
        } else {
            let q = self.rng.pick(QUALIFIERS);
            let v = match self.rng.below(10) {
                0..=5 => 1 + self.rng.below(30),
                6..=8 => 30 + self.rng.below(400),
                _ => 1000 + self.rng.below(9_000),
            };
            format!("{q}{}", group_thousands(v))
        }
    }

    /// "on Tuesday", "on March 17", "overnight", "last week" ... consistent with the
    /// publication date (same or previous month).
    fn date(&mut self) -> String {
        use chrono::Datelike;
        let wd = self.rng.pick(WEEKDAYS);
        match self.rng.below(9) {
            0 | 1 => format!("on {wd}"),
            2 => {
                let m = MONTHS
                    .get(self.published.month0() as usize)
                    .copied()
                    .unwrap_or("May");
                let d = 1 + self.rng.below(self.published.day() as usize);
                if self.rng.chance(1, 2) {
                    format!("on {m} {d}")
                } else {
                    format!("on {d} {m}")
                }
            }
            3 => format!("early on {wd}"),
            4 => format!("on {wd} night"),
            5 => "overnight".to_string(),
            6 => "last week".to_string(),
            7 => "yesterday".to_string(),
            _ => format!("late {wd}"),
        }
    }

    fn expand(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 64);
        let mut province: Option<usize> = None;
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(rest.get(..open).unwrap_or(""));
            let after = rest.get(open + 1..).unwrap_or("");
            let Some(close) = after.find('}') else {
                out.push_str(after);
                rest = "";
                break;
            };
            let key = after.get(..close).unwrap_or("");
            rest = after.get(close + 1..).unwrap_or("");
            let value = self.value(key, &mut province);
            out.push_str(&value);
        }
        out.push_str(rest);
        out
    }

    fn value(&mut self, key: &str, province: &mut Option<usize>) -> String {
        let t = self.theater;
        let prov_idx = |ctx: &mut Self, p: &mut Option<usize>| -> usize {
            *p.get_or_insert_with(|| ctx.rng.below(t.provinces.len()))
        };
        let raw = match key {
            "att" => self.rng.pick(t.attackers).to_string(),
            "att_cap" => capitalize(self.rng.pick(t.attackers)),
            "adj" => t.attacker_adj.to_string(),
            "tgt" => self.rng.pick(t.targets).to_string(),
            "prov" => {
                let i = prov_idx(self, province);
                t.provinces
                    .get(i)
                    .map(|p| self.rng.pick(p.names))
                    .unwrap_or("")
                    .to_string()
            }
            "town" => {
                let i = prov_idx(self, province);
                let town = t
                    .provinces
                    .get(i)
                    .map(|p| self.rng.pick(p.towns))
                    .unwrap_or("");
                spelling(self.rng, town)
            }
            "capital" => spelling(self.rng, t.capital),
            "country" => t.country.to_string(),
            "wsg" => self.rng.pick(t.weapons).to_string(),
            "wpl" => self.rng.pick(t.weapons_pl).to_string(),
            "src" => self.rng.pick(t.sources).to_string(),
            "official" => self.rng.pick(t.officials).to_string(),
            "official_cap" => capitalize(self.rng.pick(t.officials)),
            "victims" => self.rng.pick(VICTIMS).to_string(),
            "site" => self.rng.pick(SITES).to_string(),
            "city" => self.rng.pick(CITIES).to_string(),
            "wd" => self.rng.pick(WEEKDAYS).to_string(),
            "num" => self.number(true),
            "count" => self.number(false),
            "d" => self.rng.below(5).to_string(),
            "n" => (2 + self.rng.below(40)).to_string(),
            "n2" => (42 + self.rng.below(40)).to_string(),
            "word" => self.rng.pick(&NUMBER_WORDS[..12]).to_string(),
            "word_cap" => capitalize(self.rng.pick(&NUMBER_WORDS[..12])),
            "pct" => format!("{}.{}", self.rng.below(20), self.rng.below(10)),
            "date" => self.date(),
            "date_cap" => capitalize(&self.date()),
            "headline" => self.headline.clone(),
            "_" => if self.style.nbsp && self.rng.chance(1, 2) {
                "\u{a0}"
            } else {
                " "
            }
            .to_string(),
            "lq" => if self.style.curly { "\u{201c}" } else { "\"" }.to_string(),
            "rq" => if self.style.curly { "\u{201d}" } else { "\"" }.to_string(),
            "ap" => if self.style.curly { "\u{2019}" } else { "'" }.to_string(),
            _ => String::new(),
        };
        // names may themselves hold {ap}
        if raw.contains("{ap}") {
            raw.replace("{ap}", if self.style.curly { "\u{2019}" } else { "'" })
        } else {
            raw
        }
    }

    fn sentence(&mut self) -> String {
        let r = self.rng.below(30);
        let template = if r < 10 {
            self.rng.pick(EVENT_SENTENCES)
        } else if r < 12 {
            self.rng.pick(QUOTES)
        } else {
            self.rng.pick(OTHER_SENTENCES)
        };
        fix_an(&capitalize(&self.expand(template)))
    }
}

/// "a ambush" -> "an ambush" (lowercase vowels only: "a UN official" stays).
fn fix_an(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut words = s.split(' ').peekable();
    while let Some(w) = words.next() {
        out.push_str(w);
        if (w == "a" || w == "A")
            && words
                .peek()
                .is_some_and(|n| n.starts_with(['a', 'e', 'i', 'o', 'u']))
        {
            out.push('n');
        }
        if words.peek().is_some() {
            out.push(' ');
        }
    }
    out
}

/// Picks one spelling of "A|B|C".
fn spelling(rng: &mut Rng, names: &str) -> String {
    let parts: Vec<&str> = names.split('|').collect();
    rng.pick(&parts).to_string()
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn group_thousands(v: usize) -> String {
    let digits = v.to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The publication date of article `index` (between 2016 and 2024).
pub fn publication_date(index: usize) -> NaiveDate {
    let base = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or_default();
    let days = (index as u64).wrapping_mul(37) % 3200;
    base.checked_add_days(chrono::Days::new(days))
        .unwrap_or(base)
}

/// One article of about `target` bytes (at least the headline and one paragraph).
fn article(seed: u64, index: usize, target: usize) -> String {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let theater_idx = rng.below(THEATERS.len());
    let theater = THEATERS.get(theater_idx).unwrap_or(&THEATERS[0]);
    let noise = rng.below(4);
    let style = Style {
        curly: noise == 1 || noise == 3,
        nbsp: noise == 1 || noise == 3,
        crlf: noise >= 2,
    };
    let mut ctx = Ctx {
        rng: &mut rng,
        theater,
        published: publication_date(index),
        style,
        headline: String::new(),
    };
    let headline = {
        let h = ctx.rng.pick(HEADLINES);
        capitalize(&ctx.expand(h))
    };
    let teaser = {
        let h = ctx.rng.pick(HEADLINES);
        capitalize(&ctx.expand(h))
    };
    ctx.headline = teaser;

    let mut text = String::with_capacity(target + 512);
    text.push_str(&headline);
    text.push_str("\n\n");
    if ctx.rng.chance(1, 2) {
        use chrono::Datelike;
        let capital = spelling(ctx.rng, theater.capital).to_uppercase();
        let capital = capital.replace("{AP}", if style.curly { "\u{2019}" } else { "'" });
        let month = MONTHS
            .get(ctx.published.month0() as usize)
            .copied()
            .unwrap_or("May");
        text.push_str(&format!(
            "{capital}, {month} {} (Wire) \u{2013} ",
            ctx.published.day()
        ));
    }
    loop {
        let sentences = 2 + ctx.rng.below(3);
        for k in 0..sentences {
            if k > 0 {
                text.push(' ');
            }
            text.push_str(&ctx.sentence());
        }
        text.push_str("\n\n");
        if text.len() >= target {
            break;
        }
        if ctx.rng.chance(1, 5) {
            let f = ctx.rng.pick(FURNITURE);
            text.push_str(&ctx.expand(f));
            text.push_str("\n\n");
        }
    }
    if ctx.rng.chance(1, 2) {
        text.push_str("Reporting by our correspondents; editing by the news desk\n");
    }
    if style.crlf {
        text = text.replace('\n', "\r\n");
    }
    text
}

/// `n` articles of about 4 KB each, the same for the same seed.
pub fn articles(n: usize, seed: u64) -> Vec<String> {
    (0..n).map(|i| article(seed, i, ARTICLE_BYTES)).collect()
}

/// Articles (seed [`SEED`]) until their total size reaches `target_bytes`. Article `i` was
/// published on [`publication_date`]`(i)`.
pub fn corpus_bytes(target_bytes: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut total = 0;
    while total < target_bytes {
        let a = article(SEED, out.len(), ARTICLE_BYTES);
        total += a.len();
        out.push(a);
    }
    out
}

/// One article of about `target_bytes` (a long live blog for large sizes), published on
/// [`publication_date`]`(index)`.
pub fn long_article(target_bytes: usize, index: usize) -> String {
    article(SEED, index, target_bytes)
}

/// Articles joined with blank lines until `target_bytes`: one huge "article".
pub fn concatenated(target_bytes: usize) -> String {
    let mut out = String::with_capacity(target_bytes + ARTICLE_BYTES * 2);
    let mut i = 0;
    while out.len() < target_bytes {
        if i > 0 {
            out.push_str("\n\n");
        }
        out.push_str(&article(SEED, i, ARTICLE_BYTES));
        i += 1;
    }
    out
}
