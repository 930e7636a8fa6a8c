"""Forced or coerced: criminal exploitation (county lines, being made to hold, carry or sell
drugs, a phone and journeys to other towns, debts to work off), cuckooing.

Rules as data: see engine.py, "Adding a phrasing", before changing them.
"""

from __future__ import annotations

from chat.safeguarding.detector.rules.engine import (
    HIGH,
    compile_rules,
    phrasing,
)

CATEGORY = "forced"

PHRASINGS = (
    phrasing(
        "keeps_my_documents",
        HIGH,
        r"(?:boss|bosses|work|works|employer|manager|gaffer|owner|they|them|he|she) (?:still )?"
        r"(?:keep|keeps|kept|keeping|took|take|takes|taken|holding|holds|hold|wont give me|will "
        r"not give me|wont give back|took away) (?P<core>my (?:id|passport|documents|papers|visa|"
        r"brp|residence permit|id card))(?! (?:copy|copies|details|number|photo|scan|on file)\b)",
    ),
    phrasing(
        "county_lines",
        HIGH,
        r"(?P<core>county lines|county line|running lines|run lines|running a line|trap house|"
        r"going country|went country|go country|cuckooed|cuckooing|debt bondage)",
    ),
    phrasing(
        "cuckooing",
        HIGH,
        r"(?P<core>using|used|use|uses) my (?:flat|house|place|home|room) (?:to|for|as) (?:sell|"
        r"deal|dealing|selling|store|stash|drugs|a base|a trap)",
        r"(?:dealers|gang|lads|these people|people|they|he|she) (?:have |has )?(?P<core>taken "
        r"over|took over|taking over) my (?:flat|house|place|home)",
        r"(?:dealers|gang|lads|these people|people i dont know|strangers) (?:are |is |keep |"
        r"keeps )?(?P<core>staying|living|dealing|sleeping) (?:at|in|from) my (?:flat|house|"
        r"place|home)",
    ),
    phrasing(
        "debt_bondage",
        HIGH,
        r"(?P<core>work off) (?:a|the|my|their) debt",
        r"(?P<core>owe|owes|owed) (?:a dealer|dealers|the dealer|a gang|the gang)",
    ),
    phrasing(
        "made_to_sell_drugs",
        HIGH,
        r"(?:making|make|makes|made|forcing|force|forces|forced|pressuring|pressure|pressures|"
        r"pressured|using|uses|used) me (?:to )?(?P<core>sell|selling|deal|dealing|carry|"
        r"carrying|hold|holding|deliver|delivering|drop off|dropping off|stash|stashing|hide|"
        r"hiding|store|storing|transport|transporting) (?:<W>){0,2}(?:drugs|drug|gear|weed|coke|"
        r"cocaine|crack|heroin|smack|packages|package|parcels|parcel|stuff|things|bits|money|"
        r"cash|phones|a phone|burner|knives|a knife|weapons|a weapon|a gun|guns)",
        r"(?:making|make|makes|made|forcing|force|forces|forced|pressuring|pressure|pressures|"
        r"pressured|using|uses|used|got|gets|getting|telling|told|have|has|had|need|got to|have "
        r"to) (?:me )?(?:to )?(?P<core>sell|selling|deal|dealing|carry|carrying|hold|holding|"
        r"move|moving|run|running|deliver|delivering|drop|dropping|stash|stashing|hide|hiding|"
        r"store|storing|keep|keeping|take|taking|transport|cook|cooking) (?:<W>){0,2}(?:drugs|"
        r"gear|weed|coke|cocaine|crack|heroin|smack|packages|parcels|lines|a line|knives|a knife|"
        r"a gun|guns|a burner|burners)",
        r"(?:make|makes|making|made|force|forces|forcing|forced) me (?:to )?(?P<core>sell|deal|"
        r"run|work|carry) for (?:them|him|her|a gang|the gang|a dealer|dealers|the dealer)",
        r"(?:being|been|was|get|getting|got) (?P<core>made|forced|pressured) (?:in)?to (?:sell|"
        r"deal|carry|hold|run|stash|move)",
    ),
    phrasing(
        "sent_to_other_towns",
        HIGH,
        r"(?P<core>make|makes|made|making|force|forces|forced|forcing|send|sends|sent|sending|"
        r"take|takes|took|taking|drive|drives|drove|driving|tell|tells|told|telling|get|gets|got|"
        r"getting) me (?:to )?(?:go |travel |get (?:the |a )?(?:train|trains|bus|coach|taxi|"
        r"uber) |drive |go out |run )?(?:<W>){0,2}(?:to |up to |down to |out to |round "
        r")?(?:other|different|another|loads of|random|strange) (?P<also>towns?|cities|city|"
        r"places|areas?|counties|parts of the country)",
        unless=r"work|job|shift|agency|training|course|placement|interview|boss|manager|company|"
        r"college|uni|school|football|team|match|band|gig|tour|holiday|trip|visit\w*|family|nan|"
        r"mum|dad|carers?|pa|contact|social worker",
    ),
    phrasing(
        "given_a_phone",
        HIGH,
        r"(?P<core>gave|given|give|gives|giving|got|get) me (?:a |an |another |their |this |a "
        r"new |a second |a spare )?(?P<also>phone|burner|burner phone|sim|sim card|second phone|"
        r"trap phone)",
        context=r"other (?:towns?|cities|areas?|places)|(?:different|another) (?:towns?|city|"
        r"area)|country|county|drop(?:s|ping)? (?:off|it|them|stuff|things)|deliver\w*|packages?|"
        r"parcels?|drugs|gear|owe|debt|work (?:it|that|this) off|secret|dont tell|not to tell|"
        r"answer it|keep it on|trap|(?:make|makes|made|making) me",
    ),
    phrasing(
        "owe_them",
        HIGH,
        r"(?P<core>owe|owes|owed|owing|in debt to|debt to) (?:them|him|her|someone|somebody|some "
        r"(?:people|lads|guys|men|man|guy)|people|these (?:people|lads|guys|men)|a (?:guy|man|"
        r"lad|bloke|gang|dealer)|the (?:gang|lads|dealer|dealers|guys|people|men)|dealers?|a lot "
        r"of people|money|loads|loads of money|a lot of money)",
        context=r"work (?:it|this|that|the debt|the money) off|working (?:it |this |that )?off|"
        r"(?:make|makes|made|making|force\w*|said i (?:have|got|need) to|i (?:have|got) to|told "
        r"me to|want me to|wants me to|need me to) (?:<W>){0,3}(?:sell|hold|carry|run|deliver|"
        r"drop|stash|keep|do (?:jobs|runs|things|stuff|favours|a job|a run)|go (?:to|country|"
        r"out)|move|store|hide)|or else|threaten\w*|knows? where i live|(?:gave|give|given) me "
        r"(?:a|the) (?:phone|burner)",
    ),
)

RULES = compile_rules(CATEGORY, PHRASINGS)
