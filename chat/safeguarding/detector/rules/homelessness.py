"""Homelessness: nowhere safe to sleep tonight, sleeping rough or in a stairwell, car or tent,
kicked out, losing the sofa they were surfing on; and, as a concern, an eviction coming up.

Rules as data: see engine.py, "Adding a phrasing", before changing them.
"""

from __future__ import annotations

from chat.safeguarding.detector.rules.engine import (
    CONCERN,
    HIGH,
    IMMEDIATE,
    compile_rules,
    phrasing,
)

CATEGORY = "homelessness"

_NIGHT_CONTEXT = (
    r"tonight|today|right now|nowhere|streets|street|rough|homeless|sleep|sleeping|bed|kicked|"
    r"thrown out|chucked out|evicted|locked out|left home|ran away|run away"
)
_CAMPING = (
    r"festival|festivals|camping|campsite|camp|glasto\w*|glastonbury|dofe|duke of edinburgh|"
    r"scouts?|cadets|expedition|holiday|road trip|journey|on the way|wild camping|fun|ferry|"
    r"flight|airport|services|traffic|motorway|waiting for (?:the|a|my) \w+"
)
_LOSING_A_BED = (
    r"nowhere|streets?|rough|kicked|thrown out|where (?:do|will|can|am|should) i (?:go|sleep|"
    r"stay)|dont know where|nowhere else|no other|lost my (?:flat|room|place)|evicted"
)

# After "evicted": words that put it later, or make it about something other than a home.
_NOT_LATER = (
    r"(?! (?:next|in (?:a|an|\d+|two|three|four|six|a few|the new)|at the end|by the end|soon|if|"
    r"unless|when|after|before|from (?:my|the|next)|on the \d+|for (?:rent )?arrears|process|"
    r"hearing|notice|date|letter|papers|of (?:my|the) (?:<W>){0,2}(?:account|email|app|journal|"
    r"portal|phone|laptop|computer|ipad|tablet|login))\b)"
)

PHRASINGS = (
    phrasing(
        "homeless_now",
        IMMEDIATE,
        r"(?P<core>street homeless|homeless tonight|homeless right now|homeless from tonight)",
    ),
    phrasing(
        "homeless_tonight",
        IMMEDIATE,
        r"(?:going to be|will be|ill be|about to be|be) (?P<core>homeless) (?:tonight|today|"
        r"right now|now)",
    ),
    phrasing(
        "homeless_tomorrow",
        HIGH,
        r"(?:going to be|will be|ill be|about to be|be) (?P<core>homeless) (?:tomorrow|this "
        r"weekend)",
    ),
    phrasing(
        "im_homeless",
        HIGH,
        r"(?:im|i am|now|currently|ive been made|been made|been left|just become|just became|"
        r"made me) (?:<W>)?(?P<core>homeless)(?! (?:in|from|after|when|next|at the end|soon|if|"
        r"unless|before|by|because of the|person|people|charity|shelter|team|officer|application|"
        r"register|list|form|department)\b)",
    ),
    phrasing(
        "kicked_me_out",
        HIGH,
        r"(?:<FAMILY>|<PARTNER>|he|she|they) (?:<W>){0,2}(?P<core>kicked|threw|chucked|turfed|"
        r"booted|put|thrown) me out(?! of (?:the |my |our )?<VENUES>\b)",
    ),
    phrasing(
        "kicked_out_of_home",
        HIGH,
        r"(?P<core>kicked|thrown|chucked|turfed|booted) out of (?:my |the |our )?(?:home|flat|"
        r"house|place|foster|hostel|supported|accommodation|room|b and b|bedsit|digs)",
    ),
    phrasing(
        "nowhere_to_sleep",
        IMMEDIATE,
        r"<NOWHERE> (?:safe )?(?:to|i can|i could|for me to|that i can) (?P<core>sleep|stay|kip|"
        r"crash|spend the night|lay my head|rest my head)",
        r"(?P<core>no) (?:bed|roof|room|place to sleep|where to sleep) (?:for )?tonight",
        r"(?:need|needs|looking for|find|have to find|got to find|to find|dont have|havent got|"
        r"not got)(?: <W>)? (?P<core>somewhere|a place|anywhere|a bed|a room|a roof over my "
        r"head)(?: safe)?(?: to (?:sleep|stay|kip|crash))?(?: for)? tonight",
    ),
    phrasing(
        "sleeping_in_a_car",
        IMMEDIATE,
        r"(?P<core>sleeping|kipping|living) in (?:a|the|my) (?:car|tent|van)(?: tonight| now)",
    ),
    phrasing(
        "sleeping_outside_tonight",
        IMMEDIATE,
        r"(?:have to|got to|going to have to|will have to|might have to|ill have to|need to) "
        r"(?P<core>sleep|stay|kip) (?:outside|out|in (?:a|the|my) (?:car|tent|van)) tonight",
    ),
    phrasing(
        "sleeping_rough",
        IMMEDIATE,
        r"(?P<core>sleep|sleeping|slept|sleeps|kip|kipping|kipped|stay|staying|stayed|spend the "
        r"night|spending the night|spent the night|living|live|lived|ended up)(?: tonight)? "
        r"(?:rough|out on the streets?|on the streets?|on the pavement|on a bench|on benches|on "
        r"the bench|on a park bench|in (?:a|the) (?:doorway|park|shop doorway|street))",
        r"(?:being|im|i am|been) (?P<core>on the streets?)",
        # A message that is only where they are now: "on the street tonight", "out on the
        # streets again tonight" (the words before are left out of the phrase on purpose).
        r"^(?:(?:im |i am |gonna be |going to be )?(?:out )?)(?P<core>on the streets?) "
        r"(?:(?:again |now )?(?:tonight|now|again))",
    ),
    phrasing(
        "could_end_up_on_the_streets",
        HIGH,
        r"(?P<core>end up|ending up)(?: tonight)? (?:rough|out on the streets?|on the streets?|"
        r"on the pavement|on a bench|on benches|on the bench|on a park bench|in (?:a|the) "
        r"(?:doorway|park|shop doorway|street))",
        r"(?:be) (?P<core>on the streets?)",
    ),
    phrasing(
        "evicted",
        HIGH,
        r"(?<!might get )(?<!might be )(?<!could get )(?<!could be )(?<!may get )(?<!may be "
        r")(?<!going to get )(?<!going to be )(?<!worried about getting )(?<!scared of getting "
        r")(?:(?<!get )(?<!getting )(?<!be )(?<!being )|(?!evicted\b)|(?=evicted (?:tonight|"
        r"today|right now|now)\b))(?P<core>evicted|evicting me|evict me|changed the locks|"
        r"locked out)" + _NOT_LATER,
        soft=True,
        context=_NIGHT_CONTEXT,
    ),
    phrasing(
        # "im getting evicted": still to come, unless it says tonight. The same matches as the
        # rule above had for these words before issue 16, now a concern.
        "being_evicted",
        CONCERN,
        r"(?<!might get )(?<!might be )(?<!could get )(?<!could be )(?<!may get )(?<!may be "
        r")(?<!going to get )(?<!going to be )(?<!worried about getting )(?<!scared of getting "
        r")(?:(?<=get )|(?<=getting )|(?<=be )|(?<=being ))(?!evicted (?:tonight|today|right now|"
        r"now)\b)(?P<core>evicted)" + _NOT_LATER,
        soft=True,
        context=_NIGHT_CONTEXT,
    ),
    phrasing(
        "kicked_out",
        HIGH,
        r"(?P<core>kicked|thrown|chucked|turfed|booted|kick|kicking|throw|throwing|chuck|"
        r"chucking) (?:me )?out(?! (?:of (?:the |my |our )?<VENUES>\b(?! (?:accommodation|halls|"
        r"flat|house|room)\b)|of my (?:head|mind|system))\b)",
        soft=True,
        context=_NIGHT_CONTEXT,
    ),
    phrasing(
        "living_in_a_car",
        IMMEDIATE,
        r"(?:im|i am|been|ive been|currently|now) (?P<core>sleeping|kipping|living|staying) in "
        r"(?:a|the|my) (?:car|tent|van)",
        soft=True,
        context=_NIGHT_CONTEXT,
    ),
    phrasing(
        "nowhere_to_go",
        IMMEDIATE,
        r"<NOWHERE> (?:safe )?(?:to|i can|i could|for me to) (?P<core>go)",
        soft=True,
        context=_NIGHT_CONTEXT,
    ),
    phrasing(
        "nowhere_to_live",
        HIGH,
        r"<NOWHERE> (?:safe )?(?:to|i can|i could|for me to) (?P<core>live)",
        soft=True,
        context=_NIGHT_CONTEXT,
    ),
    phrasing(
        "sleeping_in_a_stairwell",
        IMMEDIATE,
        r"(?<!used to )(?<!when i was )(?<!when we were )(?P<core>sleep|sleeping|slept|sleeps|"
        r"kip|kipping|kipped|spend the night|spending the night|spent the night|spend the nights|"
        r"end up|ended up|ending up|live|living|hiding|sheltering|sheltered|bedded down|bed down|"
        r"bedding down)(?: tonight| last night| for the night| the night| the last few nights| "
        r"most nights| every night| for (?:a|two|three|\d+) (?:nights|days|weeks))? (?:in|on|at|"
        r"under|behind) (?:a|the|my|some|this|an) (?P<also>stairwell|stairwells|stair well|"
        r"staircase|stairway|stairs|bin store|bin shed|bin cupboard|bin room|bus station|train "
        r"station|coach station|railway station|station|bus shelter|bus stop|car park|multi "
        r"storey|underpass|subway|garage|shed|park|doorway|shop doorway|phone box|alley|alleyway|"
        r"woods|wood|graveyard|cemetery|churchyard|a and e|hospital waiting room|waiting room|"
        r"night bus|launderette|laundrette|mcdonalds|24 hour mcdonalds|bridge|canal|underground "
        r"car park|playground|skate park|bench|benches|park bench|landing|squat|abandoned \w+|"
        r"derelict \w+|tent|car|van)(?! (?:conversion|near|next to|opposite)\b)",
        r"(?:im|i am|ive been|been|currently|now|we are|were|still|weve been) (?:<W>)?(?:in|"
        r"stuck in) (?:a|the|an) (?P<core>tent|stairwell|stair well|bin store|bin shed|doorway|"
        r"shop doorway|underpass|squat|abandoned \w+)",
        unless=_CAMPING,
    ),
    phrasing(
        "cannot_stay_anymore",
        HIGH,
        r"(?:<FAMILY>|<PARTNER>|they|he|she|mate|mates|friend|friends|landlord|carer|carers) "
        r"(?:<W>){0,2}(?:said|says|told me|telling me|saying) (?:that )?i (?P<core>cant|can not|"
        r"cannot|can no longer) (?P<also>stay) (?:there |here |at (?:theirs|his|hers|their "
        r"(?:place|house|flat)) |with (?:them|him|her) )?(?:anymore|any more|any longer)",
    ),
    phrasing(
        "told_to_leave_tonight",
        IMMEDIATE,
        r"(?:<FAMILY>|<PARTNER>|they|he|she|mate|mates|friend|friends|landlord|carer|carers) "
        r"(?:<W>){0,3}(?P<core>want|wants|wanted|told|tells|telling|asked|asking) me (?:to "
        r")?(?:(?:gone|out|to get out|get out|to move out|to pack my (?:stuff|bags|things)|off "
        r"(?:the|his|her|their) (?:sofa|couch)|to find somewhere else)(?: of (?:the|his|her|"
        r"their|my) (?:flat|house|place|room))? (?:by |before )?(?:tonight|today|now|right now|"
        r"this evening|asap|immediately|straight away|by the morning|by morning)|(?:to leave|"
        r"leave)(?: (?:the|his|her|their|my) (?:flat|house|place|room))? (?:by |before "
        r")?(?:tonight|today|this evening|by the morning|by morning))",
    ),
    phrasing(
        "where_will_i_sleep",
        IMMEDIATE,
        r"(?P<core>where (?:am i|do i|will i|can i|should i|am i going to) (?:going to "
        r")?(?:sleep|stay|kip)) tonight",
        unless=_CAMPING + r"|trip|residential|hotel|airbnb|hostel booking|booked|booking|visit\w*",
    ),
    phrasing(
        "losing_the_sofa",
        HIGH,
        r"(?P<core>sofa surfing|couch surfing|sofa surf|couch surf|sofa hopping)",
        r"(?P<core>sleeping|kipping|staying|crashing|living|sleep|slept|kip) on (?:my |a |the |"
        r"some )?(?:mates|friends|peoples|other peoples|someones|strangers|different|random) "
        r"(?P<also>sofas|couches|floors)",
        r"(?:been|ive been|still|currently|im still) (?:<W>)?(?P<core>sleeping|kipping|staying|"
        r"crashing|living) on (?:my |a |the |some )?(?:mates|friends|peoples|someones|different|"
        r"random) (?P<also>sofa|couch|floor)",
        context=_LOSING_A_BED + r"|tonight|cant stay|can not stay|cannot stay|want me (?:gone|out)|"
        r"wants me (?:gone|out)|asked me to leave|told me to leave|have to leave|got to leave|"
        r"need to leave|(?:has|have) to go|kicking me out|kick me out",
    ),
    phrasing(
        "cannot_stay_tonight",
        IMMEDIATE,
        r"(?:<FAMILY>|<PARTNER>|they|he|she|mate|mates|friend|friends|landlord|carer|carers) "
        r"(?:<W>){0,2}(?:said|says|told me|telling me|saying) (?:that )?i (?P<core>cant|can not|"
        r"cannot|can no longer) (?P<also>stay) (?:there |here |at (?:theirs|his|hers|their "
        r"(?:place|house|flat)) |with (?:them|him|her) )?tonight",
        context=_LOSING_A_BED + r"|sofa surf\w*|couch surf\w*",
    ),
    # Concern: losing their home is coming, not tonight (issue 16: "my landlord says im getting
    # evicted" was told to call 999). The tonight rules above still win when both fire.
    phrasing(
        "eviction_notice",
        CONCERN,
        r"(?P<core>eviction|section 21|section 8|s21|possession) (?:notice|notices|letter|"
        r"letters|papers|order|hearing|warrant|date)",
        r"(?P<core>notice seeking possession|notice of seeking possession)",
        r"(?:threatening|threatened|threaten|threatens|risk of|facing) (?P<core>eviction)",
        r"(?:got|get|getting|gave|give|given|giving|handed|served|sent|received|had|have|ive got|"
        r"been given|been served) (?:me |us )?(?:a |an |my |the |our )?(?P<core>section 21|s21|"
        r"section twenty one)",
        soft=True,
    ),
    phrasing(
        "getting_evicted",
        CONCERN,
        r"(?:im|i am|were|we are|i|we|me|us|might|may|could|will|going to|about to|worried about|"
        r"scared of|afraid of|worried im|worried i will|think im|think i am|think were|says im|"
        r"said im|says were|said were) (?:<W>)?(?P<core>getting|get|be|being) "
        r"(?P<also>evicted)(?! from (?:the|a|this|that|our) (?!(?:flat|house|home|room|hostel|"
        r"place|property|accommodation|bedsit|studio)\b))",
        r"(?:landlord|landlady|council|housing|housing association|agent|letting agent|they|he|"
        r"she|theyre|hes|shes) (?:<W>){0,3}(?:wants|want|wanted|is going|are going|going|is|are|"
        r"trying|tries|threatening|threatened|threatens|says|said|told me|plans|planning) "
        r"(?:<W>){0,2}(?P<core>evict me|evict us|evicting me|evicting us)",
        soft=True,
        unless=r"game|games|lobby|server|discord|chat|group chat|groupchat|big brother|love "
        r"island|tv|show|episode|fortnite|minecraft|roblox|among us",
    ),
    phrasing(
        "rent_arrears_letter",
        CONCERN,
        r"(?P<core>rent arrears|arrears) (?:letter|letters|notice|notices|warning|warnings)",
        r"(?:letter|letters|notice|warning|email|text) (?:<W>){0,3}(?:about|for|saying|re|over) "
        r"(?:<W>){0,3}(?P<core>rent arrears|arrears)",
    ),
)

RULES = compile_rules(CATEGORY, PHRASINGS)
