"""Every importer, fed damaged and odd files: it either succeeds or returns its errors (each
saying what is wrong, and where when it knows), never raises, and writes nothing when it
returns errors. Bounded: see tests/fuzz/conftest.py for the profiles."""

import io
import logging
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from camket.frameworks.models import Framework, Recommendation
from camket.glossary.importing import COLUMNS as GLOSSARY_COLUMNS
from camket.glossary.importing import import_glossary
from camket.glossary.models import GlossaryTerm
from camket.importers.models import ImportRun
from camket.importers.service import import_file
from camket.legislation.importing import COLUMNS as LAW_COLUMNS
from camket.legislation.importing import import_laws
from camket.legislation.models import LegalAct
from camket.translations.workbook import COLUMNS as TRANSLATION_COLUMNS
from camket.translations.workbook import import_workbook
from camket.treaties.importing import import_status_file
from camket.treaties.models import Instrument, Participation, Reservation
from camket.treaties.rows import RESERVATION_COLUMNS, STATUS_COLUMNS
from tests.fuzz import files
from tests.fuzz.conftest import fuzz_settings

RECOMMENDATION_HEADERS = ["Reference", "Text", "Recommending State", "Response", "Text VI"]
UPR_INFO_HEADERS = ["Recommendation", "Recommending State", "Response", "Issues", "Session"]
OHCHR_HEADERS = ["Recommendation and recommending State", "Position", "Paragraph No."]
OHCHR_ROW = ["7.1 Ratify OP-CAT (Peru);", "Supported", "7.1"]
RECOMMENDATION_ROW = ["1.1", "Ratify the Convention (Peru);", "Peru", "Supported", "Phê chuẩn"]


class ParserCrashes(logging.Handler):
    """Records the import service's catch-all: a parser raised something nobody foresaw."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        if record.exc_info:
            self.messages.append(f"{record.getMessage()}: {record.exc_info[1]!r}")


@pytest.fixture
def crashes():
    handler = ParserCrashes()
    logger = logging.getLogger("camket.importers.detect")
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)


@pytest.fixture
def limits(settings):
    settings.CAMKET_MAX_IMPORT_CELL_CHARS = files.CELL_CHARS
    settings.CAMKET_MAX_IMPORT_UNCOMPRESSED_BYTES = files.UNCOMPRESSED_BYTES
    settings.CAMKET_MAX_IMPORT_ROWS = 50


@pytest.fixture
def framework(db):
    return Framework.objects.get_or_create(
        slug="upr-vn-4", defaults={"name": "UPR Viet Nam 4", "kind": "upr_cycle"}
    )[0]


def counts(*models) -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in models} | {
        model.history.model.__name__: model.history.count()
        for model in models
        if hasattr(model, "history")
    }


def assert_explained(errors) -> None:
    for error in errors:
        assert str(error.message).strip(), error
        assert error.row is None or error.row >= 1, error


def table_files(headers: list[str], seed_row: list[str]):
    """A table as CSV (any encoding) or XLSX (header maybe merged), or a damaged seed file."""
    seed_rows = [headers, seed_row]
    tabled = files.tables(headers)
    return st.one_of(
        st.tuples(tabled, st.sampled_from(files.ENCODINGS)).map(
            lambda t: ("fuzz.csv", files.csv_bytes(t[0], t[1]))
        ),
        st.tuples(tabled, st.booleans()).map(
            lambda t: ("fuzz.xlsx", files.xlsx_bytes(t[0], merge_header=t[1]))
        ),
        files.damaged(files.csv_bytes(seed_rows, "cp1258")).map(lambda raw: ("fuzz.csv", raw)),
        files.damaged(files.xlsx_bytes(seed_rows)).map(lambda raw: ("fuzz.xlsx", raw)),
        st.just(("bomb.xlsx", files.zip_bomb(files.xlsx_bytes(seed_rows)))),
    )


recommendation_files = st.one_of(
    table_files(RECOMMENDATION_HEADERS, RECOMMENDATION_ROW),
    table_files(UPR_INFO_HEADERS, ["Ratify OP-CAT", "Peru", "Supported", "Torture", "46"]),
    files.tables(OHCHR_HEADERS).map(lambda rows: ("fuzz.docx", files.docx_bytes(rows))),
    files.damaged(files.docx_bytes([OHCHR_HEADERS, OHCHR_ROW])).map(lambda raw: ("fuzz.docx", raw)),
    st.just(("bomb.docx", files.zip_bomb(files.docx_bytes([OHCHR_HEADERS])))),
)


@given(upload=recommendation_files, publish=st.booleans())
@fuzz_settings(40)
def test_recommendation_import_succeeds_or_explains_and_writes_nothing(
    framework, limits, crashes, upload, publish
):
    name, raw = upload
    crashes.messages.clear()  # the handler outlives an example; what it saw before is not this
    before = counts(Recommendation, ImportRun, Framework)
    summary = import_file(name, raw=raw, framework_slug=framework.slug, publish=publish)
    assert crashes.messages == []  # a parser error nobody foresaw, caught by the catch-all
    if summary.ok:
        assert counts(ImportRun)["ImportRun"] == before["ImportRun"] + 1
    else:
        assert_explained(summary.errors)
        assert counts(Recommendation, ImportRun, Framework) == before


@pytest.fixture
def instrument(db):
    return Instrument.objects.create(key="iccpr", name="ICCPR", family="core")


@given(
    upload=st.one_of(
        table_files(list(STATUS_COLUMNS), ["VNM", "iccpr", "accession", "1982-09-24"]),
        table_files(list(RESERVATION_COLUMNS), ["VNM", "iccpr", "declaration", "5", "Text"]),
    )
)
@fuzz_settings(25)
def test_treaty_status_import_succeeds_or_explains_and_writes_nothing(instrument, limits, upload):
    name, raw = upload
    before = counts(Participation, Reservation)
    summary = import_status_file(Path(name), raw=raw, file_name=name)
    if not summary.ok:
        assert_explained(summary.errors)
        assert counts(Participation, Reservation) == before


@given(upload=table_files(list(GLOSSARY_COLUMNS), ["nhân quyền", "human rights", "", "", "", ""]))
@fuzz_settings(25)
def test_glossary_import_succeeds_or_explains_and_writes_nothing(db, limits, upload):
    name, raw = upload
    before = counts(GlossaryTerm)
    result = import_glossary(Path(name), raw=raw)
    if result.errors:
        assert_explained(result.errors)
        assert counts(GlossaryTerm) == before


@given(upload=table_files(list(LAW_COLUMNS), ["01/2025/QH15", "law", "Luật", "Law", "", "draft"]))
@fuzz_settings(25)
def test_law_import_succeeds_or_explains_and_writes_nothing(db, limits, upload):
    name, raw = upload
    before = counts(LegalAct)
    outcome = import_laws(Path(name), raw)
    if outcome.errors:
        assert_explained(outcome.errors)
        assert counts(LegalAct) == before


@given(upload=table_files(list(TRANSLATION_COLUMNS), ["1", "upr-vn-4", "1.1", "Text", "Văn bản"]))
@fuzz_settings(25)
def test_translation_workbook_import_succeeds_or_explains_and_writes_nothing(
    framework, limits, upload
):
    _name, raw = upload
    Recommendation.objects.get_or_create(
        framework=framework, reference="1.1", defaults={"text": "Text"}
    )[0]
    before = list(Recommendation.objects.values_list("pk", "text_vi", "version"))
    result = import_workbook(None, raw)
    if result.problems:
        assert_explained(result.problems)
        assert list(Recommendation.objects.values_list("pk", "text_vi", "version")) == before


def test_the_seed_files_the_damage_starts_from_import_cleanly(framework, limits):
    # Were a seed refused already, its damaged copies would test nothing but that refusal.
    seeds = {
        "seed.csv": files.csv_bytes([RECOMMENDATION_HEADERS, RECOMMENDATION_ROW], "cp1258"),
        "seed.xlsx": files.xlsx_bytes([RECOMMENDATION_HEADERS, RECOMMENDATION_ROW]),
        "seed.docx": files.docx_bytes([OHCHR_HEADERS, OHCHR_ROW]),
    }
    for name, raw in seeds.items():
        summary = import_file(name, raw=raw, framework_slug=framework.slug)
        assert summary.ok and summary.created + summary.updated + summary.unchanged == 1, (
            name,
            summary.errors,
        )


def test_a_corrupted_deflate_stream_is_reported_as_damage_not_caught_as_a_crash(
    framework, limits, crashes
):
    # Found by the fuzzing: zlib.error escaped the package checks into the catch-all.
    raw = corrupted_member(files.docx_bytes([OHCHR_HEADERS, OHCHR_ROW]), "word/document.xml")
    summary = import_file("damaged.docx", raw=raw, framework_slug=framework.slug)
    assert crashes.messages == []
    assert not summary.ok and "damaged" in str(summary.errors[0])


def corrupted_member(package: bytes, member: str) -> bytes:
    """The package with a byte of `member`'s deflate stream changed so that inflating it
    fails in zlib (not at the CRC check after it)."""
    info = zipfile.ZipFile(io.BytesIO(package)).getinfo(member)
    name_length, extra_length = struct.unpack(
        "<HH", package[info.header_offset + 26 : info.header_offset + 30]
    )
    start = info.header_offset + 30 + name_length + extra_length
    for at in range(start + 2, start + info.compress_size):
        data = bytearray(package)
        data[at] ^= 0xFF
        try:
            zipfile.ZipFile(io.BytesIO(bytes(data))).read(member)
        except zlib.error:
            return bytes(data)
        except zipfile.BadZipFile:
            continue
    raise AssertionError("no byte of the member breaks its deflate stream")
