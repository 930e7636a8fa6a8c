"""Violence from someone outside the home: threats, weapons, being attacked, robbed, followed
or stalked, someone waiting outside, being in danger, threats told as conditions.

Rules as data: see engine.py, "Adding a phrasing", before changing them.
"""

from __future__ import annotations

from chat.safeguarding.detector.rules.engine import (
    HIGH,
    IMMEDIATE,
    NOT_AFTER_ME,
    compile_rules,
    phrasing,
)

CATEGORY = "violence"

_THREAT_OBJECT = r"(?:me|my \w+|us|him|her|them|you|myself|himself|herself)"

PHRASINGS = (
    phrasing(
        "threatening_to_attack",
        HIGH,
        r"(?:threatening|threatened|threaten|threatens|threats) to (?P<core>shoot|stab|shank|"
        r"knife|burn|torch|petrol bomb|firebomb|smash|kick in|run me over|jump me|do me in)"
        r"(?: up)? (?:me|us|my|our|the)\b",
        soft=True,
    ),
    phrasing(
        "after_me",
        HIGH,
        r"(?:<OTHERS>|<PRON>) (?:is |are |were |was |been |be )?(?P<core>after) me\b(?! for\b)",
    ),
    phrasing(
        "attacked_me",
        HIGH,
        r"(?:<OTHERS>|<PRON>) (?:<W>){0,3}(?P<core>stab|stabbed|stabbing|shoot|shot|shooting|"
        r"knife|knifed|slash|slashed|murder|glass|glassed|rob|robbed|mug|mugged|jump|jumped|"
        r"attack|attacked|rape) me(?! (?:at|in|on the|to it|a|an|down)\b)",
    ),
    phrasing(
        "being_followed",
        HIGH,
        r"(?:being|been|getting|got|get|was|im) (?P<core>followed|stalked|harassed)(?! (?:on|"
        r"back|by (?:my|the|a) (?:cat|dog|pa))\b)",
    ),
    phrasing(
        "do_not_feel_safe",
        HIGH,
        r"(?P<core>dont feel safe|do not feel safe)(?! (?:anymore )?(?:at home|in my|with|around|"
        r"in the house|where i live|living with)\b)",
    ),
    phrasing(
        "following_me",
        HIGH,
        r"(?:<OTHERS>|<PRON>) (?:<W>){0,2}(?P<core>following|stalking|stalks|stalked|harassing|"
        r"harasses|hunting|coming for|coming after|came after|come after) me(?! (?:about|for) "
        r"(?:money|a debt|payment|rent|the bill|the money)\b)",
    ),
    phrasing(
        "got_attacked",
        HIGH,
        r"(?:got|been|was|get|getting|were) (?P<core>stabbed|shot|slashed|glassed|knifed|jumped|"
        r"mugged|attacked|assaulted|beaten up|beat up|battered|threatened)(?! (?:down|of|off|at "
        r"dawn|by (?:a|the) (?:car|bus|ball|dog|bike)|with (?:eviction|court|bailiffs|legal)|"
        r"for)\b)",
    ),
    phrasing(
        "hit_me",
        HIGH,
        r"(?:<OTHERS>|they) (?:<W>){0,3}(?P<core>hit|punched|punch|kicked|kick|slapped|beat|"
        r"battered|headbutted|strangled|choked|assaulted) me" + NOT_AFTER_ME,
    ),
    phrasing(
        "in_danger",
        IMMEDIATE,
        r"(?:im|i am|i feel|feel|feeling|i think im|i know im) (?P<core>in danger|not safe|"
        r"unsafe)(?! (?:of|at home|in my|with|around|in the house|where i live|living with)\b)",
        r"(?P<core>my life is in danger|fear for my life|scared for my life|afraid for my life|"
        r"in fear of my life|frightened for my life)",
    ),
    phrasing(
        "know_where_i_live",
        HIGH,
        r"<PRON> (?:<W>)?(?P<core>know|knows) where i live",
    ),
    phrasing(
        "stabbed_me",
        HIGH,
        r"(?P<core>stabbed|shot|slashed|glassed|knifed|mugged|jumped) me(?! (?:a|an|down|in the "
        r"queue|at)\b)",
    ),
    phrasing(
        "threatened_to_stab",
        HIGH,
        r"(?:said|says|saying|threatened|threatening|threatens|threaten|told me|tells me|keeps "
        r"saying|messaged|texted|posted|sent me a message saying) (?:that )?(?:<W>){0,4}"
        rf"(?P<core>(?:stab|shoot|knife|slash|murder|glass|rape) {_THREAT_OBJECT}|do me in)"
        r"(?! (?:at|in|off|out|for)\b)",
    ),
    phrasing(
        "threatens_me",
        HIGH,
        r"(?P<core>threaten|threatens|threatened|threatening) me(?! (?:with (?:eviction|court|"
        r"bailiffs|legal|the police)|about (?:rent|money|the bill))\b)",
    ),
    phrasing(
        "weapon_pulled",
        HIGH,
        r"(?P<core>pulled|pulls|pulling|waved|waving|pointed|pointing|came at me with|comes at "
        r"me with|threatened me with|threatening me with|held|holding|flashed|showed me) (?:a|"
        r"his|her|their|the) (?:knife|knives|blade|machete|gun|shank|weapon|hammer|bat|zombie "
        r"knife)",
        r"(?P<core>knife|blade|gun|machete) (?:to|at|against|in) my (?:throat|neck|head|face|"
        r"chest|back)",
    ),
    phrasing(
        "going_to_kill_me",
        HIGH,
        r"(?:(?:someone|somebody) (?:<W>){1,3}|(?:<PRON>|<PARTNER>|they|people|lads|gang|dealers|"
        r"dealer) (?:<W>){0,3})(?P<core>kill|hurt|beat|batter|smash) me(?! (?:for|at|in|on|off|"
        r"out|up|a|some|one|the|down|home|there|to the|\d)\b)",
        soft=True,
    ),
    phrasing(
        "robbed",
        HIGH,
        r"(?:i|ive|i was|i got|we|we got|weve|we were|me) (?:been |got |was |were |just "
        r")?(?P<core>robbed|mugged)(?! (?:off|blind)\b)",
        soft=True,
    ),
    phrasing(
        "threatened_to_kill",
        HIGH,
        r"(?:said|says|saying|threatened|threatening|threatens|threaten|told me|tells me|keeps "
        r"saying|messaged|texted|posted) (?:that )?(?:<W>){0,4}"
        rf"(?P<core>(?:kill|hurt|beat|batter|attack|burn|smash|jump) {_THREAT_OBJECT}|"
        r"come for me|come after me|get me)(?! (?:at|in|off|out|for|a|an|some|one|up)\b)",
        soft=True,
    ),
    phrasing(
        "threat_if_i_tell",
        HIGH,
        r"(?P<core>hurt|kill|beat|beat up|stab|batter|smash|hit|attack|burn|shoot|jump|do|get|"
        r"find|come for|come after|go after) (?:me|my \w+|us|you|him|her|my little \w+|them)(?: "
        r"(?:<W>){0,3})?if i (?:ever )?(?P<also>tell|say anything|speak|talk|grass|snitch|report|"
        r"leave|dont pay|cant pay|dont give|dont do what|dont send)(?=$| ,| anyone| anybody| "
        r"someone| the police| the feds| my pa| social| on\b| about| him\b| what)",
        soft=True,
    ),
    phrasing(
        "dead_if_i_show_my_face",
        HIGH,
        r"(?:im|i am|ill be|i will be|youre|you are|your|youll be|you will be) (?P<core>dead|a "
        r"dead man|dead meat|finished|getting (?:it|stabbed|shanked|jumped|battered|done|merked)|"
        r"going to get it|getting hurt) if (?:i|you) (?:ever )?(?:show (?:my|your|his|her|their) "
        r"face|step foot|set foot|(?:come|go) (?:back |round |near )?(?:here|round here|to "
        r"(?:the|our|their|his|this) (?:estate|area|ends|block|park)|on (?:the|our|their|his|"
        r"this) (?:estate|ends|block|turf|patch))|snitch|grass|(?:tell|talk to|go to|call|ring|"
        r"speak to) (?:the )?(?:police|feds|old bill|cops|social|anyone|anybody|someone)|dont "
        r"pay|cant pay|dont give (?:them|him|her) (?:the )?(?:money|it))",
        r"(?P<core>message|messages|text|texts|dm|dms|voice note|voicenote|post|comment|snap|"
        r"snaps|letter|note) (?:saying|said|says|that said) (?:that )?(?:im|i am|ill be|youre|"
        r"you are|your|youll be) (?:dead|a dead man|dead meat|finished|getting it|going to get "
        r"it|next)",
        soft=True,
    ),
    phrasing(
        "keeps_turning_up",
        HIGH,
        r"(?:<OTHERS>|they|he|she|<PARTNER>|people) (?:<W>){0,2}(?P<core>keeps|keep|kept|been|"
        r"always) (?P<also>turning up|showing up|coming round|hanging around|waiting) (?:at|"
        r"outside|near|round|to|by) my (?:flat|house|place|work|college|door|school|hostel|job|"
        r"uni)(?! (?:<W>)?to\b)",
        soft=True,
        unless=r"deliver\w*|parcel|sofa|fridge|bed|furniture|removal\w*|taxi|uber|lift|pick me "
        r"up|picking me up|engineer|plumber|electrician|repair\w*|council|housing|pa|support "
        r"worker|social worker|my (?:mates?|friends?|mum|dad|nan|sister|brother)|pizza|takeaway|"
        r"deliveroo|just eat|surprise|party|fix\w*|boiler|heating|meter|inspect\w*|builders?",
    ),
    phrasing(
        "waiting_outside",
        IMMEDIATE,
        r"(?:<OTHERS>|they|theyre|he|hes|she|shes|someone|somebody|people|there are|theres|there "
        r"is) (?:is |are |s |re |keep |keeps |been |have been |has been |was |were )?(?:still |"
        r"always |just )?(?P<core>waiting|hanging around|hanging about|hanging round|standing|"
        r"stood|sat|sitting|parked|lurking|watching|outside) (?:for me )?(?:outside|at|by|near|"
        r"round|around|in front of|across from|opposite)? ?(?:my|the) (?:flat|house|door|front "
        r"door|block|building|college|work|school|hostel|place|window|bedroom window)(?! (?:with|"
        r"to (?:deliver|drop|fit|fix|pick me up|take me|collect|read|check|give|bring|help|"
        r"meet))\b)",
        soft=True,
        unless=r"deliver\w*|parcel|sofa|fridge|bed|furniture|removal\w*|taxi|uber|lift|pick me "
        r"up|picking me up|engineer|plumber|electrician|repair\w*|council|housing|pa|support "
        r"worker|social worker|my (?:mates?|friends?|mum|dad|nan|sister|brother)|pizza|takeaway|"
        r"deliveroo|just eat|surprise|party|fix\w*|boiler|heating|meter|inspect\w*|builders?",
    ),
    phrasing(
        "found_out_where_i_live",
        HIGH,
        r"(?:<OTHERS>|<PARTNER>|gang|they|he|she) (?:<W>){0,2}(?P<core>know|knows|found out|find "
        r"out) (?P<also>where) i (?:live|stay|am staying|sleep|work|go to college)",
        soft=True,
    ),
    phrasing(
        "want_me_dead",
        HIGH,
        r"(?:<OTHERS>|they|he|she|<PARTNER>|people|everyone) (?:<W>){0,2}(?P<core>want me dead|"
        r"wants me dead|wanted me dead|put a price on my head|price on my head|hit out on me|"
        r"bounty on me|out to get me|(?:want|wants|wanted|trying|tried) to (?:hurt|kill|stab|"
        r"jump|batter|beat up|shoot) me)",
        soft=True,
    ),
)

RULES = compile_rules(CATEGORY, PHRASINGS)
