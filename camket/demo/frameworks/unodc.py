"""Demo framework definition: the UNODC country programme for Viet Nam 2012–2017 (five sub-programmes)."""

from camket.demo.frameworks.items import items
from camket.demo.frameworks.slugs import UNODC

DEFINITION = {
    "slug": UNODC,
    "name": "UNODC Country Programme for Viet Nam 2012–2017",
    "name_vi": "Chương trình quốc gia của UNODC tại Việt Nam giai đoạn 2012–2017",
    "kind": "programme",
    "levels": ["Sub-programme", "Outcome", "Output"],
    "coordinating_agency": "mps",
    "starts_on": "2012-01-01",
    "ends_on": "2017-12-31",
    "taxonomies": ["sdg", "drugs-crime"],
    "description": "Cooperation between Viet Nam and the United Nations Office on Drugs and "
    "Crime in five sub-programmes (demo: outcomes and outputs paraphrased).",
    "items": items(
        (
            "1",
            None,
            "Transnational organized crime and illicit trafficking",
            "Tội phạm có tổ chức xuyên quốc gia và buôn bán bất hợp pháp",
        ),
        (
            "1.1",
            "1",
            "Law enforcement agencies detect and stop trafficking across borders more often.",
            "Các cơ quan thực thi pháp luật phát hiện và ngăn chặn buôn bán qua "
            "biên giới hiệu quả hơn.",
        ),
        (
            "1.1.1",
            "1.1",
            "Border liaison offices set up and their officers trained in joint operations.",
            "Thành lập các văn phòng liên lạc biên giới và tập huấn cán bộ về phối hợp tác nghiệp.",
        ),
        (
            "1.1.2",
            "1.1",
            "Officers trained to identify and protect victims of trafficking in persons.",
            "Cán bộ được tập huấn nhận diện và bảo vệ nạn nhân bị mua bán.",
        ),
        (
            "1.2",
            "1",
            "Seaports and airports profile and inspect high-risk cargo.",
            "Cảng biển và cảng hàng không phân tích, kiểm tra hàng hóa có nguy cơ cao.",
        ),
        (
            "1.2.1",
            "1.2",
            "Port control units set up and trained to select containers for inspection.",
            "Thành lập và tập huấn các tổ kiểm soát cảng về lựa chọn container để kiểm tra.",
        ),
        (
            "2",
            None,
            "Anti-corruption and money laundering",
            "Phòng, chống tham nhũng và rửa tiền",
        ),
        (
            "2.1",
            "2",
            "National law and practice come closer to the anti-corruption convention.",
            "Pháp luật và thực tiễn trong nước phù hợp hơn với công ước chống tham nhũng.",
        ),
        (
            "2.1.1",
            "2.1",
            "A self-assessment of the anti-corruption convention completed with "
            "the agencies concerned.",
            "Hoàn thành tự đánh giá việc thực hiện công ước chống "
            "tham nhũng cùng các cơ quan liên quan.",
        ),
        (
            "2.2",
            "2",
            "Criminal proceeds are traced and confiscated more often.",
            "Tài sản do phạm tội mà có được truy vết và tịch thu nhiều hơn.",
        ),
        (
            "2.2.1",
            "2.2",
            "Financial intelligence staff and investigators trained on money-laundering cases.",
            "Cán bộ tình báo tài chính và điều tra viên được tập huấn về các vụ án rửa tiền.",
        ),
        ("3", None, "Terrorism prevention", "Phòng, chống khủng bố"),
        (
            "3.1",
            "3",
            "The legal framework against terrorism follows the international instruments.",
            "Khung pháp lý phòng, chống khủng bố phù hợp với các văn kiện quốc tế.",
        ),
        (
            "3.1.1",
            "3.1",
            "Advice given on draft legislation on terrorism and its financing.",
            "Tư vấn cho dự thảo văn bản pháp luật về khủng bố và tài trợ khủng bố.",
        ),
        ("4", None, "Criminal justice", "Tư pháp hình sự"),
        (
            "4.1",
            "4",
            "Criminal justice institutions work more fairly and effectively.",
            "Các cơ quan tư pháp hình sự hoạt động công bằng và hiệu quả hơn.",
        ),
        (
            "4.1.1",
            "4.1",
            "Training curricula on criminal investigation and prosecution revised.",
            "Chương trình đào tạo về điều tra, truy tố tội phạm được sửa đổi.",
        ),
        (
            "4.1.2",
            "4.1",
            "Guidance on alternatives to imprisonment and the treatment of prisoners introduced.",
            "Ban hành hướng dẫn về biện pháp thay thế hình phạt tù và đối xử với phạm nhân.",
        ),
        ("5", None, "Drug demand reduction and HIV/AIDS", "Giảm cầu ma túy và HIV/AIDS"),
        (
            "5.1",
            "5",
            "Drug dependence is treated as a health condition, with community-based services.",
            "Nghiện ma túy được điều trị như một vấn đề sức khỏe, "
            "với các dịch vụ dựa vào cộng đồng.",
        ),
        (
            "5.1.1",
            "5.1",
            "Methadone maintenance therapy extended to more provinces.",
            "Mở rộng điều trị duy trì bằng methadone tới nhiều tỉnh hơn.",
        ),
        (
            "5.1.2",
            "5.1",
            "Guidelines for voluntary community-based treatment drafted and piloted.",
            "Xây dựng và thí điểm hướng dẫn điều trị tự nguyện tại cộng đồng.",
        ),
        (
            "5.2",
            "5",
            "HIV services reach people who use drugs and people in prisons.",
            "Dịch vụ HIV tiếp cận người sử dụng ma túy và người trong trại giam.",
        ),
        (
            "5.2.1",
            "5.2",
            "HIV prevention, treatment and care introduced in closed settings.",
            "Triển khai dự phòng, điều trị và chăm sóc HIV tại các cơ sở khép kín.",
        ),
    ),
}
