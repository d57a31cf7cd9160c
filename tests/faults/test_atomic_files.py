"""Files written whole or not at all: a write that fails (as a kill would stop it) leaves the
earlier file as it was and no temporary file; a trained model is listed only once complete."""

import pytest

from camket.lib.atomic_files import replaced_when_written, write_bytes_atomically
from camket.tagging import model as tagging_model


class Killed(Exception):
    pass


def test_a_failed_write_keeps_the_earlier_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "draft.docx"
    write_bytes_atomically(target, b"first")
    with pytest.raises(Killed), replaced_when_written(target) as temporary:
        temporary.write_bytes(b"half of the sec")
        raise Killed
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.docx"]


def test_a_finished_write_replaces_the_file(tmp_path):
    target = tmp_path / "draft.docx"
    write_bytes_atomically(target, b"first")
    write_bytes_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.docx"]


def test_a_model_whose_saving_stopped_is_not_listed(tiny_tagger, tmp_path, monkeypatch):
    def killed_while_writing_metadata(path, data):
        raise Killed

    monkeypatch.setattr(tagging_model, "write_bytes_atomically", killed_while_writing_metadata)
    with pytest.raises(Killed):
        tiny_tagger.model.save(tmp_path)
    [folder] = tmp_path.iterdir()
    assert (folder / tagging_model.MODEL_FILE).is_file()
    assert tagging_model.saved_versions(tmp_path) == []

    monkeypatch.undo()
    tiny_tagger.model.save(tmp_path)
    assert tagging_model.load_model(tmp_path).metadata == tiny_tagger.model.metadata
