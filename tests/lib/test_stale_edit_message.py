"""The message a refused stale edit carries (API 409, CLI, list actions) reads in the user's
language."""

from django.utils import translation

from camket.lib.concurrency import StaleEdit
from camket.review.models import Assessment


def test_the_stale_edit_message_is_translated():
    with translation.override("vi"):
        vietnamese = str(StaleEdit(Assessment()))
    with translation.override("en"):
        english = str(StaleEdit(Assessment()))

    assert vietnamese == "Ý kiến của cơ quan đã được người khác thay đổi kể từ khi bạn mở."
    assert english == "Assessment was changed by someone else since you opened it."
