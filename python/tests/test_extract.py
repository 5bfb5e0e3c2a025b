"""conflict_events.extract: the events of short articles written for these tests, the
argument checks, and the JSON of the Rust `extract` example."""

import datetime
import json
import os
import subprocess
from pathlib import Path

import pytest

import conflict_events as ce

# A Tuesday. The article's "Tuesday" is that day, not the next one.
PUBLISHED = "2016-08-16"

PALMYRA = (
    "Share\n\nRussian warplanes struck Islamic State positions near Palmyra on Tuesday, "
    "killing 12 militants, the Syrian Observatory for Human Rights said. The war has killed "
    "more than 280,000 people since 2011.\n\nAdvertisement"
)

# Non-ASCII before the date: a no-break hyphen (3 bytes in UTF-8) and a no-break space.
DEIR_EZ_ZOR = (
    "Turkish drones hit a convoy near Deir ez\u2011Zor on Friday.\u00a0The Kurdish-led SDF "
    "said 3 fighters were wounded."
)


def words(text, span):
    """The words of a span: spans are byte offsets into the UTF-8 text."""
    start, end = span
    return text.encode("utf-8")[start:end].decode("utf-8")


def of_type(events, kind):
    return [e for e in events if e["type"] == kind]


def test_a_strike_with_its_actor_target_place_date_and_weapon():
    events = ce.extract(PALMYRA, date=PUBLISHED)
    [strike] = of_type(events, "strike")
    assert strike["modality"] == "asserted"
    assert strike["actor"]["country"] == "RU"
    assert words(PALMYRA, strike["actor"]["span"]) == "Russian warplanes"
    assert [t["name"] for t in strike["targets"]] == ["Islamic State"]
    assert strike["targets"][0]["kind"] == "armed_group"
    assert [p["code"] for p in strike["provinces"]] == ["SY-HI"]  # Palmyra is in Homs
    assert [p["name"] for p in strike["locations"]] == ["Palmyra"]
    date = strike["date"]  # fields may be added (SCHEMA.md): compare those we know
    assert (date["text"], date["date"], date["precision"]) == ("Tuesday", PUBLISHED, "day")
    assert date["span"] == [72, 79]
    assert strike["weapon"] == "air"
    [sentence] = strike["evidence"]
    assert words(PALMYRA, sentence).startswith("Russian warplanes struck")


def test_an_incident_toll_and_a_running_toll():
    events = ce.extract(PALMYRA, date=PUBLISHED)
    incident, war = of_type(events, "casualty")
    assert incident["kind"] == "killed"
    assert incident["count"]["value"] == 12
    assert incident["count"]["qualifier"] == "exact"
    assert incident["victims"]["category"] == "combatants"
    assert incident["cumulative"] is False
    assert incident["source"] == "Syrian Observatory for Human Rights"
    assert incident["province"]["code"] == "SY-HI"
    assert war["count"]["value"] == 280000
    assert war["count"]["qualifier"] == "more_than"
    assert war["count"]["text"] == "more than 280,000"
    assert war["cumulative"] is True


def test_events_are_plain_json_with_the_fields_of_the_schema():
    events = ce.extract(PALMYRA, date=PUBLISHED)
    assert json.loads(json.dumps(events)) == events
    strike_keys = {"type", "modality", "evidence", "actor", "base", "targets"}
    strike_keys |= {"provinces", "locations", "date", "weapon"}
    casualty_keys = {"type", "modality", "evidence", "kind", "count", "victims"}
    casualty_keys |= {"cumulative", "perpetrator", "place", "province", "date", "source"}
    for e in events:
        expected = strike_keys if e["type"] == "strike" else casualty_keys
        assert expected <= e.keys(), e
    assert list(events[0])[:3] == ["type", "modality", "evidence"]  # the order of the types


def test_spans_are_byte_offsets_into_the_utf8_text():
    [strike, wounded] = ce.extract(DEIR_EZ_ZOR, date="2019-10-12")
    assert strike["provinces"][0]["code"] == "SY-DY"
    assert words(DEIR_EZ_ZOR, strike["locations"][0]["span"]) == "Deir ez\u2011Zor"
    start, end = strike["date"]["span"]
    assert words(DEIR_EZ_ZOR, [start, end]) == "Friday"
    assert DEIR_EZ_ZOR[start:end] != "Friday"  # character offsets would be 2 less
    assert strike["date"]["date"] == "2019-10-11"
    assert wounded["kind"] == "wounded" and wounded["count"]["value"] == 3


def test_the_date_as_datetime_date_datetime_or_str():
    as_str = ce.extract(PALMYRA, date=PUBLISHED)
    assert ce.extract(PALMYRA, date=datetime.date(2016, 8, 16)) == as_str
    assert ce.extract(PALMYRA, datetime.datetime(2016, 8, 16, 23, 59)) == as_str


class NotATime(datetime.datetime):
    """Like pandas' NaT: a datetime unequal to itself."""

    def __eq__(self, other):
        return False

    def __ne__(self, other):
        return True

    __hash__ = datetime.datetime.__hash__


@pytest.mark.parametrize("missing", [None, float("nan"), NotATime(2016, 8, 16)])
def test_without_a_date_relative_dates_stay_unresolved(missing):
    [strike] = of_type(ce.extract(PALMYRA, date=missing), "strike")
    assert strike["date"]["text"] == "Tuesday"
    assert strike["date"]["date"] is None


def test_text_without_events():
    assert ce.extract("") == []
    assert ce.extract("The central bank raised interest rates on Tuesday.") == []


@pytest.mark.parametrize(
    "text, type_name",
    [(b"Russian warplanes struck", "bytes"), (None, "NoneType"), (12, "int"), (["a"], "list")],
)
def test_a_text_that_is_not_str_is_a_type_error(text, type_name):
    with pytest.raises(TypeError, match=f"^text must be str, not {type_name}$"):
        ce.extract(text)


@pytest.mark.parametrize("bad", ["2016-13-01", "16/08/2016", "2016-08-16T10:00", "", "Tuesday"])
def test_a_date_string_that_is_not_a_date_is_a_value_error_naming_it(bad):
    with pytest.raises(ValueError) as err:
        ce.extract(PALMYRA, date=bad)
    assert str(err.value).startswith(f"date {bad!r} is not a date YYYY-MM-DD (")


@pytest.mark.parametrize("bad, type_name", [(20160816, "int"), (1.5, "float"), ((2016, 8), "tuple")])
def test_a_date_of_another_type_is_a_type_error(bad, type_name):
    message = f'^date must be a datetime.date, a str "YYYY-MM-DD" or None, not {type_name}$'
    with pytest.raises(TypeError, match=message):
        ce.extract(PALMYRA, date=bad)


def test_a_lone_surrogate_is_a_unicode_error_not_a_crash():
    with pytest.raises(UnicodeEncodeError):
        ce.extract("Russian warplanes struck \ud800 Idlib")


def test_odd_text_never_crashes():
    odd = [
        "\x00" * 100,
        "\r\n" * 500,
        "killed " * 2000,
        "Idlib " * 3000,
        "\u202e\u0627\u0644\u0631\u0642\u0629 \U0001f4a3 " * 200,
        "more than more than 1,000,000,000,000,000,000,000 killed",
    ]
    for text in odd:
        assert isinstance(ce.extract(text, date=PUBLISHED), list)


def test_the_package_ships_its_types_and_version():
    package = Path(ce.__file__).parent
    assert (package / "py.typed").is_file()
    assert (package / "_native.pyi").is_file()
    from importlib.metadata import version

    assert ce.__version__ == version("conflict-events")
    assert ce.extract.__doc__ and "list of dicts" in ce.extract.__doc__


# The Rust example, for the comparison below. `.ci/run` builds it and sets the variable.
EXAMPLE = os.environ.get("CONFLICT_EVENTS_EXTRACT_EXAMPLE")


@pytest.mark.skipif(not EXAMPLE, reason="CONFLICT_EVENTS_EXTRACT_EXAMPLE is not set")
def test_the_same_json_as_the_rust_example(tmp_path):
    path = tmp_path / "article.txt"
    for text, date in [(PALMYRA, PUBLISHED), (DEIR_EZ_ZOR, "2019-10-12")]:
        path.write_text(text, encoding="utf-8")
        out = subprocess.run(
            [EXAMPLE, str(path), "--date", date], check=True, capture_output=True, text=True
        )
        assert ce.extract(text, date=date) == json.loads(out.stdout)
