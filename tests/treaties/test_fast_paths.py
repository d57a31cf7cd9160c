"""The detector's short cuts for plain-ASCII text (most texts) find exactly what the full
matching finds: the substring test before ASKING, the lowercased twin of the names' pattern,
and `fold` returning ASCII text as it is."""

import csv
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from camket.treaties import detection
from camket.treaties.detection import Detector, may_ask
from camket.treaties.names import file_aliases, file_protocols
from camket.treaties.wording import ASKING
from tests.conftest import SHARED_DATA

SAMPLE_EVERY = 5  # a fifth of the shared export's texts keeps the test under a second


@pytest.fixture(scope="module")
def shared_texts():
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data folder {SHARED_DATA} is absent: skipping the real-file test")
    texts = []
    for path in sorted((SHARED_DATA / "upr-info").glob("*.csv")):
        with path.open(encoding="mac_roman", newline="") as handle:
            texts += [row["Text"] for row in csv.DictReader(handle)]
    return texts[::SAMPLE_EVERY]


@pytest.fixture(scope="module")
def detector():
    return Detector(file_aliases(), file_protocols())


@pytest.fixture(scope="module")
def full_detector():
    """The same names, always matched without regard to case (no lowercased twin)."""
    full = Detector(file_aliases(), file_protocols())
    full.lowercase_names = None
    return full


def test_asking_never_matches_a_text_the_substring_test_rejects(shared_texts):
    rejected = [text for text in shared_texts if not may_ask(text)]
    assert len(rejected) > len(shared_texts) / 2  # the short cut does spare most texts
    assert not [text for text in rejected if ASKING.search(text)]


VERB_PIECES = [
    "Ratify",
    "RATIFICATION",
    "accede",
    "Accession",
    "adhering",
    "Becoming a State party",
    "join",
    "SIGNATURE",
    "tham gia",
    "Tham  Gia",
    "withdraw its",
    "Withdrawal of the",
    "lifting",
    "remove",
    "reconsider",
    "Review all",
    "revisit the",
    "drop",
    "reservations",
    "declaration",
    "rat",
    "ify",
    "sig",
    "-",
    " ",
    ", ",
    "x",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VERB_PIECES), max_size=8).map("".join))
def test_asking_on_generated_ascii_texts_implies_the_substring_test(text):
    if ASKING.search(text):
        assert may_ask(text)


def test_detection_with_short_cuts_finds_what_full_matching_finds(
    shared_texts, detector, full_detector, monkeypatch
):
    asking = [text for text in shared_texts if may_ask(text)]
    fast = [detector.find(text, "", 2015) for text in asking]
    monkeypatch.setattr(detection, "may_ask", lambda text: True)
    full = [full_detector.find(text, "", 2015) for text in asking]
    assert sum(map(len, full)) > 100  # the sample holds many links
    assert fast == full


@pytest.mark.parametrize(
    "text",
    [
        "Ratify the international covenant on civil and political rights (ICCPR)",
        "RATIFY THE CONVENTION AGAINST TORTURE and its Optional Protocol",
        "Consider ratifying the Convention on the Rights of Persons with Disabilities.",
    ],
)
def test_names_found_in_any_case(detector, full_detector, text):
    assert detector.find(text) == full_detector.find(text)
    assert detector.find(text)


def test_no_lowercased_twin_when_a_name_could_match_ascii_beyond_ascii():
    aliases = {**file_aliases(), "X": {"Convention on ſlavery"}}  # long s: matches "s"
    assert Detector(aliases, file_protocols()).lowercase_names is None
    assert Detector(file_aliases(), file_protocols()).lowercase_names is not None
    assert re.search("ſ", "s", re.IGNORECASE)  # why: case-blind matching crosses ASCII
