"""Abuse by carers, foster carers, hosts, placement staff or family (not a partner): being abused,
touched, someone coming into their room at night, being watched undressed, unease about what
someone does.

Rules as data: see engine.py, "Adding a phrasing", before changing them.
"""

from __future__ import annotations

from chat.safeguarding.detector.rules.engine import (
    HIGH,
    compile_rules,
    phrasing,
)

CATEGORY = "abuse"

PHRASINGS = (
    phrasing(
        "abused",
        HIGH,
        r"(?:been|being|was|were|am|im|got|get|getting|is|are) (?P<core>abused)",
    ),
    phrasing(
        "abuses_me",
        HIGH,
        r"(?P<core>abuse|abuses|abused|abusing) me",
    ),
    phrasing(
        "abusive",
        HIGH,
        r"(?P<core>abusive)(?! (?:relationship|partner|boyfriend|girlfriend|husband|wife|ex|"
        r"customer|customers|language|comments|reviews?)\b)",
    ),
    phrasing(
        # Sexual abuse is here (mostly by family or carers); assault and exploitation are in
        # sexual_exploitation.
        "sexually_abused",
        HIGH,
        r"(?P<core>sexually|sexual) (?:abused|abuse)",
    ),
    phrasing(
        "molested",
        HIGH,
        r"(?P<core>molest|molested|molesting|molests)",
    ),
    phrasing(
        "touched_me",
        HIGH,
        r"(?:<FAMILY>|<OTHERS>|<PARTNER>|he|she|they|man|guy|teacher|boss|coach|manager|worker|"
        r"staff) (?:<W>){0,2}(?P<core>touch|touched|touches|touching|grope|groped|gropes|groping|"
        r"fondled) me",
        r"(?P<core>touch|touched|touches|touching) me (?:inappropriately|down there|there|up|"
        r"under|where|in places|without|when i was)",
        r"(?P<core>touch|touched|touches|touching|grabbed|grabs|groped) my (?:privates|private "
        r"parts|private|chest|boobs|breasts|bum|bottom|arse|crotch|dick|penis|vagina|pussy|thigh|"
        r"thighs)",
    ),
    phrasing(
        "comes_in_my_room_at_night",
        HIGH,
        r"(?:<FAMILY>|<OTHERS>|he|she|teacher|coach|worker|staff|key worker) "
        r"(?:<W>){0,2}(?P<core>comes|came|coming|come|creeps|crept|creeping|sneaks|sneaked|snuck|"
        r"sneaking|gets|got|getting|climbs|climbed|walks|walked|barges|barged) (?:in|into|in to) "
        r"(?:my|the) (?P<also>room|bedroom|bed|shower|bathroom|bath) (?:<W>){0,2}(?:at night|in "
        r"the night|late at night|every night|most nights|some nights|(?:when|while|whilst) "
        r"(?:im|i am|i was|everyones|everyone is|everyone was|no one is|nobody is|no ones) "
        r"(?:asleep|sleeping|in bed|in the shower|in the bath|getting changed|changing|undressed|"
        r"alone|on my own|out|home)|and (?:i dont like|touches|gets in|lies|lays|watches me|wont "
        r"leave|locks))(?! (?:<W>){0,2}to (?:check|wake|say|make sure|see if|turn|bring|get|tell|"
        r"ask|put|tidy|clean|borrow|fix|give|feed|settle)\b)",
        unless=r"little (?:sister|brother|one|ones)|baby|son|daughter|kids?|toddler|nightmares?|"
        r"cat|dog|puppy|kitten|boyfriend|girlfriend|partner|husband|wife|fiance|fiancee",
    ),
    phrasing(
        "do_not_like_what_he_does",
        HIGH,
        r"(?:i|and i|but i) (?P<core>dont like|do not like|hate|hated|didnt like|did not like|"
        r"really dont like) (?:it )?(?:what|the things|the stuff|the way|how|when) (?:he|she|"
        r"they|him|her|<FAMILY>|<OTHERS>) (?:<W>){0,2}(?:does|did|do|makes me do|made me do|"
        r"touches me|touched me|touches|touched|looks at me|looked at me|makes me|made me|comes "
        r"in|came in|gets in|got in|does to me|did to me|wants me to do|wanted me to do|asks me "
        r"to do|asked me to do)(?=$| ,| to me| when| at night| in\b| and\b| but\b| because| with "
        r"me| after)",
    ),
    phrasing(
        "makes_me_uncomfortable",
        HIGH,
        r"(?:<FAMILY>|<OTHERS>|he|she|him|older (?:man|men|guy|guys|woman|lad|bloke)|teacher|"
        r"coach|worker|staff) (?:<W>){0,3}(?P<core>makes|made|making|make) me (?:feel "
        r")?(?:really |so |very |well |proper |a bit |kind of |kinda )?(?P<also>uncomfortable|"
        r"uneasy|creeped out|unsafe|dirty)(?! (?:about|with (?:her|his) questions|when (?:she|"
        r"he) (?:asks|talks about|mentions|nags))\b)",
    ),
    phrasing(
        "watches_me_undressed",
        HIGH,
        r"(?:<FAMILY>|<OTHERS>|he|she|they|<PARTNER>) (?:<W>){0,2}(?P<core>watches|watched|"
        r"watching|films|filmed|filming|recorded|records|recording|spies on|spied on|spying on|"
        r"peeps at|(?:takes|took|taking) (?:pics|photos|pictures|videos)) (?:of )?me "
        r"(?:<W>){0,2}(?P<also>in the shower|showering|in the bath|getting changed|changing|"
        r"undressed|undressing|naked|with no clothes|without (?:my )?clothes|in my (?:underwear|"
        r"pants|bra))",
        soft=True,
    ),
)

RULES = compile_rules(CATEGORY, PHRASINGS)
