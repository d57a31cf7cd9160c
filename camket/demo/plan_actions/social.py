"""Actions 1–6 of the demo Master Plan (see `__init__.py` for the form): trafficking in
persons, education, health, domestic violence, poverty, disability."""

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
]
