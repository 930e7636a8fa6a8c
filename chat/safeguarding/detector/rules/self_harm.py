"""Self-harm: cutting, burning, hitting themselves, its slang ("sh"), relapse, hiding scars,
the tools, making themselves sick.

Rules as data: see engine.py, "Adding a phrasing", before changing them.
"""

from __future__ import annotations

from chat.safeguarding.detector.rules.engine import (
    HIGH,
    IMMEDIATE,
    compile_rules,
    phrasing,
)

CATEGORY = "self_harm"

_BODY = (
    r"(?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|belly|hip|hips|chest|hand|hands|"
    r"knuckles|fist|fists|head|face|body|fingers|scalp)"
)
_HARM_VERB = (
    r"(?:scratch|scratches|scratching|scratched|claw|claws|clawing|clawed|punch|punches|punching|"
    r"punched|hit|hits|hitting|bang|bangs|banging|banged|headbutt|headbutts|headbutting|"
    r"headbutted|smash|smashes|smashing|smashed|burn|burns|burning|burned|burnt|cut|cuts|cutting|"
    r"pinch|pinches|pinching|pinched|bruise|bruising|bruised|carve|carving|carved|hurt|hurting|"
    r"hurts|harm|harming|harmed|slap|slapping|slapped)"
)
_SKIN = (
    r"eczema|itch\w*|rash|bites?|mosquito|midges?|chicken ?pox|psoriasis|dermatitis|allerg\w*|"
    r"hives|nails?|spots?|acne|scabs?"
)
_SKIN_OR_KITCHEN = (
    _SKIN + r"|sun|sunbed|sunburn\w*|oven|iron|kettle|pan|hob|stove|tray|"
    r"straighteners|tongs|curling|cooking|by accident|accidentally|bath|shower|wax\w*|tattoo\w*|"
    r"fell|fall|falling|tripped|slipped|cat|kitten|dog|puppy|brambles|thorns|garden\w*|operation|"
    r"surgery|c section|caesarean|stretch|birthmark"
)
_SH_WORDS = (
    r"sh|self harm\w*|cutting(?! (?:down|back|out|carbs|sugar|off|ties|my hair|hair|the grass))|"
    r"cut myself|cut (?:my )?(?:arms?|wrists?|legs?|thighs?)|blades?|razors?|scars?|hurting "
    r"myself|harming myself|burning myself"
)

PHRASINGS = (
    phrasing(
        "burn_myself",
        HIGH,
        r"(?P<core>burn|burning|burned|burnt) myself(?! (?:on|cooking|making|by accident|"
        r"accidentally|in the sun|with the (?:iron|oven|kettle|pan|straighteners|tongs))\b)",
    ),
    phrasing(
        "cut_again",
        HIGH,
        r"(?:i|ive|i have|i just|ive just|then i|and) (?P<core>cut) (?:again|last night|"
        r"tonight)(?! (?:my|the|your|his|her)\b)",
    ),
    phrasing(
        "cut_myself",
        HIGH,
        r"(?P<core>cut|cuts|cutting|cutted|slash|slashing|slashed|carve|carving|carved|mutilate|"
        r"mutilating) (?:myself|my (?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|"
        r"body|hip|hips|belly|chest))(?! (?:shaving|on (?:a|the|some|my)|cooking|by accident|"
        r"accidentally|chopping|whilst|while|opening|making|slicing|peeling|at work|with a "
        r"(?:tin|can)|in the kitchen)\b)",
    ),
    phrasing(
        "cutting",
        HIGH,
        r"(?:(?:been|started|start|keep|keeps|kept|still|am|im|cant stop|want to|going to|about "
        r"to|back to|i|ive|and) |^)(?P<core>cutting)(?: again)?(?=$| ,| again| and\b| but\b| "
        r"because\b| since\b| last night| tonight| every| a lot| loads| lately| recently| more| "
        r"deeper| badly| bad)",
    ),
    phrasing(
        "did_sh",
        HIGH,
        r"(?:did|doing|done|want to|urge to|urges to|going to|started|start) (?P<core>sh)(?! t\b)",
    ),
    phrasing(
        "going_to_cut",
        HIGH,
        r"(?:going to|want to|need to|urge to|about to|have to|will|might|ill) (?P<core>cut)(?=$|"
        r" ,| tonight| again| myself| and\b| but\b| because\b| so\b)",
    ),
    phrasing(
        "hit_myself",
        HIGH,
        r"(?<!could )(?P<core>hit|hitting|punch|punching|punched) myself(?! (?:by accident|"
        r"accidentally|on|with the door|in the face with)\b)",
    ),
    phrasing(
        "hurt_myself",
        HIGH,
        r"(?P<core>hurt|hurting|hurts|harm|harming|harmed|harms|punish|punishing|punished|bruise|"
        r"bruising|bruised|starve|starving|starved|scratch|scratching|scratched) myself(?! (?:at|"
        r"playing|in the|on the|on a|falling|when i fell|by accident|accidentally|lifting|"
        r"running|training|doing|skating|slipping|in my sleep|because of my eczema)\b)",
    ),
    phrasing(
        "relapsed_self_harm",
        HIGH,
        r"(?P<core>relapsed|relapsing|relapse) (?:on |with |into |back into |back to |to )?(?:sh|"
        r"self harm|self harming|cutting)",
    ),
    phrasing(
        "self_harm",
        HIGH,
        r"(?P<core>self) (?:harm|harming|harmed|harms|harmer|injury|injuring|injure|injured|hurt|"
        r"hurting|destruct)",
    ),
    phrasing(
        "sh_getting_worse",
        HIGH,
        r"(?P<core>sh) (?:is|has been|getting|got|gets) (?:getting |really |so )?(?:bad|worse|"
        r"out of control)",
    ),
    phrasing(
        "sh_slang",
        HIGH,
        r"(?P<core>sh) (?:again|urges?|relapse|relapsed|scars?|cuts?|wounds?|thoughts|tonight)",
    ),
    phrasing(
        "urge_to_cut",
        HIGH,
        r"(?P<core>urge|urges) to (?:cut|burn myself|self harm|sh|hurt myself|harm myself)",
    ),
    phrasing(
        "till_it_bleeds",
        HIGH,
        rf"(?P<core>{_HARM_VERB}) (?:<W>){{0,4}}(?P<also>till|until|til|untill) (?:it|they|i|my "
        rf"\w+|"
        r"the skin|the \w+) (?:<W>)?(?:bleed|bleeds|bled|bleeding|start bleeding|started "
        r"bleeding|bruise|bruises|bruised|broke|break|breaks|go numb|went numb|drew blood|draw "
        r"blood|scar|scarred|blister|blistered)",
        unless=_SKIN,
    ),
    phrasing(
        "to_feel_something",
        HIGH,
        rf"(?P<core>{_HARM_VERB}) (?:myself|my {_BODY}|(?:the |a )?walls?|(?:the |a )?doors?|"
        r"(?:the )?mirror|my head against (?:the |a )?(?:wall|door|floor)) "
        r"(?:<W>){0,4}(?P<also>to feel something|to feel anything|to feel pain|to feel real|to "
        r"feel alive|to punish myself|so i can feel|so i could feel|so i feel something|as (?:a "
        r")?punishment|because i deserve (?:it|to)|on purpose|deliberately)",
    ),
    phrasing(
        "scratching_my_arms",
        HIGH,
        r"(?P<core>scratch|scratching|scratched|claw|clawing|clawed|pinch|pinching|pinched|burn|"
        r"burning|burned|burnt|carve|carving|carved|bruise|bruising|bruised) (?:up )?my (?:arms|"
        r"wrists|thighs|skin|legs|stomach|belly)",
        unless=_SKIN_OR_KITCHEN,
    ),
    phrasing(
        "burn_with_a_lighter",
        HIGH,
        r"(?P<core>burn|burning|burned|burnt|brand|branding|branded) (?:myself|my \w+) with (?:a "
        r"|my |the |some )?(?P<also>lighter|lighters|cigarette|cigarettes|cig|cigs|fag|fags|"
        r"match|matches|hot (?:spoon|knife|metal|key|coin)|lit)",
    ),
    phrasing(
        "cut_too_deep",
        IMMEDIATE,
        r"(?:i|ive|i have|think i|i think i|might have|may have) (?:have )?(?P<core>cut) (?:too "
        r")?(?:deep|deeper|too deep)",
    ),
    phrasing(
        "make_myself_sick",
        HIGH,
        r"(?P<core>make|makes|making|made) (?P<also>myself) (?:sick|throw up|vomit|puke)(?! "
        r"(?:with worry|worrying|from (?:worry|stress|eating too)|eating|laughing|drinking)\b)",
    ),
    phrasing(
        "my_sh",
        HIGH,
        r"(?:my|about|with|from|because of|struggling with|struggle with) (?P<core>sh)(?=$| ,| "
        r"is\b| has\b| was\b| scars| cuts| wounds| urges| again| and\b| but\b| getting| lately| "
        r"recently)",
    ),
    phrasing(
        "sh_did",
        HIGH,
        r"(?:i|ive|i have|ive been|been|just|i just|still|keep|and|then|i did|i done) "
        r"(?P<core>sh|shd)(?=$| ,| again| last night| tonight| today| yesterday| this morning| "
        r"every| a lot| loads| lately| recently| more| and\b| but\b| because\b| badly| bad| deep|"
        r" deeper)",
    ),
    phrasing(
        "relapsed",
        HIGH,
        r"(?P<core>relapsed|relapse|relapsing|relapses)",
        context=_SH_WORDS,
    ),
    phrasing(
        "fresh_cuts",
        HIGH,
        r"(?P<core>fresh|new|deep|deeper) (?P<also>cuts|scars|wounds|burns) (?:on|up|all over) "
        r"(?:my )?(?:arms?|wrists?|legs?|thighs?|stomach|hips?|body|skin)",
        unless=_SKIN_OR_KITCHEN + r"|bike|work|kitchen|acne|pimples?|scratch(?:es)? from",
    ),
    phrasing(
        "hiding_scars",
        HIGH,
        r"(?:hide|hides|hiding|hid|hidden|cover|covers|covering|covered|conceal|concealing) "
        r"(?:up )?(?:my |the |all my |all the )?(?:fresh |new |self harm |sh )?(?P<core>cuts|"
        r"scars|marks|burns|wounds)",
        unless=_SKIN_OR_KITCHEN + r"|bike|work|kitchen|acne|pimples?|scratch(?:es)? from",
    ),
    phrasing(
        "blades",
        HIGH,
        r"(?P<core>got out|get out|getting out|took out|take out|taking out|use|used|using|hide|"
        r"hid|hiding|hidden|keep|kept|keeping|bought|buy|buying|found|grab|grabbed|grabbing|"
        r"reached for|reaching for|picked up|pick up|have|had|got) (?:out )?(?:my |some |the |a |"
        r"new |a new |sharp |a sharp |fresh |me )?(?P<also>blades?)(?: out)?(?: (?:of|from) (?:a|"
        r"my|the|me) (?:sharpener|pencil sharpener|razor|shaver))?(?! (?:for|in|of|on|to) (?:my |"
        r"the |a )?(?:razor|shaver|shaving|shave|legs|beard|skates?|mower|lawnmower|blender|food "
        r"processor|stanley knife|craft knife|scalpel|work|job)\b)",
        r"(?P<core>blade|blades|razor|razors) (?:out of|from) (?:a|my|the|me) (?:sharpener|"
        r"pencil sharpener|razor|shaver|disposable razor)",
        unless=r"shav\w*|beard|skat\w*|lawn ?mower|mower|blender|food processor|hoover|fan|"
        r"wipers?|turbine|rotor|ice|hockey|rollerblade\w*|blade runner|stanley|craft|warehouse|"
        r"barber\w*|clippers|kitchen|fortnite|games?|sword|lightsaber|grass|gillette|venus|"
        r"wilkinson|change|replace|clean|work|job|toolbox|tools|diy|utility knife|box cutter|"
        r"cardboard",
    ),
)

RULES = compile_rules(CATEGORY, PHRASINGS)
