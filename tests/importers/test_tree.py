"""Trees of items: `camket import FILE --framework SLUG` reads a parent and a level column;
a tree that cannot be is refused row by row, and nothing is written."""

import json

import pytest
from django.core.management import CommandError, call_command

from camket.frameworks.models import Framework, Recommendation
from camket.importers.models import ImportRun
from camket.importers.service import import_file

PROGRAMME = (
    "Reference,Parent,Level,Text\n"
    "SP1,,Sub-programme,Transnational organized crime and illicit trafficking\n"
    "SP1.1,SP1,Outcome,Border agencies detect and intercept illicit flows\n"
    "SP1.1.1,SP1.1,Output,Border liaison offices set up in three provinces\n"
    "SP5,,1,Drug demand reduction and HIV/AIDS\n"
    "SP5.1,SP5,,Drug users reach evidence-based treatment\n"
    "SP5.1.1,SP5.1,3,Methadone treatment extended to more provinces\n"
)


@pytest.fixture
def programme(db):
    return Framework.objects.create(
        slug="unodc-cp", name="UNODC country programme 2012-2017", kind="programme"
    )


def _write(tmp_path, text, name="programme.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _tree(framework) -> dict[str, tuple[str | None, int]]:
    return {
        r.reference: (r.parent.reference if r.parent else None, r.level)
        for r in Recommendation.objects.filter(framework=framework).select_related("parent")
    }


EXPECTED = {
    "SP1": (None, 0),
    "SP1.1": ("SP1", 1),
    "SP1.1.1": ("SP1.1", 2),
    "SP5": (None, 0),
    "SP5.1": ("SP5", 1),
    "SP5.1.1": ("SP5.1", 2),
}


def test_a_three_level_tree_is_imported_from_csv(tmp_path, programme, world):
    summary = import_file(
        _write(tmp_path, PROGRAMME), framework_slug="unodc-cp", user=world.coordinator
    )
    assert summary.errors == [] and summary.created == 6
    assert _tree(programme) == EXPECTED
    output = Recommendation.objects.get(framework=programme, reference="SP5.1.1")
    entry = output.history.first()
    assert entry.parent_id == output.parent_id and entry.level == 2
    assert entry.history_user == world.coordinator


def test_vietnamese_headers_and_level_names(tmp_path, programme):
    text = (
        "Mã;Mã cha;Cấp;Nội dung\n"
        "TP1;;Tiểu chương trình;Phòng, chống tội phạm xuyên quốc gia\n"
        "TP1.1;TP1;Kết quả;Tăng cường năng lực kiểm soát biên giới\n"
        "TP1.1.1;TP1.1;Đầu ra;Thành lập văn phòng liên lạc biên giới\n"
    )
    summary = import_file(_write(tmp_path, text), framework_slug="unodc-cp")
    assert summary.errors == []
    assert _tree(programme) == {"TP1": (None, 0), "TP1.1": ("TP1", 1), "TP1.1.1": ("TP1.1", 2)}


def test_without_a_level_column_the_depth_gives_the_level(tmp_path, programme):
    text = "Reference,Parent,Text\nA,,Top\nA.1,A,Middle\nA.1.1,A.1,Leaf\n"
    assert import_file(_write(tmp_path, text), framework_slug="unodc-cp").errors == []
    assert _tree(programme) == {"A": (None, 0), "A.1": ("A", 1), "A.1.1": ("A.1", 2)}


def test_children_may_be_listed_before_their_parents(tmp_path, programme):
    text = "Reference,Parent,Text\nA.1.1,A.1,Leaf\nA.1,A,Middle\nA,,Top\n"
    assert import_file(_write(tmp_path, text), framework_slug="unodc-cp").errors == []
    assert _tree(programme) == {"A": (None, 0), "A.1": ("A", 1), "A.1.1": ("A.1", 2)}


def test_a_parent_already_in_the_framework_is_found(tmp_path, programme):
    import_file(_write(tmp_path, PROGRAMME), framework_slug="unodc-cp")
    more = "Reference,Parent,Text\nSP5.1.2,SP5.1,Needle and syringe programmes kept up\n"
    summary = import_file(_write(tmp_path, more, "more.csv"), framework_slug="unodc-cp")
    assert summary.errors == [] and summary.created == 1
    assert _tree(programme)["SP5.1.2"] == ("SP5.1", 2)


def test_reimporting_the_same_tree_changes_nothing(tmp_path, programme):
    path = _write(tmp_path, PROGRAMME)
    import_file(path, framework_slug="unodc-cp")
    again = import_file(path, framework_slug="unodc-cp")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 6)
    assert _tree(programme) == EXPECTED


def test_a_changed_parent_in_the_file_is_applied(tmp_path, programme):
    path = _write(tmp_path, PROGRAMME)
    import_file(path, framework_slug="unodc-cp")
    moved = PROGRAMME.replace("SP1.1.1,SP1.1,Output", "SP1.1.1,SP5.1,Output")
    summary = import_file(_write(tmp_path, moved), framework_slug="unodc-cp", dry_run=True)
    (change,) = summary.changes
    assert change.reference == "SP1.1.1" and ("parent", "SP1.1", "SP5.1") in change.changes
    summary = import_file(path, framework_slug="unodc-cp")
    assert (summary.updated, summary.unchanged) == (1, 5)
    assert _tree(programme)["SP1.1.1"] == ("SP5.1", 2)


def test_a_flat_list_imported_earlier_gets_its_tree(tmp_path, programme):
    flat = "Reference,Text\nA,Top\nA.1,Middle\n"
    import_file(_write(tmp_path, flat), framework_slug="unodc-cp")
    tree = "Reference,Parent,Text\nA,,Top\nA.1,A,Middle\n"
    summary = import_file(_write(tmp_path, tree), framework_slug="unodc-cp")
    assert summary.errors == [] and summary.updated == 1
    assert _tree(programme) == {"A": (None, 0), "A.1": ("A", 1)}


BAD_TREES = {
    "unknown parent": (
        "Reference,Parent,Text\nA,,Top\nA.1,B,Middle\n",
        (3, "Parent", "The parent “B” is neither in the file nor in the framework."),
    ),
    "cycle": (
        "Reference,Parent,Text\nA,,Top\nB,C,One\nC,D,Two\nD,B,Three\n",
        (3, "Parent", "The parents form a cycle: B → C → D → B."),
    ),
    "own parent": (
        "Reference,Parent,Text\nA,A,Top\n",
        (2, "Parent", "The item “A” cannot be its own parent."),
    ),
    "duplicate reference": (
        "Reference,Parent,Text\nA,,Top\nA.1,A,Middle\nA.1,A,Again\n",
        (4, "Reference", "The reference “A.1” is already used in row 3."),
    ),
    "child level not below its parent": (
        "Reference,Parent,Level,Text\nA,,Sub-programme,Top\nA.1,A,Output,Middle\n",
        (3, "Level", "Under “A” an item is at level 2 “Outcome”, not 3 “Output”."),
    ),
    "top item below the top level": (
        "Reference,Parent,Level,Text\nA,,Outcome,Top\n",
        (
            2,
            "Level",
            "An item without a parent is at the top level, 1 “Sub-programme”, not 2 “Outcome”.",
        ),
    ),
    "level number outside the framework's": (
        "Reference,Parent,Level,Text\nA,,1,Top\nA.1,A,2,Middle\nA.1.1,A.1,3,Leaf\n"
        "A.1.1.1,A.1.1,4,Too deep\n",
        (
            5,
            "Level",
            "The level 4 is not one of this framework's levels (1 “Sub-programme”, "
            "2 “Outcome”, 3 “Output”).",
        ),
    ),
    "level name unknown": (
        "Reference,Parent,Level,Text\nA,,Chapter,Top\n",
        (
            2,
            "Level",
            "“Chapter” is not one of this framework's levels (1 “Sub-programme”, "
            "2 “Outcome”, 3 “Output”).",
        ),
    ),
    "too deep without a level column": (
        "Reference,Parent,Text\nA,,Top\nA.1,A,Middle\nA.1.1,A.1,Leaf\nA.1.1.1,A.1.1,Deeper\n",
        (
            5,
            "Parent",
            "This item would be at level 4, below the framework's last level "
            "(1 “Sub-programme”, 2 “Outcome”, 3 “Output”).",
        ),
    ),
}


@pytest.mark.parametrize("case", list(BAD_TREES))
def test_a_bad_tree_is_refused_with_its_row_message_and_nothing_written(tmp_path, programme, case):
    text, (row, column, message) = BAD_TREES[case]
    summary = import_file(_write(tmp_path, text), framework_slug="unodc-cp")
    assert [(e.row, e.column, e.message) for e in summary.errors] == [(row, column, message)]
    assert not Recommendation.objects.filter(framework=programme).exists()
    assert not ImportRun.objects.exists()


def test_moving_an_item_its_children_could_not_follow_is_refused(tmp_path, programme):
    import_file(_write(tmp_path, PROGRAMME), framework_slug="unodc-cp")
    moved = "Reference,Parent,Text\nSP5.1,,Drug users reach evidence-based treatment\n"
    summary = import_file(_write(tmp_path, moved, "moved.csv"), framework_slug="unodc-cp")
    (error,) = summary.errors
    assert error.row == 2 and "“SP5.1.1”, already in the framework under this item" in str(error)
    assert _tree(programme) == EXPECTED


def test_the_command_refuses_a_cycle_with_json_and_writes_nothing(tmp_path, programme, capsys):
    path = _write(tmp_path, BAD_TREES["cycle"][0])
    with pytest.raises(CommandError):
        call_command("import", str(path), "--framework", "unodc-cp", "--json")
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert last["created"] == 0
    assert last["errors"] == [
        {"row": 3, "column": "Parent", "message": "The parents form a cycle: B → C → D → B."}
    ]
    assert not Recommendation.objects.exists()


def test_a_file_with_a_level_column_alone_keeps_the_parents(tmp_path, programme):
    import_file(_write(tmp_path, PROGRAMME), framework_slug="unodc-cp")
    levels_only = "Reference,Level,Text\nSP5.1.1,Output,Methadone treatment extended further\n"
    summary = import_file(_write(tmp_path, levels_only, "levels.csv"), framework_slug="unodc-cp")
    assert summary.errors == [] and summary.updated == 1
    assert _tree(programme) == EXPECTED
