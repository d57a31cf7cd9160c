"""Actions 7–13 of the demo Master Plan (see `__init__.py` for the form): special procedures,
child labour, a national human rights institution, anti-corruption, law dissemination in
minority languages, human rights training, workers' organisations."""

ACTIONS = [
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
