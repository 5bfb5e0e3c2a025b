"""conflict_events.Extractor: user gazetteers and their errors, asserted_only, and
extract_many (the same events as extract, in input order, on any number of threads)."""

import datetime
import gc
import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

import conflict_events as ce

# A fictional group and hamlet that the built-in gazetteer does not know.
GAZETTEER = (
    "# kind\tname\tcountry\tcode\tprovince\taliases\tattrs\n"
    "armed_group\tBlack Crescent Legion\tSY\t\t\tBCL|Black Crescent fighters\n"
    "city\tKhirbet Umm Sawan\tSY\t\tSY-HL\tUmm Sawan\tpop=700\n"
)

BARREL_BOMBS = (
    "Syrian government helicopters dropped barrel bombs on BCL positions near Umm Sawan on "
    "Sunday, killing nine Black Crescent fighters, the Syrian Observatory for Human Rights "
    "said."
)

# One asserted strike and toll, then a planned, a hypothetical and a denied strike.
FOUR_MODALITIES = (
    "Russian warplanes struck militants in Idlib province on Tuesday, killing 12 fighters, a "
    "monitor said. Turkey plans to launch drone strikes against the PKK in northern Iraq "
    "next month, officials said. Analysts warned that Israeli jets could strike Iranian "
    "targets in Syria in the coming weeks. The Pentagon denied that U.S. aircraft had bombed "
    "a hospital in Kunduz."
)

ARTICLES = [
    BARREL_BOMBS,
    FOUR_MODALITIES,
    "",
    "Israeli jets bombed a weapons depot near Damascus on Monday, killing seven fighters.",
    "The central bank raised interest rates on Tuesday.",
    "Ukrainian forces shelled Russian positions near Bakhmut overnight, the governor said.",
    "Saudi-led coalition air strikes on Sanaa killed 14 civilians on Wednesday, medics said.",
]
DATES = ["2019-03-06", datetime.date(2016, 8, 17), None, "2018-05-10", None, None, "2015-06-04"]


@pytest.fixture
def gazetteer(tmp_path):
    path = tmp_path / "my_groups.tsv"
    path.write_text(GAZETTEER, encoding="utf-8")
    return path


def test_a_user_gazetteer_adds_names_to_the_builtin_ones(gazetteer):
    extractor = ce.Extractor(gazetteer_tsv=gazetteer)
    strike, toll = extractor.extract(BARREL_BOMBS, date="2019-03-06")
    assert strike["actor"]["country"] == "SY"  # built-in
    assert strike["targets"][0]["name"] == "Black Crescent Legion"  # the user's, by alias
    assert strike["locations"][0]["name"] == "Khirbet Umm Sawan"
    assert strike["provinces"][0]["code"] == "SY-HL"  # the hamlet's province
    assert toll["count"]["value"] == 9
    assert toll["victims"]["text"] == "Black Crescent fighters"
    assert toll["place"]["name"] == "Khirbet Umm Sawan"
    [default_strike] = [e for e in ce.extract(BARREL_BOMBS) if e["type"] == "strike"]
    assert default_strike["locations"] == []


def test_the_gazetteer_path_may_be_a_str(gazetteer):
    by_path = ce.Extractor(gazetteer).extract(BARREL_BOMBS)
    assert ce.Extractor(str(gazetteer)).extract(BARREL_BOMBS) == by_path


def test_a_malformed_gazetteer_is_a_value_error_with_file_line_and_reason(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text(GAZETTEER + "brigade\tRed Hand Brigade\n", encoding="utf-8")
    with pytest.raises(ValueError) as err:
        ce.Extractor(gazetteer_tsv=path)
    assert str(err.value).startswith(f'{path}:4: unknown kind "brigade" (expected one of:')


def test_a_gazetteer_that_is_not_utf8_is_a_value_error(tmp_path):
    path = tmp_path / "latin1.tsv"
    path.write_bytes("city\tAl-Qa\xefm\tSY\n".encode("latin-1"))
    with pytest.raises(ValueError) as err:
        ce.Extractor(path)
    assert str(err.value) == f"{path} is not UTF-8 (invalid byte at offset 10)"  # after "Al-Qa"


def test_a_missing_gazetteer_is_a_file_not_found_error(tmp_path):
    path = tmp_path / "nowhere.tsv"
    with pytest.raises(FileNotFoundError) as err:
        ce.Extractor(path)
    assert str(err.value).startswith(f"cannot read the gazetteer {path}: No such file")


def test_asserted_only_drops_planned_hypothetical_and_denied_events():
    everything = ce.Extractor().extract(FOUR_MODALITIES)
    modalities = {e["modality"] for e in everything}
    assert modalities == {"asserted", "planned", "hypothetical", "negated"}
    kept = ce.Extractor(asserted_only=True).extract(FOUR_MODALITIES)
    assert kept == [e for e in everything if e["modality"] == "asserted"]
    assert [e["type"] for e in kept].count("strike") == 1
    assert ce.Extractor(asserted_only=False).extract(FOUR_MODALITIES) == everything


def test_asserted_only_keeps_a_casualty_pointing_at_its_strike():
    text = (
        "Turkey plans to launch drone strikes against the PKK in northern Iraq next month. "
        "Russian warplanes struck militants in Idlib on Tuesday, killing 12 fighters."
    )

    def cause(events):
        [toll] = [e for e in events if e["type"] == "casualty"]
        return events[toll["event"]]

    everything = ce.Extractor().extract(text)
    kept = ce.Extractor(asserted_only=True).extract(text)
    assert len(kept) < len(everything)
    assert cause(everything)["actor"]["country"] == "RU"
    assert cause(kept) == cause(everything)  # the same strike, at its new index


def test_repr(gazetteer):
    assert repr(ce.Extractor()) == "Extractor(gazetteer_tsv=None, asserted_only=False)"
    shown = repr(ce.Extractor(gazetteer, asserted_only=True))
    assert shown == f"Extractor(gazetteer_tsv={str(gazetteer)!r}, asserted_only=True)"


@pytest.mark.parametrize("threads", [None, 1, 2, 3, 16])
def test_extract_many_equals_extract_in_input_order(threads):
    extractor = ce.Extractor()
    one_by_one = [extractor.extract(t, date=d) for t, d in zip(ARTICLES, DATES)]
    assert extractor.extract_many(ARTICLES, DATES, threads=threads) == one_by_one
    assert sum(map(len, one_by_one)) >= 8  # the articles have events


def test_extract_many_on_many_articles_keeps_their_order():
    extractor = ce.Extractor()
    texts = [f"{n} civilians were killed in Aleppo." for n in range(2, 202)]
    results = extractor.extract_many(texts, threads=2)
    assert [r[0]["count"]["value"] for r in results] == list(range(2, 202))


def test_extract_many_takes_any_iterable_and_no_dates():
    extractor = ce.Extractor()
    expected = [extractor.extract(t) for t in ARTICLES]
    assert extractor.extract_many(t for t in ARTICLES) == expected
    assert extractor.extract_many(tuple(ARTICLES), dates=None) == expected
    assert extractor.extract_many([]) == []


def test_extract_many_argument_errors():
    extractor = ce.Extractor()
    with pytest.raises(TypeError, match=r"^texts\[1\] must be str, not bytes$"):
        extractor.extract_many(["fine", b"not fine"])
    with pytest.raises(TypeError, match="^texts must be an iterable of str, not a single str"):
        extractor.extract_many("one article")
    with pytest.raises(TypeError, match="^texts must be an iterable, not int$"):
        extractor.extract_many(7)
    with pytest.raises(ValueError, match="^dates has 1 items but texts has 2"):
        extractor.extract_many(["a", "b"], dates=["2016-08-16"])
    with pytest.raises(ValueError, match=r"^dates\[1\] '2016-02-30' is not a date YYYY-MM-DD"):
        extractor.extract_many(["a", "b"], dates=[None, "2016-02-30"])
    for threads in (0, -2):
        with pytest.raises(ValueError, match=f"^threads must be at least 1 .*, not {threads}$"):
            extractor.extract_many(["a"], threads=threads)


def test_extract_many_leaves_the_garbage_collector_as_it_found_it():
    extractor = ce.Extractor()
    assert gc.isenabled()
    extractor.extract_many(ARTICLES, DATES)
    assert gc.isenabled()
    gc.disable()
    try:
        extractor.extract_many(ARTICLES, DATES)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(TypeError):
        extractor.extract_many([*ARTICLES, None])
    assert gc.isenabled()


def test_one_extractor_shared_by_python_threads():
    extractor = ce.Extractor()
    expected = [extractor.extract(t, date=d) for t, d in zip(ARTICLES, DATES)]
    jobs = [(i % len(ARTICLES)) for i in range(40)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda i: extractor.extract(ARTICLES[i], DATES[i]), jobs))
        many = list(pool.map(lambda _: extractor.extract_many(ARTICLES, DATES, 2), range(4)))
    assert got == [expected[i] for i in jobs]
    assert many == [expected] * 4


EXAMPLE = os.environ.get("CONFLICT_EVENTS_EXTRACT_EXAMPLE")


@pytest.mark.skipif(not EXAMPLE, reason="CONFLICT_EVENTS_EXTRACT_EXAMPLE is not set")
def test_extract_many_equals_the_rust_batch_mode():
    lines = []
    for i, (text, date) in enumerate(zip(ARTICLES, DATES)):
        line = {"id": f"a{i}", "text": text}
        if date is not None:
            line["date"] = str(date)
        lines.append(json.dumps(line))
    out = subprocess.run(
        [EXAMPLE, "--jsonl", "--threads", "2"],
        input="\n".join(lines) + "\n",
        check=True,
        capture_output=True,
        text=True,
    )
    rust = [json.loads(line)["events"] for line in out.stdout.splitlines()]
    assert ce.Extractor().extract_many(ARTICLES, DATES, threads=2) == rust
