"""The words treaty detection (camket/treaties/detection.py) reads: text folded so old and new
Vietnamese tone placements and typographic punctuation compare equal, the verbs of joining,
of withdrawing reservations and of other actions (which stop a verb's reach), the phrases
naming protocols, and ordinals and counts."""

import re
import unicodedata

# Vietnamese words written with the old tone placement ("hoá") read as the new one ("hóa").
_OLD_TONES = str.maketrans(
    {
        "\u00a0": " ",
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2011": "-",
    }
)
_OLD_TONE_PAIRS = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_OLD_TONE_RE = re.compile("|".join(_OLD_TONE_PAIRS), re.IGNORECASE)


def fold(text: str) -> str:
    """Same length in, same length out (after NFC), so positions stay meaningful."""
    if not text or text.isascii():
        return text or ""  # nothing to normalise, translate or re-place: all of it is beyond ASCII
    text = unicodedata.normalize("NFC", text or "").translate(_OLD_TONES)

    def new_tone(match):
        old = match.group(0)
        new = _OLD_TONE_PAIRS[old.lower()]
        return "".join(n.upper() if o.isupper() else n for o, n in zip(old, new, strict=True))

    return _OLD_TONE_RE.sub(new_tone, text)


_JOIN = (
    r"ratif(?!ied)\w*|accede(?!d)\w*|acceding|accession|adhere|adhering|adherence"
    r"|becom(?:e|ing)\s+(?:a\s+)?(?:state\s+)?part(?:y|ies)|join|joining|sign|signing"
    r"|signature"
    r"|(?<!đã\s)phê\s+chuẩn|(?<!đã\s)gia\s+nhập|(?<!đã\s)tham\s+gia|(?<!đăng\s)ký\s+kết"
    r"|trở\s+thành\s+(?:quốc\s+gia\s+)?thành\s+viên"
)
_WITHDRAW = (
    r"(?:withdraw\w*|lift\w*|remov\w*|reconsider\w*|review\w*|revisit\w*|drop\w*)"
    r"(?:\W+\w+){0,5}?\W+(?:reservations?|declarations?)"
    r"|withdrawal\s+of\s+(?:\w+\s+){0,3}?(?:reservations?|declarations?)"
    r"|(?:rút|xóa\s+bỏ|bãi\s+bỏ|xem\s+xét\s+lại)(?:\s+\w+){0,3}?\s+bảo\s+lưu"
)
_STOP = (
    r"implement\w*|ensur\w*|strengthen\w*|continu\w*|take|taking|adopt\w*|bring\w*"
    r"|harmoni[sz]\w*|align\w*|incorporat\w*|submit\w*|cooperat\w*|co-operat\w*|compl(?:y|ies)"
    r"|respect\w*|fulfil\w*|enforc\w*|establish\w*|amend\w*|recommend\w*|report\w*"
    r"|follow(?:s|ed)?|follow(?:s|ed|ing)?[\s-]+up"
    r"|apply|applying|abid\w*|integrat\w*|domesticat\w*|translat\w*|disseminat\w*|promot\w*"
    r"|protect(?:s|ed|ing)?|obligations?|committee|concluding|in\s+line\s+with|in\s+accordance\s+with"
    r"|consistent\s+with|in\s+conformity\s+with|pursuant\s+to|under"
    r"|(?:is|are|being|as)\s+(?:a\s+)?(?:state\s+)?part(?:y|ies)"
    r"|(?:upon|on|at\s+the\s+time\s+of|since|after|following)\s+(?:its\s+)?ratification"
    r"|agreement\s+on\s+(?:the\s+)?privileges\s+and\s+immunities|declarations?\s+(?:on|under)\s+art\w*"
    r"|declarations?\s+provided\s+for|mak\w*\s+(?:the\s+)?declarations?"
    r"|thực\s+hiện|triển\s+khai|bảo\s+đảm|đảm\s+bảo|tăng\s+cường|tiếp\s+tục|nội\s+luật\s+hóa"
    r"|hài\s+hòa|phù\s+hợp\s+với|theo|khuyến\s+nghị|báo\s+cáo|nghĩa\s+vụ|ủy\s+ban"
)
MARKERS = re.compile(
    rf"(?<!\w)(?:(?P<withdraw>{_WITHDRAW})|(?P<join>{_JOIN})|(?P<stop>{_STOP}))(?!\w)",
    re.IGNORECASE,
)
ASKING = re.compile(rf"(?<!\w)(?:{_JOIN}|{_WITHDRAW})(?!\w)", re.IGNORECASE)
# Every ASKING match in a plain-ASCII text holds one of these (lowercased): the start of each
# English verb above, and "tham" of "tham gia" (the other Vietnamese verbs hold accents).
# Keep in step with _JOIN and _WITHDRAW; tests/treaties/test_asking_words.py checks it.
ASCII_ASKING_WORDS = (
    *("ratif", "acced", "accession", "adher", "becom", "join", "sign", "tham"),
    *("withdraw", "lift", "remov", "reconsider", "review", "revisit", "drop"),
)
# "Ratify and (fully) implement X": the joining verb still governs X.
JOINED_VERBS = re.compile(
    r"\s*,?\s*(?:and|&|và)(?:\s+to)?\s+(?:\w+ly\s+|đầy\s+đủ\s+)?", re.IGNORECASE
)
CLAUSE_END = re.compile(r"(?<!\bNo)(?<!\be\.g)(?<!\bi\.e)(?<!\bArt)[.;!?](?=\s|$)|\n")

PROTOCOL = re.compile(
    r"(?<!\w)(?:(?P<ord>first|second|third|1st|2nd|3rd|two|both|three|all)\s+(?:of\s+the\s+)?)?"
    r"(?:(?:optional|additional|supplementary)\s+)?(?P<word>protocols?|(?-i:OPs?))"
    r"(?:\s+(?P<num>[123]|I{1,3})(?!\w))?(?!\w)"
    r"|(?<!\w)(?:(?P<count_vi>các|hai|ba)\s+)?nghị\s+định\s+thư"
    r"(?:\s+(?:không\s+bắt\s+buộc|tùy\s+chọn|bổ\s+sung))?"
    r"(?:\s+thứ\s+(?P<ord_vi>nhất|hai|ba|1|2|3))?(?!\w)",
    re.IGNORECASE,
)
TO_PARENT = re.compile(
    r"[\s,]*(?:(?:to|of|on|supplementing|additional\s+to|của|về|kèm\s+theo|bổ\s+sung|thuộc)"
    r"\s+)?(?:the\s+)?(?:international\s+|UN\s+|united\s+nations\s+)?",
    re.IGNORECASE,
)
ABBREVIATION_AFTER = re.compile(r"\s*\(\s*")
ABBREVIATION_WORD = re.compile(r"\s+[A-Z][A-Z\d-]+\b")  # "…Political Rights ICCPR -"
LIST_JOINER = re.compile(r"\s*(?:,|,?\s+and|,?\s+và)\s+(?:(?:to\s+)?the\s+|to\s+)?", re.IGNORECASE)
OWN_PROTOCOL_AFTER = re.compile(  # "…, the CRPD and the Optional Protocol thereto"
    r"\s*,?\s*(?:and|as\s+well\s+as)\s+(?:the|its)\s+(?:optional\s+)?protocols?", re.IGNORECASE
)
LISTED_AFTER = re.compile(r"\s*,\s*(?:the\s+)?")  # "its Optional Protocol, the ICRMW"
ITS = re.compile(r"(?:its|their|the|và|cùng)\s+$", re.IGNORECASE)
THERETO = re.compile(r"\s*(?:thereto|kèm\s+theo)", re.IGNORECASE)
ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "nhất": 1,
    "1": 1,
    "hai": 2,
    "2": 2,
    "ba": 3,
    "3": 3,
    "i": 1,
    "ii": 2,
    "iii": 3,
}
COUNTS = {"two": 2, "both": 2, "hai": 2, "three": 3, "ba": 3, "all": 0, "các": 0}
SUBJECT_WINDOW = 160
