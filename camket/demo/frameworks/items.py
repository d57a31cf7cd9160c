"""The compact row form the demo definitions write their items in."""


def items(*rows) -> list[dict]:
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
