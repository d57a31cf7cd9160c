"""Demo data: a Master Plan implementing the sample UPR cycle IV recommendations.

Everything here is invented for the demo (decision number, figures, reports); it is not the
official plan of any government. Dates are given in months from the start of the plan's
reporting window (see plan.window_start), so that the reports always span the two years
before the day the demo is loaded. Its actions are in `plan_actions/`.
"""

AGENCIES = [
    # code, Vietnamese name, English name, coordinator?
    ("moha", "Bộ Nội vụ", "Ministry of Home Affairs", False),
    ("mocst", "Bộ Văn hóa, Thể thao và Du lịch", "Ministry of Culture, Sports and Tourism", False),
    ("cema", "Ủy ban Dân tộc", "Committee for Ethnic Minority Affairs", False),
    ("gi", "Thanh tra Chính phủ", "Government Inspectorate", False),
]

USERS = [
    # username, password, full name, role, agency code
    ("mofa_focal", "camket-demo-2024", "Đỗ Thu Hà", "focal_point", "mofa"),
    ("moh_focal", "camket-demo-2024", "Vũ Đức Thắng", "focal_point", "moh"),
    ("moet_focal", "camket-demo-2024", "Ngô Thị Hồng", "focal_point", "moet"),
    ("mocst_focal", "camket-demo-2024", "Bùi Minh Tuấn", "focal_point", "mocst"),
    ("cema_focal", "camket-demo-2024", "Lò Văn Sơn", "focal_point", "cema"),
    ("gi_focal", "camket-demo-2024", "Đặng Thị Ngọc", "focal_point", "gi"),
    ("moha_focal", "camket-demo-2024", "Trịnh Quang Huy", "focal_point", "moha"),
    ("molisa_manager", "camket-demo-2024", "Phan Thị Mai", "manager", "molisa"),
]

# The state's responses to the recommendations the base demo left undecided. Deciding D.3
# decides its cluster (D.3, D.4) at once.
DECIDED_ON = "2024-09-26"
DECISIONS = {
    "D.1": (
        "noted",
        "Viet Nam continues to study the Optional Protocol; ratification is not "
        "envisaged during this cycle.",
    ),
    "D.2": ("noted", "Viet Nam will continue to study the Convention."),
    "D.3": ("supported", ""),
    "D.5": (
        "noted",
        "The 2015 Criminal Code reduced the number of capital crimes; abolition "
        "is not envisaged at this stage.",
    ),
    "D.6": (
        "supported_in_part",
        "Viet Nam will study the establishment of a national human "
        "rights institution; its timing depends on that study.",
    ),
    "D.9": ("supported", ""),
    "D.12": (
        "supported_in_part",
        "Supported as regards measures under the UN Convention "
        "against Corruption; the organisation of anti-corruption "
        "bodies is set by the Constitution.",
    ),
    "D.13": ("supported", ""),
    "D.14": ("supported", ""),
    "D.15": (
        "supported_in_part",
        "The 2019 Labour Code allows workers' representative "
        "organisations at enterprises; further steps follow the "
        "legislative programme.",
    ),
    "D.16": (
        "noted",
        "Equality and non-discrimination are guaranteed by the Constitution and "
        "existing laws; a separate comprehensive law is not planned.",
    ),
    "D.17": ("supported", ""),
    "D.18": ("supported", ""),
}

PLAN = {
    "title": "Kế hoạch tổng thể thực hiện khuyến nghị UPR chu kỳ IV",
    "decision_number": "1234/QĐ-TTg",
}
APPROVED_DAYS_BEFORE_START = 47  # approved on 15 November before a 1 January start

RETURN_COMMENT = (
    "Báo cáo chưa nêu rõ tiến độ xây dựng Đề án và thời hạn trình Thủ tướng "
    "Chính phủ. Đề nghị bổ sung số liệu và tài liệu kèm theo rồi gửi lại."
)
