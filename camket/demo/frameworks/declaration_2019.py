"""Demo framework definition: the 2019 Ministerial Declaration of the Commission on Narcotic
Drugs."""

from camket.demo.frameworks.items import items
from camket.demo.frameworks.slugs import DECLARATION_2019

DEFINITION = {
    "slug": DECLARATION_2019,
    "name": "Ministerial Declaration on the world drug problem (Commission on Narcotic "
    "Drugs, 2019)",
    "name_vi": "Tuyên bố cấp Bộ trưởng về vấn đề ma túy thế giới (Ủy ban về các chất ma túy, 2019)",
    "kind": "declaration",
    "levels": ["Commitment"],
    "coordinating_agency": "mps",
    "starts_on": "2019-03-15",
    "ends_on": "2029-12-31",
    "taxonomies": ["sdg", "drugs-crime"],
    "description": "Adopted at the ministerial segment of the 62nd session of the "
    "Commission on Narcotic Drugs; progress to be reviewed in 2029 (demo: "
    "commitments paraphrased).",
    "items": items(
        (
            "C1",
            None,
            "Speed up carrying out the commitments made since 2009 on the world drug problem.",
            "Đẩy nhanh việc thực hiện các cam kết về vấn đề ma túy thế giới đã đưa ra từ năm 2009.",
        ),
        (
            "C2",
            None,
            "Improve the collection, analysis and sharing of reliable drug data.",
            "Nâng cao việc thu thập, phân tích và chia sẻ dữ liệu tin cậy về ma túy.",
        ),
        (
            "C3",
            None,
            "Widen access to prevention, treatment and care based on scientific evidence.",
            "Mở rộng tiếp cận các dịch vụ phòng ngừa, điều trị và chăm sóc dựa "
            "trên bằng chứng khoa học.",
        ),
        (
            "C4",
            None,
            "Make controlled medicines available for pain relief and palliative care.",
            "Bảo đảm sẵn có thuốc thuộc diện kiểm soát cho giảm đau và chăm sóc giảm nhẹ.",
        ),
        (
            "C5",
            None,
            "Counter the laundering of proceeds of drug trafficking and the "
            "diversion of precursors.",
            "Đấu tranh chống rửa tiền từ buôn bán ma túy và thất thoát tiền chất.",
        ),
        (
            "C6",
            None,
            "Respond to new psychoactive substances through early warning and scheduling.",
            "Ứng phó với các chất hướng thần mới thông qua cảnh báo sớm và đưa "
            "vào danh mục kiểm soát.",
        ),
        (
            "C7",
            None,
            "Strengthen international and regional cooperation on the basis of "
            "shared responsibility.",
            "Tăng cường hợp tác quốc tế và khu vực trên cơ sở trách nhiệm chung.",
        ),
    ),
}
