"""Demo framework definition: the Kyoto Declaration of the 14th UN Crime Congress (2021)."""

from camket.demo.frameworks.items import items
from camket.demo.frameworks.slugs import KYOTO

DEFINITION = {
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
    "items": items(
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
            "Treat children in contact with the justice system according to their age and needs.",
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
}
