"""Domestic abuse: violence or coercive control from a partner or ex, or from family at home:
hitting, strangling, locking in, checking the phone, taking money, isolating, tracking, threats
if they leave, fear of going home.

Rules as data: see engine.py, "Adding a phrasing", before changing them.
"""

from __future__ import annotations

from chat.safeguarding.detector.rules.engine import (
    HIGH,
    NOT_AFTER_ME,
    compile_rules,
    phrasing,
)

CATEGORY = "domestic_abuse"

# A message about coursework, training or the news: the words name a subject, not their life.
_STUDYING = (
    r"\b(?:essay|coursework|assignment|course|module|lecture|dissertation|presentation|"
    r"project|research|documentary|training|awareness|exam|revision|article|podcast)\b"
)

_DV_VERBS = (
    r"(?:hit(?! me up)|hits(?! me up)|hitting(?! me up)|beat|beats|beating|beaten|punch|punches|"
    r"punched|punching|kick|kicks|kicked|kicking|slap|slaps|slapped|slapping|strangle|strangles|"
    r"strangled|strangling|choke|chokes|choked|choking|smack|smacks|smacked|smacking|shove|"
    r"shoves|shoved|shoving|push|pushes|pushed|pushing|grab|grabs|grabbed|grabbing|hurt|hurts|"
    r"hurting|batter|batters|battered|battering|attack|attacks|attacked|attacking|headbutt|"
    r"headbutts|headbutted|bit|bites|biting|burned|burnt|burns|threaten|threatens|threatened|"
    r"threatening|throttle|throttled|throttles|spat on|spits on|threw (?:<W>){0,2}at|throws "
    r"(?:<W>){0,2}at|throwing (?:<W>){0,2}at)"
)

PHRASINGS = (
    phrasing(
        "abusive_relationship",
        HIGH,
        r"(?P<core>abusive) (?:relationship|partner|boyfriend|girlfriend|husband|wife|ex)",
    ),
    phrasing(
        "coercive_control",
        HIGH,
        r"(?P<core>coercive) control",
    ),
    phrasing(
        "controlling",
        HIGH,
        r"(?:<PARTNER>|he|she|hes|shes) (?:is |s |has been |was |being |gets |can be )?(?:really "
        r"|so |very |super |proper |well )?(?P<core>controlling)",
    ),
    phrasing(
        "controls_my_money_or_phone",
        HIGH,
        r"(?:<PARTNER>|he|she) (?:<W>){0,2}(?P<core>takes|took|taking|controls|controlling|"
        r"control|checks|checking|goes through|going through|went through|monitors|tracks|"
        r"tracking|keeps) (?:all )?my (?:phone|money|bank|bank card|benefits|wages|universal "
        r"credit|location|messages|passport|keys)",
    ),
    phrasing(
        "domestic_abuse",
        HIGH,
        r"(?P<core>domestic) (?:violence|abuse)",
        # Studying or reading about it, not living it ("essay on domestic violence").
        unless=_STUDYING,
    ),
    phrasing(
        "hits_me",
        HIGH,
        rf"(?:<PARTNER>|<FAMILY>|he|she|hes|shes|him|her) (?:<W>){{0,3}}(?P<core>{_DV_VERBS}) "
        rf"me{NOT_AFTER_ME}",
        r"(?:got|get|getting|been|was|being|were) (?P<core>hit|beaten|beat up|battered|punched|"
        r"kicked|slapped|strangled|choked|attacked|assaulted|hurt|pushed|shoved|threatened) by "
        r"(?:my |his |her |the )?(?:<PARTNER>|<FAMILY>)",
    ),
    phrasing(
        "hits_me_habitually",
        HIGH,
        r"(?<!\bit )(?<!\bthat )(?<!\bthis )(?<!\breality )(?<!\bwhich )(?<!\bwhat )(?P<core>hits|"
        r"beats|punches|kicks|slaps|strangles|chokes|batters|headbutts) me" + NOT_AFTER_ME,
    ),
    phrasing(
        "hits_someone_at_home",
        HIGH,
        rf"(?:<PARTNER>|<FAMILY>|he|she) (?:<W>){{0,3}}(?P<core>{_DV_VERBS}) (?:my (?:mum|mam|"
        rf"mom|mother|sister|brother|little \w+|baby|kids|son|daughter|nan)|us)(?! (?:at|in|"
        rf"up)\b)",
    ),
    phrasing(
        "locks_me_in",
        HIGH,
        r"(?P<core>locks|locked|locking) me (?:in|inside)\b(?! (?:mind|check)\b)",
        r"(?P<core>keeps|kept) me locked (?:in|up|inside)",
    ),
    phrasing(
        "not_safe_at_home",
        HIGH,
        r"(?P<core>not safe|unsafe|never safe) (?:at home|in my (?:own )?(?:home|house|flat|"
        r"room)|with (?:him|her|my)|around (?:him|her|my)|in the house|where i live|living with)",
        r"(?P<core>dont feel safe|do not feel safe) (?:anymore )?(?:at home|in my (?:own "
        r")?(?:home|house|flat|room)|with (?:him|her|my)|around (?:him|her|my)|in the house|"
        r"where i live|living with)",
    ),
    phrasing(
        "partner_stalking",
        HIGH,
        r"(?:<PARTNER>) (?:<W>){0,2}(?P<core>following|stalking|stalks|stalked|harassing|"
        r"harasses|threatening|threatens|threatened) me",
    ),
    phrasing(
        "scared_of_them",
        HIGH,
        r"(?P<core>scared|afraid|frightened|terrified|petrified) of (?:my |his |her "
        r")?(?:<PARTNER>|<FAMILY>|him|her|what (?:he|she|they) (?:will|might|would|ll|d) do)",
    ),
    phrasing(
        "scared_they_will_hurt_me",
        HIGH,
        r"(?P<core>scared|afraid|frightened|terrified|petrified) (?:that )?<PRON> "
        r"(?:<W>)?(?:will |would |might |is going to |are going to )?(?:hurt|hit|kill|come back|"
        r"beat|attack) ",
    ),
    phrasing(
        "scared_to_go_home",
        HIGH,
        r"(?P<core>scared|afraid|frightened|terrified|petrified|too scared) (?:to go|of going|to "
        r"be|of being|to stay|of staying) (?:back )?(?:home|in the house|in my flat|at home|in "
        r"my house|alone with (?:him|her)|(?:back )?to my (?:flat|house|place|room))",
    ),
    phrasing(
        "will_not_leave_me_alone",
        HIGH,
        r"(?:<PARTNER>|he|she) (?:<W>){0,2}(?P<core>wont|doesnt|will not|does not) leave me alone",
    ),
    phrasing(
        "will_not_let_me",
        HIGH,
        r"(?:<PARTNER>|he|she) (?:<W>){0,2}(?P<core>wont|doesnt|dont|will not|does not|never|"
        r"not) let(?:ting)? me (?:leave|go out|out|see (?:my )?(?:friends|family|mates)|have "
        r"(?:my )?(?:own )?(?:phone|money|bank card|friends)|talk to (?:anyone|my friends|my "
        r"family|my mates|other)|go anywhere)(?! (?:early|work|the job|my job|before|until|till|"
        r"at work)\b)",
    ),
    phrasing(
        "goes_mad_if_i",
        HIGH,
        r"(?:<PARTNER>|he|she) (?:<W>){0,2}(?P<core>goes mad|go mad|going mad|went mad|gets "
        r"angry|gets really angry|gets mad|kicks off|kicked off|flips|flips out|loses it|goes "
        r"crazy|gets jealous|gets violent|gets nasty|gets aggressive|loses his temper|loses her "
        r"temper|goes mental|blows up) (?:at me )?(?:if|when|whenever|every time|cos|because) i "
        r"(?:<W>)?(?:see (?:my )?(?:friends|mates|family)|talk to (?:other|any|my|anyone|lads|"
        r"boys|girls|guys)|text (?:other|anyone|lads|boys|girls|guys|my mates)|message (?:other|"
        r"anyone)|go out|hang out|look at (?:other|anyone|lads|boys|girls|guys)|wear|dont "
        r"(?:reply|answer|pick up|text back)|spend time with|speak to (?:other|any|my|anyone))",
        soft=True,
    ),
    phrasing(
        "isolates_me",
        HIGH,
        r"(?:<PARTNER>|he|she) (?:<W>){0,2}(?P<core>isolates|isolated|isolating|cut me off|cuts "
        r"me off|cutting me off|keeps me away) from (?:my )?(?:friends|family|mates|everyone)",
    ),
    phrasing(
        "makes_me_share",
        HIGH,
        r"(?:<PARTNER>|he|she) (?:<W>){0,2}(?P<core>makes|made|making|forces|forced) me "
        r"(?P<also>share my location|give (?:him|her) (?:all )?my (?:money|bank card|card|wages|"
        r"benefits|pin|password|passwords|universal credit)|hand over (?:my|all my)|ask "
        r"(?:permission|before)|stay in|send (?:him|her) my location|delete (?:my|all my)|block "
        r"(?:my|all my))",
    ),
    phrasing(
        "partner_turns_up",
        HIGH,
        r"(?:<PARTNER>) (?:<W>){0,2}(?P<core>keeps|keep|kept|been|is|always) (?P<also>turning up|"
        r"showing up|coming round|hanging around|waiting|sitting|parked) (?:at|outside|near|"
        r"round|to|by) my (?:flat|house|place|work|college|door|school|hostel|job|uni)",
    ),
    phrasing(
        "scared_to_leave_them",
        HIGH,
        r"(?P<core>scared|afraid|frightened|terrified) (?:to|of) (?:leave|leaving|break up with|"
        r"breaking up with|dump|dumping) (?:him|her|my (?:partner|boyfriend|girlfriend|husband|"
        r"wife))",
    ),
    phrasing(
        "threatens_if_i_leave",
        HIGH,
        r"(?:<PARTNER>|he|she) (?:<W>){0,3}(?:said|says|threaten\w*|told me|keeps saying) "
        r"(?:that )?(?:<W>){0,2}(?P<core>hell|shell|he will|she will|hed|shed|he would|she would|"
        r"going to) (?P<also>kill himself|kill herself|hurt himself|hurt herself|hurt me|kill me|"
        r"take the baby|take (?:my|the) (?:kids|baby|son|daughter)|ruin my life|have me "
        r"sectioned) (?:<W>){0,3}if i (?:leave|tell|go|break up|end it|see|talk|report|call)",
    ),
    phrasing(
        "tracker",
        HIGH,
        r"(?:<PARTNER>|he|she) (?:<W>){0,2}(?:put|installed|has|got) (?:a )?(?P<core>tracker|"
        r"tracking app|spyware|spy app) (?:on|in) my",
    ),
    phrasing(
        "walking_on_eggshells",
        HIGH,
        r"(?P<core>walking on eggshells|walk on eggshells|walking on egg shells) (?:around|with) "
        r"(?:him|her|my (?:partner|boyfriend|girlfriend|husband|wife|dad|mum|step dad|ex))",
    ),
    phrasing(
        "wants_my_passwords",
        HIGH,
        r"(?:<PARTNER>|he|she) (?:<W>){0,2}(?P<core>wants|demands|demanded|made me give|makes me "
        r"give|took|takes|keeps|checks) (?:him |her )?(?:all )?my (?P<also>passwords|password|"
        r"pin|pin number|passcode|bank details)",
    ),
    phrasing(
        "not_allowed",
        HIGH,
        r"(?P<core>not allowed|aint allowed|isnt allowing me|wont allow me|dont allow me|doesnt "
        r"allow me) to (?:see|talk to|text|have|go out|leave|speak to|wear|get a job|work|go to "
        r"(?:college|work|uni|the gym)|spend)",
        context=r"<PARTNER>",
    ),
)

RULES = compile_rules(CATEGORY, PHRASINGS)
