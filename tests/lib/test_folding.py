from camket.lib.folding import fold, folded_document, search_terms


def test_vietnamese_letters_fold_to_plain_latin():
    assert fold("Quyền con người") == "quyen con nguoi"
    assert fold("Đảm bảo") == "dam bao"
    assert fold("ĐẨY MẠNH phòng, chống") == "day manh phong, chong"


def test_query_words_are_folded_and_stripped_of_wildcards():
    assert search_terms("  Quyền %_ trẻ-em ") == ["quyen", "tre", "em"]


def test_document_is_padded_so_words_match_at_their_start():
    document = folded_document("1.1", "Đảm bảo quyền", "Việt Nam")
    assert document == " 1 1 dam bao quyen viet nam "
    assert " quy" in document and " uyen" not in document
