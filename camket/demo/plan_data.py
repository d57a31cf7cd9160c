"""Demo data: a Master Plan implementing the sample UPR cycle IV recommendations.

Everything here is invented for the demo (decision number, figures, reports); it is not the
official plan of any government. Dates are given in months from the start of the plan's
reporting window (see plan.window_start), so that the reports always span the two years
before the day the demo is loaded.
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

# Each action: the recommendations it implements (made from the review "cluster" when there
# is one); "start" and "months" are its window in months from the plan's start; "final" is
# the status its last accepted report gives it; "draft" ones stay unpublished.
# Each indicator: (title, unit, baseline, target, every n months, reach, narrative, extra):
# reach is how far from baseline to target the latest report gets; extra may hold "tail"
# (what became of the latest past due dates: missing, draft, submitted or returned; the
# others are accepted), "evidence" (file name, public?) and "comment" (made on acceptance).
ACTIONS = [
    {
        "cluster": "Trafficking in persons",
        "recommendations": ["D.3", "D.4"],
        "lead": "mps",
        "co": ["molisa", "mofa", "moj"],
        "title": "Tăng cường phòng, chống mua bán người, bảo vệ và hỗ trợ nạn nhân",
        "description": "Strengthen the prevention of and fight against trafficking in persons, "
        "and protect and support victims, including through regional cooperation "
        "(implementing the 2024 Law on Prevention and Combat of Human Trafficking).",
        "expected_output": "Văn bản hướng dẫn Luật Phòng, chống mua bán người năm 2024; cán bộ "
        "tuyến đầu được tập huấn; cơ chế chuyển tuyến nạn nhân được vận hành.",
        "start": 0,
        "months": 24,
        "budget": "Ngân sách nhà nước; ODA",
        "final": "partly_implemented",
        "indicators": [
            (
                "Số nạn nhân mua bán người được xác minh, tiếp nhận và hỗ trợ",
                "người",
                0,
                600,
                3,
                0.85,
                "Công an phối hợp với Bộ đội Biên phòng và cơ sở bảo trợ xã hội xác minh, "
                "tiếp nhận nạn nhân; nạn nhân được hỗ trợ y tế, tâm lý, pháp lý và học nghề.",
                {"evidence": ("Bao-cao-ho-tro-nan-nhan-mua-ban-nguoi.pdf", True)},
            ),
            (
                "Số cán bộ tuyến đầu được tập huấn nhận diện, hỗ trợ nạn nhân",
                "người",
                0,
                2000,
                6,
                0.9,
                "Tổ chức lớp tập huấn cho cán bộ công an, biên phòng, lao động - xã hội tại "
                "các tỉnh biên giới.",
                {"tail": ("submitted",)},
            ),
        ],
    },
    {
        "recommendations": ["D.7"],
        "lead": "moet",
        "co": ["cema", "molisa"],
        "title": "Mở rộng tiếp cận giáo dục có chất lượng cho trẻ em dân tộc thiểu số ở vùng sâu, "
        "vùng xa, miền núi",
        "description": "Expand access to quality education for ethnic minority children in "
        "remote and mountainous areas.",
        "expected_output": "Trường phổ thông dân tộc bán trú, nội trú được đầu tư; trẻ em dân tộc "
        "thiểu số được tăng cường tiếng Việt trước khi vào lớp 1.",
        "start": 0,
        "months": 24,
        "budget": "Ngân sách nhà nước; ODA",
        "final": "partly_implemented",
        "indicators": [
            (
                "Tỷ lệ trẻ em dân tộc thiểu số 6–10 tuổi đi học đúng độ tuổi bậc tiểu học",
                "%",
                95.5,
                98,
                12,
                0.6,
                "Thực hiện chính sách hỗ trợ học sinh bán trú và tăng cường "
                "tiếng Việt cho trẻ mầm non, tiểu học người dân tộc thiểu số.",
                {},
            ),
            (
                "Số trường phổ thông dân tộc bán trú, nội trú được đầu tư cơ sở vật chất",
                "trường",
                0,
                120,
                6,
                0.75,
                "Đầu tư phòng học, nhà ở bán trú và công trình vệ sinh tại các "
                "trường vùng đặc biệt khó khăn.",
                {},
            ),
        ],
    },
    {
        "recommendations": ["D.8", "D.13"],
        "lead": "moh",
        "co": ["molisa", "mps"],
        "title": "Tiến tới bao phủ y tế toàn dân; mở rộng điều trị HIV và điều trị thay thế "
        "nghiện các chất dạng thuốc phiện",
        "description": "Move towards universal health coverage; expand HIV treatment and "
        "voluntary opioid substitution treatment.",
        "expected_output": "Tỷ lệ bao phủ bảo hiểm y tế đạt 95%; mở rộng điều trị ARV và "
        "methadone đến tuyến xã.",
        "start": 0,
        "months": 24,
        "budget": "Ngân sách nhà nước; Quỹ bảo hiểm y tế; viện trợ quốc tế",
        "final": "partly_implemented",
        "indicators": [
            (
                "Tỷ lệ dân số tham gia bảo hiểm y tế",
                "%",
                93.35,
                95,
                12,
                0.7,
                "Mở rộng đối tượng tham gia bảo hiểm y tế, hỗ trợ mức đóng cho hộ cận nghèo và "
                "người dân tộc thiểu số.",
                {},
            ),
            (
                "Số người nhiễm HIV đang được điều trị ARV",
                "người",
                175000,
                190000,
                6,
                0.6,
                "Duy trì cấp thuốc ARV qua bảo hiểm y tế và mở rộng điều trị ARV trong ngày.",
                {"comment": "Đề nghị kỳ sau bổ sung số liệu phân tách theo giới và độ tuổi."},
            ),
            (
                "Số người được điều trị thay thế bằng thuốc methadone",
                "người",
                52000,
                60000,
                3,
                0.7,
                "Mở rộng cơ sở cấp phát thuốc methadone ở tuyến xã, kết hợp tư vấn tự nguyện.",
                {},
            ),
        ],
    },
    {
        "recommendations": ["D.9"],
        "lead": "mocst",
        "co": ["moj", "mps", "molisa"],
        "title": "Triển khai Luật Phòng, chống bạo lực gia đình năm 2022; bảo đảm nạn nhân "
        "được tiếp cận trợ giúp pháp lý",
        "description": "Implement the 2022 Law on Prevention and Control of Domestic Violence and "
        "ensure that victims have access to legal aid and justice.",
        "expected_output": "Mạng lưới địa chỉ tin cậy được kiện toàn; cán bộ cơ sở được tập "
        "huấn về phòng, chống bạo lực trên cơ sở giới.",
        "start": 0,
        "months": 24,
        "budget": "Ngân sách nhà nước",
        "final": "partly_implemented",
        "indicators": [
            (
                "Số địa chỉ tin cậy hỗ trợ nạn nhân bạo lực gia đình đang hoạt động",
                "địa chỉ",
                3500,
                5000,
                6,
                0.7,
                "Rà soát, kiện toàn địa chỉ tin cậy ở cộng đồng; tập huấn kỹ "
                "năng cho người đứng đầu địa chỉ tin cậy.",
                {"tail": ("missing",)},
            ),
            (
                "Số cán bộ cơ sở được tập huấn về phòng, chống bạo lực trên cơ sở giới",
                "người",
                0,
                3000,
                12,
                0.5,
                "Tổ chức tập huấn cho cán bộ văn hóa - xã hội, tư pháp và công an xã.",
                {},
            ),
        ],
    },
    {
        "recommendations": ["D.11"],
        "lead": "molisa",
        "co": ["cema", "moet"],
        "title": "Hoàn thành Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn "
        "2021–2025",
        "description": "Complete the National Target Programme on Sustainable Poverty Reduction "
        "2021–2025.",
        "expected_output": "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm còn khoảng 3%.",
        "start": 0,
        "months": 12,
        "budget": "Chương trình mục tiêu quốc gia giảm nghèo bền vững",
        "final": "implemented",
        "indicators": [
            (
                "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều",
                "%",
                4.06,
                3,
                6,
                1,
                "Hỗ trợ sinh kế, nhà ở, việc làm và tiếp cận dịch vụ xã hội cơ bản cho hộ nghèo, "
                "hộ cận nghèo.",
                {"evidence": ("So-lieu-ho-ngheo-theo-tinh.xlsx", False)},
            ),
        ],
    },
    {
        "recommendations": ["D.14"],
        "lead": "molisa",
        "co": ["moet", "mic", "moh"],
        "title": "Thúc đẩy quyền của người khuyết tật: giáo dục hòa nhập và dịch vụ công dễ "
        "tiếp cận",
        "description": "Promote the rights of persons with disabilities: inclusive education "
        "and accessible public services.",
        "expected_output": "Người khuyết tật được phục hồi chức năng dựa vào cộng đồng; cổng "
        "dịch vụ công đạt chuẩn tiếp cận.",
        "start": 0,
        "months": 24,
        "budget": "Ngân sách nhà nước; nguồn xã hội hóa",
        "final": "in_progress",
        "indicators": [
            (
                "Số người khuyết tật được phục hồi chức năng dựa vào cộng đồng",
                "người",
                0,
                40000,
                3,
                0.45,
                "Triển khai phục hồi chức năng dựa vào cộng đồng tại các tỉnh thí điểm.",
                {"tail": ("missing", "missing")},
            ),
        ],
    },
    {
        "recommendations": ["D.17"],
        "lead": "mofa",
        "co": ["mps", "moj"],
        "title": "Tăng cường hợp tác với các thủ tục đặc biệt của Hội đồng Nhân quyền; trả lời "
        "thư đúng hạn",
        "description": "Strengthen cooperation with the special procedures of the Human Rights "
        "Council and answer their communications on time.",
        "expected_output": "Quy trình phối hợp liên ngành trả lời thư; tiếp đón chuyến thăm "
        "của các Báo cáo viên đặc biệt.",
        "start": 0,
        "months": 24,
        "budget": "Ngân sách nhà nước (chi thường xuyên)",
        "final": "partly_implemented",
        "indicators": [
            (
                "Tỷ lệ thư của các thủ tục đặc biệt được trả lời trong vòng 60 ngày",
                "%",
                55,
                90,
                6,
                0.8,
                "Điều phối các bộ, ngành chuẩn bị thông tin trả lời thư; chuẩn bị chuyến "
                "thăm của Báo cáo viên đặc biệt.",
                {"tail": ("submitted",)},
            ),
        ],
    },
    {
        "recommendations": ["D.18"],
        "lead": "molisa",
        "co": ["mps", "moet"],
        "title": "Phòng ngừa lao động trẻ em; bảo vệ trẻ em khỏi bị xâm hại, bóc lột",
        "description": "Prevent child labour and protect children from abuse and exploitation.",
        "expected_output": "Thanh tra, kiểm tra các cơ sở có nguy cơ sử dụng lao động trẻ em; "
        "Tổng đài 111 can thiệp kịp thời các ca xâm hại.",
        "start": 0,
        "months": 24,
        "budget": "Ngân sách nhà nước; ODA",
        "final": "in_progress",
        "indicators": [
            (
                "Số cơ sở sản xuất, kinh doanh được thanh tra về sử dụng lao động trẻ em",
                "cơ sở",
                0,
                1600,
                3,
                0.7,
                "Thanh tra lao động phối hợp với công an kiểm tra làng nghề, cơ "
                "sở may mặc và chế biến nông sản.",
                {"tail": ("draft",)},
            ),
            (
                "Số ca trẻ em bị xâm hại được Tổng đài 111 can thiệp, hỗ trợ",
                "ca",
                0,
                2400,
                6,
                0.6,
                "Tiếp nhận, chuyển tuyến và theo dõi các ca qua Tổng đài quốc gia bảo vệ trẻ em.",
                {},
            ),
        ],
    },
    {
        "recommendations": ["D.6"],
        "lead": "moj",
        "co": ["mofa", "moha", "mps"],
        "title": "Nghiên cứu, xây dựng Đề án về thành lập cơ quan nhân quyền quốc gia",
        "description": "Study and prepare a proposal on establishing a national human rights "
        "institution.",
        "expected_output": "Đề án được trình Thủ tướng Chính phủ.",
        "start": 0,
        "months": 24,
        "budget": "Ngân sách nhà nước",
        "final": "in_progress",
        "indicators": [
            (
                "Số hội thảo, tọa đàm tham vấn về mô hình cơ quan nhân quyền quốc gia",
                "hội thảo",
                0,
                8,
                6,
                0.6,
                "Tham vấn các bộ, ngành, chuyên gia trong nước và quốc tế; nghiên cứu "
                "kinh nghiệm của các nước ASEAN.",
                {"tail": ("returned",)},
            ),
            (
                "Đề án được trình Thủ tướng Chính phủ",
                "đề án",
                0,
                1,
                12,
                0,
                "Đang tổng hợp kết quả nghiên cứu để xây dựng dự thảo Đề án.",
                {},
            ),
        ],
    },
    {
        "recommendations": ["D.12"],
        "lead": "gi",
        "co": ["mps", "spp", "moj"],
        "title": "Tăng cường thực thi Luật Phòng, chống tham nhũng năm 2018 và Công ước Liên hợp "
        "quốc về chống tham nhũng",
        "description": "Strengthen the enforcement of the 2018 Law on Anti-Corruption and of the "
        "UN Convention against Corruption.",
        "expected_output": "Cán bộ, công chức được tập huấn; các cơ quan, đơn vị được thanh tra "
        "việc thực hiện pháp luật về phòng, chống tham nhũng.",
        "start": 0,
        "months": 24,
        "budget": "Ngân sách nhà nước",
        "final": "partly_implemented",
        "indicators": [
            (
                "Số cán bộ, công chức được tập huấn về phòng, chống tham nhũng và UNCAC",
                "người",
                0,
                5000,
                6,
                0.8,
                "Tổ chức tập huấn trực tiếp và trực tuyến cho thanh tra viên và "
                "cán bộ làm công tác phòng, chống tham nhũng.",
                {"tail": ("submitted",)},
            ),
            (
                "Số cơ quan, đơn vị được thanh tra việc thực hiện pháp luật về phòng, chống tham "
                "nhũng",
                "đơn vị",
                0,
                800,
                12,
                0.5,
                "Thanh tra trách nhiệm người đứng đầu và việc kê khai tài sản, thu nhập.",
                {},
            ),
        ],
    },
    {
        "recommendations": ["D.7"],
        "lead": "cema",
        "co": ["moj", "mic"],
        "title": "Phổ biến pháp luật và chính sách cho đồng bào dân tộc thiểu số bằng tiếng dân "
        "tộc",
        "description": "Raise awareness of the law and of policies among ethnic minority "
        "communities, in their languages.",
        "expected_output": "Tài liệu song ngữ; hội nghị phổ biến pháp luật tại các xã đặc biệt "
        "khó khăn.",
        "start": 3,
        "months": 21,
        "budget": "Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào "
        "dân tộc thiểu số và miền núi",
        "final": "partly_implemented",
        "indicators": [
            (
                "Số lượt người dân tộc thiểu số được phổ biến pháp luật, chính sách",
                "lượt người",
                0,
                150000,
                3,
                0.7,
                "Tổ chức hội nghị phổ biến pháp luật bằng tiếng dân tộc; phát hành "
                "tài liệu song ngữ.",
                {"tail": ("missing",)},
            ),
        ],
    },
    {
        "recommendations": ["D.9", "D.14", "D.17"],
        "lead": "moha",
        "co": ["moj", "mofa"],
        "draft": True,
        "title": "Bồi dưỡng kiến thức về quyền con người cho cán bộ, công chức, viên chức",
        "description": "Train civil servants and public employees in human rights.",
        "expected_output": "Nội dung quyền con người được đưa vào chương trình bồi dưỡng.",
        "start": 18,
        "months": 6,
        "budget": "Ngân sách nhà nước",
        "indicators": [
            (
                "Số cán bộ, công chức, viên chức được bồi dưỡng về quyền con người",
                "người",
                0,
                10000,
                6,
                0,
                "",
                {},
            ),
        ],
    },
    {
        "recommendations": ["D.15"],
        "lead": "molisa",
        "co": ["moha", "moj"],
        "draft": True,
        "title": "Hướng dẫn thành lập và hoạt động của tổ chức của người lao động tại doanh nghiệp",
        "description": "Guide the establishment and operation of workers' organisations at "
        "enterprises under the 2019 Labour Code.",
        "start": 15,
        "months": 9,
        "budget": "Ngân sách nhà nước",
        "indicators": [],
    },
]
