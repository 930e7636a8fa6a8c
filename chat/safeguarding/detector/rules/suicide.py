"""Suicide: thoughts of ending their life, plans and means, overdoses, goodbyes, giving things
away, searching for ways, standing on a bridge or by the tracks, indirect wording ("no one would
care if i was gone").

Rules as data: see engine.py, "Adding a phrasing", before changing them.
"""

from __future__ import annotations

from chat.safeguarding.detector.rules.engine import (
    HIGH,
    IMMEDIATE,
    compile_rules,
    phrasing,
)

CATEGORY = "suicide"

_NOT_LIFE = r"(?! (?:the|a|an|with|to|holiday|about|at|this|that|my|your|in|for|like that)\b)"
_NOT_DYE = (
    r"(?! (?:(?:of|from) (?:embarrassment|shame|cringe|boredom|laughing|laughter)|laughing|(?:my|"
    r"your|her|his) (?:hair|eyebrows|beard|clothes))\b)"
)
_LEAVING = (
    r"mov(?:e|es|ed|ing) (?:out|in|house|flat|to|into|away|abroad|back|home|placement|area|on to|"
    r"up)|new (?:flat|place|placement|house|home|job|school|college|area|city|town)|leaving|last "
    r"day|retir\w*|funeral|holiday|trip|graduat\w*|card|end of (?:term|year|placement)|abroad|"
    r"travelling|going away|gap year|emigrat\w*|relocat\w*|visit|visiting|party|night out|pub|"
    r"club|(?:went|go|going|headed|came) home|left (?:the (?:party|club|pub|do)|early)|work do|"
    r"christmas do"
)
_SEARCH = (
    r"(?:looked up|look up|looking up|googled|googling|google|searched|searching|search|"
    r"researched|researching|research|reading up on|read up on|been reading about|read about|"
    r"asked chatgpt|asking chatgpt|asked ai|checked|checking)"
)
_DEATH_WAY = (
    r"(?:die|kill (?:yourself|myself|urself|oneself|your self)|end (?:your|my|a) life|end it all|"
    r"hang (?:yourself|myself)|overdose|od|drown|suffocate|unalive|commit suicide|not wake up|"
    r"bleed out|bleed to death|stop (?:your|my|a) heart)"
)

PHRASINGS = (
    phrasing(
        "better_off_dead",
        HIGH,
        r"(?P<core>better off dead)",
    ),
    phrasing(
        "better_off_without_me",
        HIGH,
        r"(?P<core>better off without me)",
        r"(?:be|been|is|are|d be|would be|will be) (?P<core>better) without me",
    ),
    phrasing(
        "cannot_keep_myself_safe",
        IMMEDIATE,
        r"(?P<core>cant|can not|cannot|not able to) keep myself safe",
        r"(?P<core>dont think i can|not sure i can|not sure if i can) keep myself safe",
    ),
    phrasing(
        "do_myself_in",
        HIGH,
        r"(?P<core>do|did|doing) myself in",
    ),
    phrasing(
        "do_not_care_if_i_die",
        HIGH,
        r"(?P<core>dont care) (?:if i (?:die|live|wake up|dont wake up)|whether i live|about "
        r"living)",
    ),
    phrasing(
        "do_not_want_to_be_here",
        HIGH,
        r"(?P<core>dont|do not|no longer) (?:really |even )?want to be (?:here|around|alive)(?: "
        r"anymore| any more| no more| any longer| now|$)",
    ),
    phrasing(
        "do_not_want_to_live",
        HIGH,
        r"(?P<core>dont|do not|no longer) (?:really |even )?want to (?:live|be alive|exist)(?! "
        r"(?:with|in|here|there|at|near|on|by|alone|together|like|somewhere|anywhere|far|close|"
        r"so|next|over|out|independently|back|around|under|through)\b)",
        r"(?P<core>dont|do not) (?:really |even )?want to live like this(?: anymore| any more)",
    ),
    phrasing(
        "do_not_want_to_wake_up",
        HIGH,
        r"(?P<core>dont|do not) (?:really |even )?want to wake up(?! (?:early|at|before|so|for|"
        r"in the)\b)",
    ),
    phrasing(
        "end_it",
        HIGH,
        r"<INTENT> (?:just )?(?P<core>end|ending) (?:it|everything|things|my life)(?! (?:with|"
        r"between|off|early|on|for|there|here|now with|by)\b)",
    ),
    phrasing(
        "end_it_all",
        HIGH,
        r"(?P<core>end|ending) it all",
    ),
    phrasing(
        "going_to_die_today",
        IMMEDIATE,
        r"(?P<core>going to) die (?:tonight|today)",
    ),
    phrasing(
        "hope_i_do_not_wake_up",
        HIGH,
        r"(?P<core>hope|wish) i (?:dont|never|do not|wouldnt) wake up",
    ),
    phrasing(
        "in_front_of_a_train",
        HIGH,
        r"(?P<core>jump|jumping|step|stepping|throw myself|walk|walking|lie|lying) (?:in front "
        r"of|under) (?:a|the) (?:train|bus|car|lorry|truck|tram)",
    ),
    phrasing(
        "jump_off_a_height",
        HIGH,
        r"(?P<core>jump|jumping) (?:off|from) (?:a|the|that) (?:bridge|building|roof|cliff|car "
        r"park|multi storey|balcony|tower)",
    ),
    phrasing(
        "kill_myself",
        HIGH,
        r"(?P<core>kill|kil|killing|killed|kills|end|ending|ended|top|topping|topped|off|offing|"
        r"unalive|unaliving|unalived|hang|hanging|hanged|hung|shoot|shooting|drown|drowning|"
        r"poison|poisoning) myself(?! (?:up|out|off)\b)",
    ),
    phrasing(
        "life_not_worth_living",
        HIGH,
        r"(?P<core>life) (?:is not|isnt|aint|is no longer|not) worth (?:living|it)",
        r"(?P<core>not worth living|isnt worth living|no longer worth living)" + _NOT_LIFE,
    ),
    phrasing(
        "no_point_living",
        HIGH,
        r"(?P<core>no point) (?:in |of )?(?:living|being alive|life|going on|carrying on|existing|"
        r"being here)" + _NOT_LIFE,
        r"(?P<core>whats the point|what is the point) (?:in|of) (?:living|life|being alive|going "
        r"on|"
        r"carrying on|existing|being here)" + _NOT_LIFE,
        r"(?P<core>dont see|cant see) (?:the|a|any) point (?:in|of) (?:living|life|being alive|"
        r"going on|carrying on|existing|being here|anything)" + _NOT_LIFE,
    ),
    phrasing(
        "no_reason_to_live",
        HIGH,
        r"(?P<core>no reason) to (?:live|be alive|carry on|go on|keep going|be here)" + _NOT_LIFE,
    ),
    phrasing(
        "not_sure_i_want_to_live",
        HIGH,
        r"(?P<core>not sure) (?:if |that )?i (?:want to|can) (?:live|be alive|be here|carry on|"
        r"go on|keep going)" + _NOT_LIFE,
    ),
    phrasing(
        "nothing_to_live_for",
        HIGH,
        r"(?P<core>nothing) (?:left )?to live for",
    ),
    phrasing(
        "overdosed_on_drugs",
        IMMEDIATE,
        r"(?P<core>overdosed|overdosing) (?:on )?(?:<QTY> )?(?:my )?<DRUGS>",
    ),
    phrasing(
        "overdose_on_drugs",
        HIGH,
        r"(?P<core>overdose|overdoses) (?:on )?(?:<QTY> )?(?:my )?<DRUGS>",
    ),
    phrasing(
        "sleep_and_never_wake_up",
        HIGH,
        r"(?:sleep|go to sleep|fall asleep) and (?P<core>never|not) wake up",
    ),
    phrasing(
        "slit_my_wrists",
        HIGH,
        r"(?P<core>slit|slitting|slash|slashing) my (?:wrists|wrist|throat)",
    ),
    phrasing(
        "stockpiling_drugs",
        HIGH,
        r"(?P<core>stockpiling|stockpiled|stockpile|hoarding) (?:my )?(?:<W>)?<DRUGS>",
    ),
    phrasing(
        "suicidal",
        HIGH,
        r"(?P<core>suicid(?:e|al|ally))(?! squad\b)",
        # A thing called suicidal ("chelseas defending is suicidal"), or a subject studied.
        unless=r"\b(?:defending|defence|defense|tactics|formation|pass|passing|backpass|"
        r"driving|overtake|overtaking|decision|move|plan of attack|lineup|keeper|goalie|"
        r"squad) (?:is|was|looks|looked|are|were) (?:so |proper |absolutely |literally )?"
        r"suicidal|\bsuicide (?:prevention|awareness|squad)\b|\b(?:essay|coursework|"
        r"assignment|lecture|dissertation|documentary|module) (?:on|about)\b",
    ),
    phrasing(
        "take_my_life",
        HIGH,
        r"(?P<core>end|ending|ended|take|taking) my (?:own )?life(?! (?:back|in|into|forward|"
        r"seriously|more|easy|easier|on track)\b)",
    ),
    phrasing(
        "thoughts_of_suicide",
        HIGH,
        r"(?P<core>thoughts|thinking) (?:of|about) (?:killing myself|ending it|ending my life|"
        r"dying|death|not being here)",
    ),
    phrasing(
        "throw_myself",
        HIGH,
        r"(?P<core>throw myself|throwing myself) (?:off|from|under)",
    ),
    phrasing(
        "took_loads_of_pills",
        IMMEDIATE,
        r"(?P<core>took|taken|swallowed|necked|downed|popped) <QTY> (?:<W>){0,2}<DRUGS>(?! "
        r"(?:today|this morning|this week|on time|like|as|with food)\b)",
    ),
    phrasing(
        "take_loads_of_pills",
        HIGH,
        r"(?P<core>take|taking|swallow|swallowing) <QTY> (?:<W>){0,2}<DRUGS>(?! (?:today|"
        r"this morning|this week|on time|like|as|with food)\b)",
    ),
    phrasing(
        "unalive",
        HIGH,
        r"(?P<core>unalive)(?! (?:him|her|them|you|someone|people)\b)",
    ),
    phrasing(
        "unalive_me",
        HIGH,
        r"(?P<core>unalive|unaliving|unalived) me",
    ),
    phrasing(
        "want_to_die",
        HIGH,
        r"(?P<core>want to|wanted to|wants to|ready to|deserve to|deserves to|wish i could|wish "
        r"i would|hope i) (?:just )?die(?! (?:(?:of|from) (?:embarrassment|shame|cringe|boredom|"
        r"laughing|laughter)|laughing|(?:my|your|her|his) (?:hair|eyebrows|beard|clothes))\b)",
    ),
    phrasing(
        "wish_i_did_not_exist",
        HIGH,
        r"(?P<core>wish) i didnt exist",
    ),
    phrasing(
        "wish_i_was_dead",
        HIGH,
        r"(?P<core>wish|wishing) (?:i was|i were|i could be|to be) dead",
    ),
    phrasing(
        "wish_i_was_never_born",
        HIGH,
        r"(?P<core>wish) i (?:was|had been|were|had) never (?:been )?born",
    ),
    phrasing(
        "wish_i_was_not_here",
        HIGH,
        r"(?P<core>wish) i (?:wasnt|was not|werent) (?:alive|here|born|around)",
    ),
    phrasing(
        "cannot_cope_anymore",
        HIGH,
        r"(?P<core>cant|can not|cannot) cope (?:anymore|any more|no more|any longer)",
        soft=True,
    ),
    phrasing(
        "cannot_do_this_anymore",
        HIGH,
        r"(?P<core>cant|can not|cannot) (?:do|take|handle|cope with) (?:this|it|life|any of "
        r"this) (?:anymore|any more|no more|any longer)",
        soft=True,
    ),
    phrasing(
        "cannot_go_on",
        HIGH,
        r"(?P<core>cant|can not|cannot) (?:go on|carry on|keep going)(?=$| ,| like this| living| "
        r"anymore| any more| any longer| no more| and\b| i\b| im\b| with (?:life|my life|this))",
        soft=True,
    ),
    phrasing(
        "overdosed",
        IMMEDIATE,
        r"(?P<core>overdosed|overdosing|took an overdose)(?! on (?!(?:<QTY> )?(?:my )?(?:<DRUGS>|"
        r"drugs|something|heroin|coke|ket|ketamine|mdma|alcohol|vodka|spice)\b))",
        soft=True,
    ),
    phrasing(
        "overdose",
        HIGH,
        r"(?P<core>overdose)(?! on (?!(?:<QTY> )?(?:my )?(?:<DRUGS>|drugs|something|heroin|coke|"
        r"ket|ketamine|mdma|alcohol|vodka|spice)\b))",
        soft=True,
    ),
    phrasing(
        "tired_of_living",
        HIGH,
        r"(?P<core>tired of|sick of|done with) (?:living|life|being alive|existing)(?! (?:with|"
        r"here|in|at|there|on|off)\b| like (?!this\b))",
        soft=True,
    ),
    phrasing(
        "want_to_disappear",
        HIGH,
        r"(?P<core>want to|just want to) disappear",
        soft=True,
    ),
    phrasing(
        "wish_something_would_kill_me",
        HIGH,
        r"(?P<core>wish|hope) (?:someone|somebody|something|a car|a bus) (?:would|will) (?:kill "
        r"me|hit me|run me over)",
        soft=True,
    ),
    phrasing(
        "goodbye_letter",
        HIGH,
        r"(?P<core>goodbye|good bye|farewell) (?:letter|letters|note|notes|message|messages|"
        r"video|videos|text|texts|post)",
        r"(?P<also>letter|letters|note|notes|message|messages|video|videos|text|texts|post|voice "
        r"note|voice notes) (?:<W>){0,3}(?P<core>(?:saying goodbye|to say goodbye|saying bye|to "
        r"say bye)(?! to (?:the|his|her|their|our|a|an)\b)|for when im gone|for when i am gone|"
        r"for after im gone|for when im dead|for after i die|for after im dead|for when i die|"
        r"for when im not here|for when im not around|in case i dont wake up|in case im not "
        r"here)(?! (?:to (?:work|uni|college|school)|on holiday|away|for (?:a|the) (?:week|"
        r"weekend|day))\b)",
        r"(?P<also>wrote|written|writing|write|left|leave|leaving|made|making|recorded|recording|"
        r"typed|typing|sorted|planned|planning|give|giving|gave) (?:<W>){0,4}(?P<core>for when "
        r"im gone|for when i am gone|for after im gone|for when im dead|for after i die|for "
        r"after im dead|for when i die|for when im not here|for when im not around|in case i "
        r"dont wake up)(?! (?:to (?:work|uni|college|school)|on holiday|away|for (?:a|the) "
        r"(?:week|weekend|day))\b)",
        unless=_LEAVING,
    ),
    phrasing(
        "no_one_would_care",
        HIGH,
        r"(?P<core>no one|nobody|not one person|not a single person|who) (?:would |will |d |is "
        r"going to |would even |will even )?(?:even |actually |really |honestly )?(?:care|notice|"
        r"miss me|be sad|cry|bother|give a (?:shit|fuck|damn|toss)|realise) (?:if|when|once|that|"
        r"whether) i (?:<W>)?(?:died|die|was dead|were dead|am dead|was gone|were gone|wasnt "
        r"here|was not here|wasnt around|wasnt alive|disappeared|disappear|vanished|vanish|"
        r"killed myself|kill myself|didnt wake up|never woke up|never came back|ended it|stopped "
        r"existing|"
        r"overdosed)" + _NOT_DYE,
        unless=_LEAVING,
    ),
    phrasing(
        "no_one_would_miss_me",
        HIGH,
        r"(?P<core>no one|nobody|not one person) (?:would|will|d|is going to) (?:even |actually |"
        r"really )?miss me(?! (?:at|in|on|if i (?:left|moved|went|stopped coming))\b)",
        unless=_LEAVING,
    ),
    phrasing(
        "said_my_goodbyes",
        HIGH,
        r"(?P<core>said|saying|say|sent|sending|send|done|did|doing|made) (?:all )?(?:my|me|our|"
        r"the) (?:final |last )?goodbyes",
        r"(?:said|say|saying|wanted to say|want to say|this is me saying) (?P<core>goodbye|bye|a "
        r"final goodbye|a last goodbye) (?:to )?(?:everyone|everybody|you all|all of you|the "
        r"world|you|my (?:family|mum|dad|sister|brother|friends|mates|kids|son|daughter|baby|"
        r"nan))(?: forever| for good| for the last time)?(?=$| ,| and\b| because| i love| love "
        r"you| thank| now| tonight)",
        unless=_LEAVING,
    ),
    phrasing(
        "this_is_goodbye",
        IMMEDIATE,
        r"(?P<core>this is goodbye|this is my last (?:message|text|goodbye|post)|goodbye forever|"
        r"bye forever|goodbye world|goodbye cruel world)",
        unless=_LEAVING,
    ),
    phrasing(
        "want_to_not_exist",
        HIGH,
        r"(?:want to|wish i could|just want to|id like to|ready to) (?P<core>stop existing|not "
        r"exist|cease to exist|never wake up|not wake up|not be alive)",
        unless=_LEAVING,
    ),
    phrasing(
        "giving_things_away",
        HIGH,
        r"(?P<core>giving|gave|given|give|gives) (?:away (?:(?:all|most|loads|some|half|the "
        r"rest) (?:of )?)?my (?:stuff|things|belongings|possessions|valuables)|away everything i "
        r"(?:own|have)|(?:(?:all|most|loads|some|half|the rest) (?:of )?)?(?:my )?(?:stuff|"
        r"things|belongings|possessions|valuables|everything i (?:own|have)) away)",
        unless=r"charity|charities|food bank|foodbank|donat\w*|vinted|ebay|marketplace|facebook|"
        r"depop|declutter\w*|clear(?:ing)? out|clearout|spring clean\w*|too small|doesnt fit|"
        r"dont fit|"
        r"grown out|outgrown|downsiz\w*|selling|sold|sell|storage|toys|shelter|" + _LEAVING,
    ),
    phrasing(
        "enough_pills",
        HIGH,
        r"(?P<core>enough) (?:<W>)?<DRUGS> (?:to (?:kill|die|end it|do it|not wake up|overdose|"
        r"od|be fatal|stop my heart)|saved|saved up|stashed|stockpiled)",
    ),
    phrasing(
        "how_many_would_kill",
        HIGH,
        r"(?P<core>how many|how much) (?:<W>){0,3}(?:<DRUGS>|it) (?:<W>){0,3}(?:to|would|will|"
        r"before|until|till|need to|needed to) (?:<W>){0,2}(?P<also>kill (?:me|you|myself|"
        r"yourself|someone|a person|an adult|a human)|be fatal|be lethal|overdose|od|not wake up|"
        r"stop (?:your|my|a) heart|die)" + _NOT_DYE,
    ),
    phrasing(
        "noose",
        HIGH,
        r"(?P<core>noose|nooses)",
    ),
    phrasing(
        "painless_way",
        HIGH,
        r"(?P<core>painless|quickest|easiest|quick|best|fastest|surest) (?:way|ways|method|"
        r"methods) (?:to|of) (?:die|dying|kill (?:yourself|myself|urself)|end (?:your|my|a) life|"
        r"end it all|"
        r"commit suicide|unalive|suicide)" + _NOT_DYE,
        r"(?P<core>painless) (?:death|suicide|way out|way to go)",
    ),
    phrasing(
        "pills_ready",
        IMMEDIATE,
        r"(?:have|got|ive got|i have|had|get|getting|with|and) (?:all )?(?:the |my |some |enough "
        r"|a load of |loads of )?(?P<core><DRUGS>) (?:ready|lined up|counted out|laid out|set "
        r"out|in front of me)(?! (?:for (?:the morning|tomorrow|my (?:holiday|trip|week|weekend)|"
        r"the (?:week|weekend|trip|holiday)|work|college|school)|to take (?:in|with|tomorrow|"
        r"before|after|later))\b)",
    ),
    phrasing(
        "saving_up_pills",
        HIGH,
        r"(?P<core>saving up|saved up|saving|stockpiling|stockpiled|stockpile|hoarding|hoarded|"
        r"storing up|stored up|stashing|stashed|collecting up|building up|built up) (?:all |some "
        r"|loads of |lots of )?(?:of )?(?:my |the |me )?(?:<W>)?<DRUGS>(?! (?:for (?:my |the |a "
        r")?(?:holiday|trip|weekend|travel|later|tomorrow|work|emergencies|emergency|abroad)|for "
        r"when (?:i go (?:on|to|away|abroad)|i travel|im (?:away|on holiday)))\b)",
    ),
    phrasing(
        "searching_for_ways",
        HIGH,
        rf"(?P<core>{_SEARCH}) (?:<W>)?(?:how many|how much) (?:<W>){{0,2}}<DRUGS> (?:it takes|"
        r"it would take|it will take|would take|would do it|will do it|would be enough|it would "
        r"take to do it)(?=$| ,| tbh| and\b)",
        rf"(?P<core>{_SEARCH}) (?:<W>)?(?:how to|ways to|way to|the best way to|best way to|"
        r"the easiest way to|easiest way to|the quickest way to|quickest way to|painless ways to|"
        r"painless way to|a painless way to|methods to|how long (?:it takes|does it take|it "
        r"would take|"
        rf"would it take) to) (?:<W>)?{_DEATH_WAY}" + _NOT_DYE,
    ),
    phrasing(
        "a_plan",
        HIGH,
        r"(?:thought about|thinking about|think about|thought of|thinking of|planned|planning|"
        r"plan|worked out|working out|know|knew|decided|figured out|chosen|picked|researched) "
        r"(?:exactly )?(?P<core>how|when|where) (?:id|i would|i will|ill|im going to|i am going "
        r"to|i could|to) (?:do it|end it|go through with it|end my life|kill myself|die)",
        context=r"<DRUGS>|rope|noose|bridge|jump\w*|train tracks|railway|knife|blades?|razor|die|"
        r"dying|dead|death|kill\w*|goodbyes?|suicid\w*|overdos\w*|od|not be here|not wake up|end "
        r"it|ending it|end my life|without me",
    ),
    phrasing(
        "a_plan_and_a_date",
        HIGH,
        r"(?:got|have|made|set|picked|chosen|know) (?:a |the )?(?P<core>plan and a date|date and a "
        r"plan|plan and date|plan and a time|time and a place)(?! (?:for|to|with|at|on|in)\b)",
        soft=True,
    ),
    phrasing(
        "lethal_dose",
        HIGH,
        r"(?P<core>lethal|fatal|deadly) (?:dose|doses|amount|amounts|quantity|overdose)(?: of "
        r"(?:my )?<DRUGS>|(?=$| ,| for (?:me|a person|someone|an adult|a human)))",
        soft=True,
    ),
    phrasing(
        "might_as_well_be_dead",
        HIGH,
        r"(?P<core>might as well|may as well|might aswell|may aswell|id rather|would rather) "
        r"(?:just )?(?:not exist|not be alive|not wake up|be dead|not live|not be here anymore|"
        r"not be around anymore)",
        r"(?P<core>might as well|may as well|might aswell|may aswell|id rather|would rather|"
        r"rather) (?:just )?(?P<also>die)"
        + _NOT_DYE
        + r"(?! than (?:eat|wear|watch|sit|listen|go to|do|be seen|work|"
        r"queue|wait|ask|ring|call|fill|have|read|sing|dance|talk to (?:him|her|them) again)\b)",
        soft=True,
    ),
    phrasing(
        "on_the_edge",
        IMMEDIATE,
        r"(?:sitting|sat|standing|stood|stand|sit|lying|laying|lay|lie|climbed|climbing|been) "
        r"(?:on|onto|over|at|near|by) (?:the )?(?P<core>edge of (?:the|a|this) (?:bridge|roof|"
        r"building|cliff|car park|multi storey|balcony|motorway bridge))",
        r"(?:climbed|climbing|climb|wrong side of) (?:over |onto |up )?(?:the "
        r")?(?P<core>railings|railing|barrier|fence) (?:on|of|at) (?:the|a|this) (?:bridge|roof|"
        r"car park|multi storey|balcony|cliff)",
        soft=True,
    ),
    phrasing(
        "want_it_all_to_end",
        HIGH,
        r"(?:want|wanted|wish|need|just want) (?:for )?(?P<core>everything|it all|my life|life) "
        r"to (?P<also>stop|end|be over|just stop|just end)(?: forever| for good| "
        r"permanently)?(?=$| ,| and\b| now| tonight| already)",
        soft=True,
    ),
    phrasing(
        "want_to_vanish",
        HIGH,
        r"(?:want to|wish i could|just want to) (?P<core>vanish|fade away|disappear forever|"
        r"disappear for good)",
        soft=True,
    ),
    phrasing(
        "what_is_the_point",
        HIGH,
        r"(?P<core>whats the point|what is the point|whats even the point|what even is the "
        r"point) (?:in |of )(?:anything|it all|any of it|me|me being here|me even being here|"
        r"waking up|trying anymore|even trying|anything anymore|carrying on)(?: anymore| any "
        r"more| now| tbh| honestly| really)?(?=$| ,| lol| lmao)",
        r"(?P<core>whats the point|what is the point|whats even the point) (?:anymore|any more|"
        r"of me)(?=$| ,)",
        soft=True,
    ),
    phrasing(
        "will_not_be_around",
        HIGH,
        r"(?P<core>wont be|will not be|not going to be) (?:here|around|alive) (?P<also>much "
        r"longer|for much longer|any longer)",
        r"(?P<core>wont be|will not be|not going to be|wouldnt be|would not be|not be) (?:here|"
        r"around|alive) (?P<also>long enough|to (?:see|use|move|spend|get|need|enjoy|collect|"
        r"finish|start|turn|open))",
        soft=True,
    ),
    phrasing(
        "will_not_be_here_by_morning",
        IMMEDIATE,
        r"(?P<core>wont be|will not be|not going to be) (?:here|around|alive) (?P<also>by) "
        r"(?:the )?morning",
        soft=True,
    ),
    phrasing(
        "will_not_need_it",
        HIGH,
        r"(?:wont|will not|not going to) need (?:it|them|any of (?:it|this|them|my stuff)|my "
        r"(?:stuff|things)|anything) (?P<core>where im going|when im gone)",
        soft=True,
    ),
    phrasing(
        "on_the_tracks",
        IMMEDIATE,
        r"(?:sitting|sat|standing|stood|stand|sit|lying|laying|lay|lie) (?:on|by|near|next to|"
        r"beside) (?:the )?(?P<core>train tracks|railway tracks|railway line|train line|rail "
        r"tracks|tracks)",
        soft=True,
        unless=r"waiting|platform|station|trains? (?:is|was|are|were) (?:late|delayed|cancelled)|"
        r"trainspotting|photos?|pics|picnic|walk|walking|bike",
    ),
)

RULES = compile_rules(CATEGORY, PHRASINGS)
