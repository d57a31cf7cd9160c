"""Demo framework definition: Viet Nam's national programme on drug prevention and control
2021–2025."""

from camket.demo.frameworks.items import items
from camket.demo.frameworks.slugs import DRUG_PROGRAMME

DEFINITION = {
    "slug": DRUG_PROGRAMME,
    "name": "National programme on drug prevention and control 2021–2025",
    "name_vi": "Chương trình quốc gia phòng, chống ma túy giai đoạn 2021–2025",
    "kind": "programme",
    "levels": ["Objective", "Task"],
    "coordinating_agency": "mps",
    "starts_on": "2021-01-01",
    "ends_on": "2025-12-31",
    "taxonomies": ["sdg", "drugs-crime"],
    "description": "Demand reduction, treatment and supply reduction (demo: objectives and "
    "tasks paraphrased).",
    "items": items(
        (
            "O1",
            None,
            "Prevent drug use and reduce demand across society.",
            "Phòng ngừa sử dụng ma túy, giảm cầu ma túy trong toàn xã hội.",
        ),
        (
            "O1.T1",
            "O1",
            "Inform and educate on the harms of drugs in schools, workplaces and neighbourhoods.",
            "Tuyên truyền, giáo dục về tác hại của ma túy trong trường "
            "học, nơi làm việc và khu dân cư.",
        ),
        (
            "O1.T2",
            "O1",
            "Build communes and wards free of drugs.",
            "Xây dựng xã, phường, thị trấn không ma túy.",
        ),
        (
            "O2",
            None,
            "Treat drug dependence and support recovery.",
            "Điều trị nghiện ma túy và hỗ trợ phục hồi.",
        ),
        (
            "O2.T1",
            "O2",
            "Expand methadone treatment and voluntary community-based "
            "treatment of drug dependence.",
            "Mở rộng điều trị bằng methadone và cai nghiện ma túy tự nguyện tại cộng đồng.",
        ),
        (
            "O2.T2",
            "O2",
            "Help people who finished treatment find work and rejoin their communities.",
            "Hỗ trợ người đã cai nghiện tìm việc làm và tái hòa nhập cộng đồng.",
        ),
        ("O3", None, "Reduce the supply of drugs.", "Giảm cung ma túy."),
        (
            "O3.T1",
            "O3",
            "Break up trafficking lines across land borders and through seaports.",
            "Triệt phá các đường dây mua bán ma túy qua biên giới đất liền và cảng biển.",
        ),
        (
            "O3.T2",
            "O3",
            "Control precursors and the lawful trade in controlled substances.",
            "Kiểm soát tiền chất và hoạt động hợp pháp liên quan đến chất ma túy.",
        ),
    ),
}
