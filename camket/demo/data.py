"""Demo data: Viet Nam's agencies, users for each role, and a sample UPR cycle.

The sample recommendations are written for the demo in the style of UPR recommendations;
they are not the official text of any review.
"""

AGENCIES = [
    # code, Vietnamese name, English name, coordinator?
    ("mofa", "Bộ Ngoại giao", "Ministry of Foreign Affairs", True),
    ("mps", "Bộ Công an", "Ministry of Public Security", False),
    ("moj", "Bộ Tư pháp", "Ministry of Justice", False),
    (
        "molisa",
        "Bộ Lao động - Thương binh và Xã hội",
        "Ministry of Labour, Invalids and Social Affairs",
        False,
    ),
    ("moh", "Bộ Y tế", "Ministry of Health", False),
    ("moet", "Bộ Giáo dục và Đào tạo", "Ministry of Education and Training", False),
    ("mic", "Bộ Thông tin và Truyền thông", "Ministry of Information and Communications", False),
    ("spp", "Viện Kiểm sát nhân dân tối cao", "Supreme People's Procuracy", False),
]

USERS = [
    # username, password, full name, role, agency code
    ("admin", "camket-admin-2024", "Quản trị viên", "admin", "mofa"),
    ("coordinator", "camket-demo-2024", "Nguyễn Thị Lan", "coordinator", "mofa"),
    ("mps_coordinator", "camket-demo-2024", "Võ Thanh Sơn", "coordinator", "mps"),
    ("mps_focal", "camket-demo-2024", "Trần Văn Hùng", "focal_point", "mps"),
    ("moj_focal", "camket-demo-2024", "Lê Thị Minh", "focal_point", "moj"),
    ("molisa_focal", "camket-demo-2024", "Phạm Quốc Bảo", "focal_point", "molisa"),
    ("viewer", "camket-demo-2024", "Hoàng Anh Thư", "viewer", None),
]

FRAMEWORK = {
    "slug": "upr-viet-nam-cycle-4",
    "name": "UPR Viet Nam — cycle IV (2024)",
    "name_vi": "UPR Việt Nam — chu kỳ IV (2024)",
    "kind": "upr_cycle",
    "cycle": 4,
    "starts_on": "2024-05-07",
    "ends_on": "2029-05-31",
    "description": "Demo framework with sample recommendations (not the official text).",
}

# reference, text, recommending states, UPR Info issues, SDGs, action category
RECOMMENDATIONS = [
    (
        "D.1",
        "Consider ratifying the Optional Protocol to the Convention against Torture.",
        ["Denmark", "Czechia"],
        ["Torture and other CID treatment", "International instruments"],
        ["16.3"],
        3,
    ),
    (
        "D.2",
        "Ratify the International Convention for the Protection of All Persons from "
        "Enforced Disappearance.",
        ["France"],
        ["Enforced disappearances", "International instruments"],
        ["16"],
        5,
    ),
    (
        "D.3",
        "Continue efforts to combat trafficking in persons, especially women and children, "
        "and strengthen support for victims.",
        ["Philippines", "Thailand"],
        ["Trafficking", "Women's rights", "Rights of the Child"],
        ["5.2", "16.2"],
        2,
    ),
    (
        "D.4",
        "Strengthen measures to prevent and combat trafficking in persons, including through "
        "regional cooperation.",
        ["Indonesia"],
        ["Trafficking"],
        ["16.2"],
        4,
    ),
    (
        "D.5",
        "Further reduce the number of crimes punishable by the death penalty with a view to "
        "its abolition.",
        ["Germany", "Italy"],
        ["Death penalty"],
        ["16"],
        4,
    ),
    (
        "D.6",
        "Establish a national human rights institution in line with the Paris Principles.",
        ["New Zealand", "Republic of Korea"],
        ["NHRI"],
        ["16.a"],
        5,
    ),
    (
        "D.7",
        "Continue to expand access to quality education for children of ethnic minorities "
        "in remote and mountainous areas.",
        ["Lao People's Democratic Republic", "Cuba"],
        ["Right to education", "Minorities"],
        ["4.5"],
        2,
    ),
    (
        "D.8",
        "Continue to ensure universal health coverage and access to health services for "
        "all, including persons living with HIV.",
        ["Cambodia"],
        ["Right to health", "HIV - Aids"],
        ["3.3", "3.8"],
        2,
    ),
    (
        "D.9",
        "Strengthen the legal framework to prevent domestic violence and gender-based "
        "violence and ensure access to justice for victims.",
        ["Australia", "Canada"],
        ["Women's rights", "Justice"],
        ["5.2", "16.3"],
        4,
    ),
    (
        "D.10",
        "Bring legislation on freedom of expression, including the Law on Cybersecurity, "
        "into line with international human rights standards.",
        ["Sweden", "Norway"],
        ["Freedom of opinion and expression"],
        ["16.10"],
        5,
    ),
    (
        "D.11",
        "Continue implementing the national programme on sustainable poverty reduction.",
        ["Venezuela (Bolivarian Republic of)", "Myanmar"],
        ["Poverty", "Development"],
        ["1.2"],
        2,
    ),
    (
        "D.12",
        "Strengthen anti-corruption measures and the independence of anti-corruption "
        "bodies, in line with the United Nations Convention against Corruption.",
        ["United Kingdom of Great Britain and Northern Ireland"],
        ["Corruption"],
        ["16.5"],
        4,
    ),
    (
        "D.13",
        "Continue efforts to prevent drug abuse and expand voluntary, evidence-based "
        "treatment for persons who use drugs.",
        ["Singapore"],
        ["Right to health"],
        ["3.5"],
        2,
    ),
    (
        "D.14",
        "Promote the rights of persons with disabilities, including inclusive education "
        "and accessible public services.",
        ["Japan"],
        ["Disabilities", "Right to education"],
        ["4.5", "10.2"],
        4,
    ),
    (
        "D.15",
        "Ensure that labour legislation allows workers to form and join independent trade unions.",
        ["United States of America"],
        ["Labour", "Freedom of association and peaceful assembly"],
        ["8.8"],
        5,
    ),
    (
        "D.16",
        "Adopt a comprehensive law against discrimination, including on the basis of "
        "sexual orientation and gender identity.",
        ["Netherlands", "Chile"],
        ["Sexual Orientation and Gender Identity", "Racial discrimination"],
        ["10.3"],
        5,
    ),
    (
        "D.17",
        "Continue cooperation with the special procedures and respond to their "
        "communications in a timely manner.",
        ["Brazil"],
        ["Special procedures"],
        ["17"],
        2,
    ),
    (
        "D.18",
        "Strengthen the prevention of child labour and the protection of children from "
        "abuse and exploitation.",
        ["Türkiye", "Egypt"],
        ["Rights of the Child", "Labour"],
        ["8.7", "16.2"],
        4,
    ),
]

CLUSTER = ("Trafficking in persons", ["D.3", "D.4"])
DECISIONS = {
    "D.7": ("supported", ""),
    "D.8": ("supported", ""),
    "D.11": ("supported", ""),
    "D.10": (
        "noted",
        "Current legislation is consistent with the Constitution; the recommendation is noted.",
    ),
}
REVIEW_REQUESTS = {
    "mps": ["D.1", "D.2", "D.3", "D.4", "D.5", "D.10", "D.13"],
    "moj": ["D.1", "D.5", "D.6", "D.9", "D.12", "D.16"],
    "molisa": ["D.3", "D.4", "D.14", "D.15", "D.18"],
}
SUBMITTED = {
    ("moj", "D.6"): ("partly", "supported_in_part", "A feasibility study on an NHRI is under way."),
    ("molisa", "D.18"): (
        "yes",
        "supported",
        "Consistent with the Labour Code and the Law on Children.",
    ),
}
DRAFTS = {
    ("mps", "D.3"): (
        "yes",
        "supported",
        "Draft: in line with the 2024 Law on Prevention and Combat of Human Trafficking.",
    )
}

TEXT_VI = {
    "D.1": "Xem xét phê chuẩn Nghị định thư không bắt buộc của Công ước chống tra tấn.",
    "D.2": "Phê chuẩn Công ước quốc tế về bảo vệ tất cả mọi người khỏi bị cưỡng bức mất tích.",
    "D.3": "Tiếp tục nỗ lực phòng, chống mua bán người, đặc biệt là phụ nữ và trẻ em, và tăng "
    "cường hỗ trợ nạn nhân.",
    "D.4": "Tăng cường các biện pháp phòng ngừa và đấu tranh chống mua bán người, bao gồm thông "
    "qua hợp tác khu vực.",
    "D.5": "Tiếp tục giảm số tội danh có thể bị áp dụng hình phạt tử hình, hướng tới bãi bỏ.",
    "D.6": "Thành lập cơ quan nhân quyền quốc gia phù hợp với Các nguyên tắc Paris.",
    "D.7": "Tiếp tục mở rộng tiếp cận giáo dục có chất lượng cho trẻ em dân tộc thiểu số ở vùng "
    "sâu, vùng xa và miền núi.",
    "D.8": "Tiếp tục bảo đảm bao phủ y tế toàn dân và quyền tiếp cận dịch vụ y tế cho mọi "
    "người, kể cả người sống chung với HIV.",
    "D.9": "Hoàn thiện khuôn khổ pháp lý phòng, chống bạo lực gia đình và bạo lực trên cơ sở "
    "giới, bảo đảm nạn nhân được tiếp cận công lý.",
    "D.10": "Đưa pháp luật về quyền tự do ngôn luận, kể cả Luật An ninh mạng, phù hợp với các "
    "chuẩn mực quốc tế về quyền con người.",
    "D.11": "Tiếp tục thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững.",
    "D.12": "Tăng cường các biện pháp phòng, chống tham nhũng và tính độc lập của các cơ quan "
    "phòng, chống tham nhũng, phù hợp với Công ước Liên hợp quốc về chống tham nhũng.",
    "D.13": "Tiếp tục phòng, chống tệ nạn ma túy và mở rộng điều trị tự nguyện, dựa trên bằng "
    "chứng cho người sử dụng ma túy.",
    "D.14": "Thúc đẩy quyền của người khuyết tật, bao gồm giáo dục hòa nhập và dịch vụ công dễ "
    "tiếp cận.",
    "D.15": "Bảo đảm pháp luật lao động cho phép người lao động thành lập và gia nhập tổ chức "
    "của người lao động độc lập.",
    "D.16": "Ban hành luật toàn diện về chống phân biệt đối xử, kể cả trên cơ sở xu hướng tính "
    "dục và bản dạng giới.",
    "D.17": "Tiếp tục hợp tác với các thủ tục đặc biệt và trả lời thư của các thủ tục này kịp "
    "thời.",
    "D.18": "Đẩy mạnh phòng ngừa lao động trẻ em và bảo vệ trẻ em khỏi bị xâm hại và bóc lột.",
}
