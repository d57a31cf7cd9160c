"""Demo framework definition: Viet Nam's national strategy on crime prevention and control
2016–2025."""

from camket.demo.frameworks.items import items
from camket.demo.frameworks.slugs import CRIME_STRATEGY

DEFINITION = {
    "slug": CRIME_STRATEGY,
    "name": "National strategy on crime prevention and control 2016–2025, vision to 2030",
    "name_vi": "Chiến lược quốc gia phòng, chống tội phạm giai đoạn 2016–2025 và định hướng "
    "đến năm 2030",
    "kind": "strategy",
    "levels": ["Objective", "Task"],
    "coordinating_agency": "mps",
    "starts_on": "2016-01-01",
    "ends_on": "2025-12-31",
    "taxonomies": ["sdg", "drugs-crime"],
    "description": "Approved by the Prime Minister in 2016 (demo: objectives and tasks "
    "paraphrased).",
    "items": items(
        (
            "O1",
            None,
            "Reduce crime, and the most serious crime above all.",
            "Kéo giảm tội phạm, nhất là tội phạm nghiêm trọng.",
        ),
        (
            "O1.T1",
            "O1",
            "Raise public awareness of crime prevention in every community.",
            "Nâng cao nhận thức của người dân về phòng ngừa tội phạm ở mọi cộng đồng.",
        ),
        (
            "O1.T2",
            "O1",
            "Prevent crime among young people through schools and families.",
            "Phòng ngừa tội phạm trong thanh thiếu niên thông qua nhà trường và gia đình.",
        ),
        (
            "O1.T3",
            "O1",
            "Prevent trafficking in persons and support its victims to return home.",
            "Phòng ngừa mua bán người và hỗ trợ nạn nhân trở về hòa nhập cộng đồng.",
        ),
        (
            "O2",
            None,
            "Detect and investigate crime faster and more completely.",
            "Phát hiện, điều tra tội phạm nhanh hơn và triệt để hơn.",
        ),
        (
            "O2.T1",
            "O2",
            "Equip and train investigation bodies for cybercrime and high-technology crime.",
            "Trang bị và đào tạo cơ quan điều tra về tội phạm mạng và tội phạm công nghệ cao.",
        ),
        (
            "O2.T2",
            "O2",
            "Improve coordination among investigation, prosecution and courts.",
            "Tăng cường phối hợp giữa cơ quan điều tra, truy tố và xét xử.",
        ),
        (
            "O3",
            None,
            "Cooperate internationally against transnational crime.",
            "Hợp tác quốc tế phòng, chống tội phạm xuyên quốc gia.",
        ),
        (
            "O3.T1",
            "O3",
            "Conclude and apply agreements on mutual legal assistance and extradition.",
            "Ký kết và thực hiện các hiệp định tương trợ tư pháp và dẫn độ.",
        ),
        (
            "O3.T2",
            "O3",
            "Share information with police forces of the region and beyond.",
            "Trao đổi thông tin với lực lượng cảnh sát các nước trong khu vực và thế giới.",
        ),
    ),
}
