"""Demo data: the drug and crime frameworks beside the UPR, as framework definitions.

Names, years and structures are public facts; the items are short paraphrases written for the
demo, not quotations of the documents. Each definition is loaded with
`frameworks.definitions.load_data` (loading it again changes nothing); `TAGS`, `LINKS` and
`ACTION_ITEMS` are applied by `crosswalk.py`.
"""

UNODC = "unodc-vn-2012-2017"
DECLARATION_2019 = "cnd-ministerial-declaration-2019"
KYOTO = "kyoto-declaration-2021"
CRIME_STRATEGY = "vn-crime-strategy-2016-2025"
DRUG_PROGRAMME = "vn-drug-programme-2021-2025"
UPR = "upr-viet-nam-cycle-4"  # data.FRAMEWORK


def _items(*rows) -> list[dict]:
    """(reference, parent, English text, Vietnamese text) rows as definition items."""
    return [
        {
            "reference": reference,
            **({"parent": parent} if parent else {}),
            "text": text,
            "text_vi": text_vi,
        }
        for reference, parent, text, text_vi in rows
    ]


DEFINITIONS = [
    {
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
        "items": _items(
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
                "Thành lập các văn phòng liên lạc biên giới và tập huấn cán bộ về "
                "phối hợp tác nghiệp.",
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
                "Guidance on alternatives to imprisonment and the treatment of "
                "prisoners introduced.",
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
    },
    {
        "slug": DECLARATION_2019,
        "name": "Ministerial Declaration on the world drug problem (Commission on Narcotic "
        "Drugs, 2019)",
        "name_vi": "Tuyên bố cấp Bộ trưởng về vấn đề ma túy thế giới (Ủy ban về các chất ma "
        "túy, 2019)",
        "kind": "declaration",
        "levels": ["Commitment"],
        "coordinating_agency": "mps",
        "starts_on": "2019-03-15",
        "ends_on": "2029-12-31",
        "taxonomies": ["sdg", "drugs-crime"],
        "description": "Adopted at the ministerial segment of the 62nd session of the "
        "Commission on Narcotic Drugs; progress to be reviewed in 2029 (demo: "
        "commitments paraphrased).",
        "items": _items(
            (
                "C1",
                None,
                "Speed up carrying out the commitments made since 2009 on the world drug problem.",
                "Đẩy nhanh việc thực hiện các cam kết về vấn đề ma túy thế giới "
                "đã đưa ra từ năm 2009.",
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
    },
    {
        "slug": KYOTO,
        "name": "Kyoto Declaration on crime prevention, criminal justice and the rule of law "
        "(14th UN Crime Congress, 2021)",
        "name_vi": "Tuyên bố Kyoto về phòng ngừa tội phạm, tư pháp hình sự và pháp quyền (Đại "
        "hội Liên hợp quốc lần thứ 14 về phòng ngừa tội phạm và tư pháp hình sự, 2021)",
        "kind": "declaration",
        "levels": ["Commitment"],
        "starts_on": "2021-03-07",
        "taxonomies": ["sdg", "drugs-crime"],
        "description": "Adopted in Kyoto in March 2021, towards the 2030 Agenda; coordinated by "
        "the coordinating ministry (demo: commitments paraphrased).",
        "items": _items(
            (
                "K1",
                None,
                "Tackle the root causes of crime with evidence-based prevention that "
                "involves communities and young people.",
                "Giải quyết nguyên nhân gốc rễ của tội "
                "phạm bằng các biện pháp phòng ngừa dựa trên bằng chứng, có sự tham gia của cộng "
                "đồng và thanh thiếu niên.",
            ),
            (
                "K2",
                None,
                "Treat children in contact with the justice system according to their "
                "age and needs.",
                "Đối xử với trẻ em tiếp xúc với hệ thống tư pháp phù hợp với lứa "
                "tuổi và nhu cầu của các em.",
            ),
            (
                "K3",
                None,
                "Use alternatives to imprisonment and improve prison conditions in line "
                "with the Nelson Mandela Rules.",
                "Áp dụng biện pháp thay thế hình phạt tù và cải "
                "thiện điều kiện giam giữ theo Quy tắc Nelson Mandela.",
            ),
            (
                "K4",
                None,
                "Support the rehabilitation and social reintegration of offenders.",
                "Hỗ trợ cải tạo và tái hòa nhập xã hội cho người phạm tội.",
            ),
            (
                "K5",
                None,
                "Ensure equal access to justice, including legal aid.",
                "Bảo đảm tiếp cận công lý bình đẳng, bao gồm trợ giúp pháp lý.",
            ),
            (
                "K6",
                None,
                "Prevent and fight corruption and recover its proceeds.",
                "Phòng ngừa, đấu tranh chống tham nhũng và thu hồi tài sản tham nhũng.",
            ),
            (
                "K7",
                None,
                "Strengthen mutual legal assistance and extradition against transnational crime.",
                "Tăng cường tương trợ tư pháp và dẫn độ để đấu tranh với tội phạm xuyên quốc gia.",
            ),
            (
                "K8",
                None,
                "Counter new forms of crime, cybercrime and crimes that affect the "
                "environment among them.",
                "Đấu tranh với các loại tội phạm mới, trong đó có tội "
                "phạm mạng và tội phạm ảnh hưởng đến môi trường.",
            ),
        ),
    },
    {
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
        "items": _items(
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
    },
    {
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
        "items": _items(
            (
                "O1",
                None,
                "Prevent drug use and reduce demand across society.",
                "Phòng ngừa sử dụng ma túy, giảm cầu ma túy trong toàn xã hội.",
            ),
            (
                "O1.T1",
                "O1",
                "Inform and educate on the harms of drugs in schools, workplaces "
                "and neighbourhoods.",
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
    },
]

# (framework slug, reference): drug and crime subjects (DC…) and SDG targets
TAGS = {
    (UNODC, "1"): ("DC14", "16.4"),
    (UNODC, "1.1.1"): ("DC02.2", "16.4"),
    (UNODC, "1.1.2"): ("DC06", "16.2"),
    (UNODC, "1.2.1"): ("DC02.2", "16.4"),
    (UNODC, "2.1.1"): ("DC05", "16.5"),
    (UNODC, "2.2.1"): ("DC04", "16.4"),
    (UNODC, "3.1.1"): ("DC09", "16.a"),
    (UNODC, "4.1.1"): ("DC11", "16.3"),
    (UNODC, "4.1.2"): ("DC11.2", "16.3"),
    (UNODC, "5.1.1"): ("DC01.2", "DC13", "3.5"),
    (UNODC, "5.1.2"): ("DC01.2", "3.5"),
    (UNODC, "5.2.1"): ("DC13", "3.3"),
    (DECLARATION_2019, "C2"): ("DC01",),
    (DECLARATION_2019, "C3"): ("DC01", "3.5"),
    (DECLARATION_2019, "C5"): ("DC04", "DC03", "16.4"),
    (DECLARATION_2019, "C7"): ("DC12",),
    (KYOTO, "K1"): ("DC17", "16.1"),
    (KYOTO, "K3"): ("DC11.1", "DC11.2", "16.3"),
    (KYOTO, "K5"): ("DC11.3", "16.3"),
    (KYOTO, "K6"): ("DC05", "16.5"),
    (KYOTO, "K7"): ("DC12.1", "DC12.2", "16.a"),
    (KYOTO, "K8"): ("DC10", "DC16"),
    (CRIME_STRATEGY, "O1.T1"): ("DC17", "16.1"),
    (CRIME_STRATEGY, "O1.T2"): ("DC17", "16.1"),
    (CRIME_STRATEGY, "O1.T3"): ("DC06", "16.2"),
    (CRIME_STRATEGY, "O2.T1"): ("DC10",),
    (CRIME_STRATEGY, "O2.T2"): ("DC11", "16.3"),
    (CRIME_STRATEGY, "O3.T1"): ("DC12.1", "16.a"),
    (CRIME_STRATEGY, "O3.T2"): ("DC14", "16.4"),
    (DRUG_PROGRAMME, "O1.T1"): ("DC01.1", "3.5"),
    (DRUG_PROGRAMME, "O1.T2"): ("DC01.1", "3.5"),
    (DRUG_PROGRAMME, "O2.T1"): ("DC01.2", "DC13", "3.5"),
    (DRUG_PROGRAMME, "O2.T2"): ("DC01.3", "3.5"),
    (DRUG_PROGRAMME, "O3.T1"): ("DC02.2", "16.4"),
    (DRUG_PROGRAMME, "O3.T2"): ("DC03",),
    (UPR, "D.13"): ("DC01.2",),
    (UPR, "D.3"): ("DC06",),
    (UPR, "D.12"): ("DC05",),
}

# (source, target, relation), items as (framework slug, reference); added by the MPS
# coordinator (each link has an item of a framework the Ministry of Public Security coordinates)
LINKS = [
    ((DRUG_PROGRAMME, "O2.T1"), (UPR, "D.13"), "contributes_to"),
    ((DRUG_PROGRAMME, "O2.T1"), (DECLARATION_2019, "C3"), "contributes_to"),
    ((UPR, "D.13"), (DECLARATION_2019, "C3"), "same_subject"),
    ((UNODC, "5.1.1"), (DRUG_PROGRAMME, "O2.T1"), "same_subject"),
    ((UNODC, "5.1.2"), (UPR, "D.13"), "contributes_to"),
    ((UNODC, "1.1.2"), (UPR, "D.3"), "contributes_to"),
    ((UNODC, "2.1.1"), (UPR, "D.12"), "contributes_to"),
    ((CRIME_STRATEGY, "O1.T3"), (UPR, "D.3"), "contributes_to"),
    ((CRIME_STRATEGY, "O1.T1"), (KYOTO, "K1"), "contributes_to"),
    ((CRIME_STRATEGY, "O3.T1"), (KYOTO, "K7"), "contributes_to"),
    ((DRUG_PROGRAMME, "O3.T2"), (DECLARATION_2019, "C5"), "contributes_to"),
]

# Actions of the UPR Master Plan (found by a UPR recommendation they implement) that also
# report on items of other frameworks.
ACTION_ITEMS = {
    "D.13": [(DRUG_PROGRAMME, "O2.T1"), (DECLARATION_2019, "C3")],  # methadone, Ministry of Health
    "D.3": [(CRIME_STRATEGY, "O1.T3")],  # trafficking in persons, Ministry of Public Security
    "D.12": [(KYOTO, "K6")],  # anti-corruption, Government Inspectorate
}
