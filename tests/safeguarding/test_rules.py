"""Tests for the safeguarding rules (chat/safeguarding/detector/rules/), through `match`.

Ported from tests/bot/test_safeguarding.py when the rules were split by category (issue 16): every
case is kept, with the new category codes (old "abuse" became abuse, sexual_exploitation or forced
by what each rule is about; domestic_violence became domestic_abuse; homeless_tonight became
homelessness). Added: severities, and the homelessness "concern" rules with their contrasts.

Pure Python: no database, no Django. The held-out lists below were written before the first
patterns. They have since been looked at case by case, so they are no longer truly held out: their
fifteen misses became tuning cases in RISK_CASES (round 2), and a fresh held-out set is kept
outside the repository by people who do not tune the rules.
"""

from __future__ import annotations

import json

import pytest

from chat.safeguarding.detector.rules import CATEGORIES, RULES, RuleHit, match
from chat.safeguarding.detector.rules.engine import CONCERN, HIGH, IMMEDIATE
from tests import contract

# Nothing here depends on the database or the cache: run once (Makefile, test-services).
pytestmark = pytest.mark.once

DEV_SET = contract.DEV_SET


def categories(message: str) -> tuple[str, ...]:
    """Distinct categories `match` finds, in CATEGORIES order."""
    return tuple(sorted({hit.category for hit in match(message)}, key=CATEGORIES.index))


def severity(message: str) -> str | None:
    """The most urgent severity found, or None."""
    found = {hit.severity for hit in match(message)}
    return next((code for code in (IMMEDIATE, HIGH, CONCERN) if code in found), None)


# --- HELD OUT (round 1, now seen) ---------------------------------------------------------------
# Written BEFORE the patterns (then in chat/bot/safeguarding.py). Round 1 flagged 27 of its 42 risk
# messages and none of its 63 everyday ones; the 15 misses were then read one by one and, in
# round 2, fixed with general patterns and moved to RISK_CASES as tuning cases. What is left here
# has been seen too, so it is a regression list now, not a measure of recall: the next held-out
# figure must come from a fresh set written by someone else, before anyone looks at it.
# Cases the module gets wrong are marked xfail(strict=True) below so the gap stays visible (and a
# later fix that makes one pass shows up as an XPASS failure that asks to un-mark it).
# Each risk case lists the categories that would be an acceptable reading of it.
HELD_OUT_RISK: list[tuple[str, tuple[str, ...]]] = [
    ("honestly i just want everything to stop, i cant do this no more", ("suicide",)),
    ("i keep thinking everyone would be better without me", ("suicide",)),
    ("wanna jump off the bridge tbh", ("suicide",)),
    ("i took a whole pack of paracetamol", ("suicide", "self_harm")),
    ("been burning myself with a lighter", ("self_harm",)),
    ("the urge to cut is really bad tonight", ("self_harm",)),
    ("he forced me to have sex", ("sexual_exploitation", "domestic_abuse")),
    (
        "my uncle sexually abused me when i was little and i cant stop thinking about it",
        ("abuse",),
    ),
    ("they make me carry packages to other towns and say i owe them", ("forced",)),
    ("i owe them money and theyre making me hold stuff at my flat", ("forced",)),
    ("my foster carer used to beat me", ("abuse", "domestic_abuse")),
    ("my boyfriend checks my phone and wont let me see my friends", ("domestic_abuse",)),
    ("my partner strangled me last night", ("domestic_abuse",)),
    ("my ex keeps turning up at my flat and threatening me", ("domestic_abuse", "violence")),
    ("my mum's boyfriend punched me", ("domestic_abuse", "abuse")),
    (
        "my girlfriend takes all my money and says shell leave if i tell anyone",
        ("domestic_abuse", "abuse"),
    ),
    ("my brother threw a knife at me", ("domestic_abuse", "violence")),
    ("theres a group of lads saying theyre gonna jump me when i leave college", ("violence",)),
    ("someone pulled a knife on me outside the shop", ("violence",)),
    ("they know where i live and said they're coming for me", ("violence",)),
    (
        "landlord changed the locks and all my stuff is inside, i have nowhere to go",
        ("homelessness",),
    ),
    ("gotta sleep in the car tonight", ("homelessness",)),
    ("sleepin on a bench 2nite", ("homelessness",)),
    ("kms fr this time", ("suicide",)),
    ("wish i could go to sleep and never wake up", ("suicide",)),
    ("i've been hurting myself again, dont tell my pa", ("self_harm",)),
    ("been starving myself on purpose as punishment", ("self_harm",)),
]

HELD_OUT_SAFE: list[str] = [
    "my laptop died in the middle of my essay",
    "im so dead tired after work",
    "this rent is killing me",
    "can i get help with a deposit for a flat",
    "my landlord wont fix the damp",
    "whats the number for my pa",
    "had my flu jab today, arm is killing me",
    "my mates are gonna kill me for being late",
    "i nearly died laughing at that video",
    "can you help me with my cv",
    "i want to move to a new area near my sister",
    "how do i apply for universal credit",
    "lost my bank card, what do i do",
    "i cut my finger chopping onions",
    "need a new hoover for my flat",
    "the bus was packed, literally suffocating lol",
    "my boss shouted at me today and i cried in the toilets",
    "im so stressed about money",
    "i hate my job",
    "i'm scared of spiders",
    "shoot, forgot my appointment",
    "can i bring my boyfriend to the christmas dinner",
    "my partner and i want to move in together, will i lose my council tax exemption",
    "my ex keeps texting me about the dog",
    "i need a bed and a fridge for my new place",
    "is there a gym discount for care leavers",
    "i hurt my back at work, can i get sick pay",
    "football match on sunday, we're gonna smash them",
    "the film was sick, cried at the ending",
    "my tenancy ends in 3 months and i'll be homeless, can you help me plan",
    "does the council pay for driving lessons",
    "my nan passed away last week, can i get time off college",
    "i overslept and missed my exam, am i going to get kicked out of college",
    "i'm staying at my mates tonight so wont be home for the visit",
    "can i get a taxi home tonight, the last bus has gone",
    "i killed it at my interview!!",
    "dying for a cuppa",
    "i feel so lonely since i moved",
    "my baby's dad isnt paying anything towards her",
    "how do i report a repair to my housing association",
    "my neighbour's music is driving me mad",
    "i'm not sleeping well because of the noise",
    "cant sleep, worried about my exams",
    "the council are going to evict my neighbour",
    "i need help filling in my pip form",
    "can i still get help if i live with my girlfriend",
    "hit me up when you're free",
    "my phone got smashed, can i get a new one",
    "i'm going to a party tonight, any tips for staying safe",
    "got into a fight with my mum over the phone, we made up tho",
    "i owe money on my phone contract",
    "where can i get my hair cut cheap",
    "i'm dead serious, i want to go back to college",
    "can you help me get my provisional licence",
    "we got beat 5-0 on saturday",
    "i lost my keys and locked myself out, locksmith is coming tonight",
    "i'm in temporary accommodation, how long until i get a flat",
    "shot through the city centre to get here on time",
    "my cat died and i'm really sad",
    "i'm sick of waiting for my pip decision",
    "is there a first aid course i can do",
    "im not suicidal or anything, just really fed up with uni",
    "i'd die for a holiday rn",
]
# --- END HELD OUT -------------------------------------------------------------------------------


# --- Categories: each with realistic phrasings, text-speak and typos ----------------------------

RISK_CASES: list[tuple[str, str]] = [
    # suicide
    ("i wanna kms", "suicide"),
    ("i want to kill myself", "suicide"),
    ("I want to kill myself lol", "suicide"),
    ("dont want 2 be here anymore", "suicide"),
    ("I don't want to be here anymore", "suicide"),
    ("thinkin of ending it all", "suicide"),
    ("gonna end it", "suicide"),
    ("im gonna end it tonight", "suicide"),
    ("i'm going to unalive myself", "suicide"),
    ("wanna unalive", "suicide"),
    ("i want to die", "suicide"),
    ("i just wanna die 😂", "suicide"),
    ("everyone would be better off without me", "suicide"),
    ("id be better off dead", "suicide"),
    ("I don't want to live anymore", "suicide"),
    ("i dont want to be alive", "suicide"),
    ("I can't go on", "suicide"),
    ("i cant go on like this", "suicide"),
    ("I can't keep myself safe", "suicide"),
    ("I don't see the point in living", "suicide"),
    ("theres no reason to live", "suicide"),
    ("ive got nothing left to live for", "suicide"),
    ("feeling suicidal again", "suicide"),
    ("im so sucidal rn", "suicide"),
    ("thinking about suicide a lot", "suicide"),
    ("i took an overdose", "suicide"),
    ("took loads of pills", "suicide"),
    ("i took all my tablets", "suicide"),
    ("i wish i was dead", "suicide"),
    ("i wish i was never born", "suicide"),
    ("i want to go to sleep and never wake up", "suicide"),
    ("gonna jump off the bridge", "suicide"),
    ("im going to take my own life", "suicide"),
    ("idc if i die", "suicide"),
    ("I KILL MYSELF EVERY DAY IN MY HEAD", "suicide"),
    ("gonna top myself", "suicide"),
    ("i cant do this anymore", "suicide"),
    ("kill me now i cant do this anymore", "suicide"),
    ("i would kill my self if i could", "suicide"),
    ("i tried to kill myself last year", "suicide"),
    # self-harm
    ("i cut myself again", "self_harm"),
    ("been self harming", "self_harm"),
    ("been self-harming since xmas", "self_harm"),
    ("sh again", "self_harm"),
    ("relapsed sh last night", "self_harm"),
    ("i relapsed on self harm", "self_harm"),
    ("i keep hurting myself", "self_harm"),
    ("i want to hurt myself", "self_harm"),
    ("i cut myself again lol", "self_harm"),
    ("ive been cutting again", "self_harm"),
    ("i cut my arms last night", "self_harm"),
    ("cant stop cutting", "self_harm"),
    ("I can't stop cutting myself", "self_harm"),
    ("burning myself with a lighter", "self_harm"),
    ("urges to sh are bad", "self_harm"),
    ("im harming myself", "self_harm"),
    ("been selfharming", "self_harm"),
    ("i cut again last night", "self_harm"),
    # abuse and exploitation
    ("ive been raped", "sexual_exploitation"),
    ("he raped me", "sexual_exploitation"),
    ("he touched me", "abuse"),
    ("my uncle touched me when i was little", "abuse"),
    ("older man wants me to meet him and says not to tell anyone", "sexual_exploitation"),
    ("someone is making me sell drugs", "forced"),
    ("they're making me carry drugs to other towns", "forced"),
    ("im being groomed", "sexual_exploitation"),
    ("i was sexually assaulted", "sexual_exploitation"),
    ("sexually abused as a kid", "abuse"),
    ("he made me have sex with his mate", "sexual_exploitation"),
    ("he says he will share my nudes", "sexual_exploitation"),
    ("theyve threatened to post my pics", "sexual_exploitation"),
    ("my carer abuses me", "abuse"),
    ("i think my drink was spiked", "sexual_exploitation"),
    ("they spiked my drink", "sexual_exploitation"),
    ("they use my flat to sell drugs", "forced"),
    ("i got pulled into county lines", "forced"),
    ("i owe a dealer and he wants me to work off the debt", "forced"),
    ("he forced me to send pics", "sexual_exploitation"),
    ("my foster dad keeps groping me", "abuse"),
    ("he told me it's our little secret", "sexual_exploitation"),
    # domestic violence and control
    ("he hits me", "domestic_abuse"),
    ("my bf hit me again", "domestic_abuse"),
    ("my boyfriend punched me", "domestic_abuse"),
    ("partner won't let me leave", "domestic_abuse"),
    ("my partner wont let me see my mates", "domestic_abuse"),
    ("scared to go home", "domestic_abuse"),
    ("I'm not safe at home", "domestic_abuse"),
    ("i dont feel safe at home", "domestic_abuse"),
    ("my dad beats me", "domestic_abuse"),
    ("my stepdad kicked me", "domestic_abuse"),
    ("she slapped me again", "domestic_abuse"),
    ("my ex keeps threatening me", "domestic_abuse"),
    ("my gf takes all my money", "domestic_abuse"),
    ("im in an abusive relationship", "domestic_abuse"),
    ("he locked me in the bathroom", "domestic_abuse"),
    ("im scared of my boyfriend", "domestic_abuse"),
    ("got battered by my brother", "domestic_abuse"),
    ("my mums boyfriend hit me", "domestic_abuse"),
    ("domestic abuse", "domestic_abuse"),
    ("he grabbed me by the throat", "domestic_abuse"),
    # violence, threats, weapons, danger
    ("they said they'd stab me", "violence"),
    ("they said theyd stab me", "violence"),
    ("some lads are gonna stab me", "violence"),
    ("he pulled a knife on me", "violence"),
    ("i got jumped last night", "violence"),
    ("someone is following me", "violence"),
    ("I don't feel safe", "violence"),
    ("im in danger", "violence"),
    ("i fear for my life", "violence"),
    ("he threatened to kill me", "violence"),
    ("some lads threatened me outside college", "violence"),
    ("i got stabbed", "violence"),
    ("someone punched me on the bus", "violence"),
    ("the dealers are after me", "violence"),
    ("they're gonna kill me", "violence"),
    ("they held a knife to my throat", "violence"),
    # nowhere safe to sleep tonight
    ("got kicked out and nowhere to sleep tonight", "homelessness"),
    ("sleeping rough tonight", "homelessness"),
    ("sleeping on the streets", "homelessness"),
    ("no where to stay 2nite", "homelessness"),
    ("don't have anywhere to sleep tonight", "homelessness"),
    ("i have nowhere to sleep", "homelessness"),
    ("my mum kicked me out", "homelessness"),
    ("my foster carer threw me out", "homelessness"),
    ("got kicked out of my flat", "homelessness"),
    ("im homeless", "homelessness"),
    ("im homeless tonight", "homelessness"),
    ("need somewhere to stay tonight", "homelessness"),
    ("i've got nowhere safe to stay", "homelessness"),
    ("gonna have to sleep outside tonight", "homelessness"),
    ("ive got no bed for tonight", "homelessness"),
    ("been sleeping on the street for a week", "homelessness"),
    ("kicked out, nowhere to go tonight", "homelessness"),
    ("i got evicted today and have nowhere to go", "homelessness"),
    ("nowere to sleep tonite", "homelessness"),
    # Round 1's held-out misses (written before the patterns, missed by them). Seen since, and
    # fixed with general patterns in round 2: tuning cases now, not held out.
    ("ive been saving up my tablets", "suicide"),
    ("wrote letters to everyone saying goodbye", "suicide"),
    ("i dont see a way out of this, might as well not exist", "suicide"),
    ("i've thought about how i'd do it and i have the pills ready", "suicide"),
    ("no1 would care if i disappeared forever", "suicide"),
    ("i relapsed last night, 3 months clean from cutting gone", "self_harm"),
    ("scratching my arms till they bleed", "self_harm"),
    ("i keep punching walls till my knuckles bleed to feel something", "self_harm"),
    ("my step dad comes in my room at night and i dont like what he does", "abuse"),
    (
        "a guy i met online keeps asking for pics and says hell share them if i dont send more",
        "sexual_exploitation",
    ),
    (
        "this man from the shop gives me free stuff and wants me to go to his house alone",
        "sexual_exploitation",
    ),
    ("got a message saying im dead if i show my face again", "violence"),
    ("been sleeping in a stairwell the last few nights", "homelessness"),
    ("sofa surfing but my mate said i cant stay tonight", "homelessness"),
    ("im in a tent in the park", "homelessness"),
    # issue 16, second round: phrasings the development set showed no rule knew
    ("whats the point applying when i wont be here to move in anyway", "suicide"),
    ("not gonna be around long enough to use the grant", "suicide"),
    ("ive got a plan and a date now, feel calm", "suicide"),
    ("they keep my passport at the restaurant so i cant leave", "forced"),
    ("my boss took my id and says i get it back when the debt is paid", "forced"),
    ("people are threatening to shoot up my flat", "violence"),
    ("his cousins threatened to stab me if i go back to college", "violence"),
]


@pytest.mark.parametrize(("message", "category"), RISK_CASES)
def test_risk_is_found(message: str, category: str) -> None:
    hits = match(message)
    assert hits, message
    assert category in categories(message), (message, hits)


def test_every_category_has_cases() -> None:
    assert CATEGORIES == (
        "suicide",
        "self_harm",
        "sexual_exploitation",
        "abuse",
        "domestic_abuse",
        "forced",
        "violence",
        "homelessness",
    )
    assert {category for _, category in RISK_CASES} == set(CATEGORIES)


# --- Indirect statements (round 2) --------------------------------------------------------------
# What care-leaver safeguarding staff recognise though the risk is never named: passive suicidal
# ideation, goodbyes and giving things away, means and plans, self-harm slang and its marks and
# tools, grooming (gifts, secrecy, pictures), criminal exploitation (a phone, journeys, a debt),
# control told as behaviour, threats told as conditions, and where people sleep with nowhere to go.
# Each class is balanced by everyday messages that use the same words (below).

INDIRECT_RISK: list[tuple[str, str]] = [
    # passive suicidal ideation
    ("i want to sleep and not wake up", "suicide"),
    ("i wish i wasnt here", "suicide"),
    ("everyone would be better off without me tbh", "suicide"),
    ("whats the point of anything anymore", "suicide"),
    ("no one would even notice if i was gone", "suicide"),
    ("nobody would miss me", "suicide"),
    ("might as well be dead", "suicide"),
    ("i just want it all to end", "suicide"),
    ("i wont be around much longer", "suicide"),
    ("id rather die than go back to him", "suicide"),
    # goodbyes, giving things away
    ("ive been giving my stuff away", "suicide"),
    ("i've said my goodbyes", "suicide"),
    ("wrote a letter for when im gone", "suicide"),
    ("left a note for my sister for when im not here", "suicide"),
    ("this is goodbye, thank you for everything", "suicide"),
    ("just wanted to say goodbye to everyone", "suicide"),
    # means, preparation, a plan, a place
    ("been saving pills for weeks", "suicide"),
    ("i have the tablets lined up in front of me", "suicide"),
    ("got enough paracetamol to do it", "suicide"),
    ("i looked up how many paracetamol it takes", "suicide"),
    ("how many sertraline would it take to kill me", "suicide"),
    ("been googling painless ways to die", "suicide"),
    ("whats a lethal dose of paracetamol", "suicide"),
    ("ive worked out how id do it, ive got the rope", "suicide"),
    ("sitting on the edge of the bridge", "suicide"),
    # self-harm: slang, the act and its sign, marks, tools
    ("i sh'd last night", "self_harm"),
    ("struggling with sh", "self_harm"),
    ("been burning my arm with a lighter", "self_harm"),
    ("i punched the wall till my knuckles bled", "self_harm"),
    ("banging my head against the wall to feel something", "self_harm"),
    ("i relapsed, first time cutting in months", "self_harm"),
    ("got my blades out again", "self_harm"),
    ("took the blade out of my sharpener", "self_harm"),
    ("hiding my scars from my carer", "self_harm"),
    ("fresh cuts on my thighs", "self_harm"),
    ("i think i cut too deep", "self_harm"),
    ("i make myself sick after i eat", "self_harm"),
    # abuse: at night, unease, grooming, pictures, exploitation
    ("my uncle comes into my room when everyone is asleep", "abuse"),
    ("i dont like the way he looks at me", "abuse"),
    ("my foster dad makes me feel uncomfortable", "abuse"),
    ("an older man gives me money and lifts and says dont tell anyone", "sexual_exploitation"),
    (
        "this guy i met on snap buys me vapes and wants me to come to his flat",
        "sexual_exploitation",
    ),
    ("a man keeps asking me to send pics", "sexual_exploitation"),
    ("sent him pics and now he says he'll share them", "sexual_exploitation"),
    ("he said hell send my pics to my family if i block him", "sexual_exploitation"),
    ("pay him or hell post the videos", "sexual_exploitation"),
    ("im being blackmailed", "sexual_exploitation"),
    ("they gave me a phone and make me go to other towns", "forced"),
    ("i owe them money and they said i have to work it off", "forced"),
    ("hes 26 and im 16", "sexual_exploitation"),
    ("he told me to delete our messages", "sexual_exploitation"),
    # control at home or from a partner
    ("my boyfriend goes mad if i talk to other lads", "domestic_abuse"),
    ("he makes me share my location", "domestic_abuse"),
    ("she wants all my passwords", "domestic_abuse"),
    ("im not allowed to see my mates, my boyfriend says", "domestic_abuse"),
    ("always walking on eggshells around him", "domestic_abuse"),
    ("scared to break up with him", "domestic_abuse"),
    ("he says hell kill himself if i leave", "domestic_abuse"),
    ("my ex keeps turning up at my work", "domestic_abuse"),
    # threats
    ("he said hes gonna get me", "violence"),
    ("hell hurt my sister if i tell", "violence"),
    ("theyll hurt my mum if i dont pay", "violence"),
    ("theyre waiting outside my flat", "violence"),
    ("these lads keep hanging around outside my flat", "violence"),
    ("im dead if i go back to the estate", "violence"),
    ("got a text saying im dead", "violence"),
    ("they want me dead", "violence"),
    # nowhere safe to sleep tonight
    ("ive got nowhere to go tonight", "homelessness"),
    ("sofa surfing and they want me gone tonight", "homelessness"),
    ("my mate said i cant stay anymore", "homelessness"),
    ("sleeping in a stairwell tonight", "homelessness"),
    ("slept at the bus station last night", "homelessness"),
    ("been sleeping in the park", "homelessness"),
    ("im sleeping in my car tonight", "homelessness"),
    ("got kicked out and its late", "homelessness"),
    ("where am i going to sleep tonight", "homelessness"),
    ("my carer told me to get out tonight", "homelessness"),
]


@pytest.mark.parametrize(("message", "category"), INDIRECT_RISK)
def test_indirect_risk_is_found(message: str, category: str) -> None:
    assert category in categories(message), match(message)


# Hyperbole, jokes, past-and-fine, other people's news, and everyday care-leaver questions that
# share words with the indirect patterns.
INDIRECT_SAFE: list[str] = [
    # the brief's everyday questions with scary words
    # (the brief's two eviction questions, "im getting evicted next month, can you help" and
    # "might get evicted if i dont pay the arrears", are concerns since issue 16: see CONCERNS)
    "my nan died, can i get help with the funeral",
    "i burned my dinner",
    "my mate sends me pics of his dog",
    "my older brother gave me a lift",
    "dont tell anyone but im applying for uni",
    # goodbyes, giving away, saving
    "said my goodbyes to everyone at college on my last day",
    "moving out tomorrow, said my goodbyes to my foster carers",
    "said my goodbyes and left the party early",
    "my pa is leaving, i want to say goodbye to her",
    "someone left a note saying goodbye to the old landlord",
    "giving my old clothes away to the charity shop",
    "im saving up for a new phone",
    "collecting my tablets from the pharmacy",
    "im saving my tablets for when i go on holiday",
    "i have my tablets ready for the morning",
    "how many paracetamol can i take in a day",
    "looked up how to end my tenancy",
    "whats the quickest way to get a passport",
    "what's a lethal dose of caffeine lol",
    # hyperbole and everyday frustration
    "whats the point of the pathway plan",
    "whats the point of even trying to save when rent keeps going up",
    "i wont be here next week, im on holiday",
    "no one would care if i left college",
    "no one will miss me at the party lol",
    "i might as well die my hair pink",
    "id rather die than eat sprouts",
    "my cold is so bad i want to sleep forever",
    # skin, kitchens, shaving, other relapses
    "my eczema is so bad i scratch my arms till they bleed",
    "i burnt my arm on the oven",
    "fresh cuts on my arm from the cat",
    "hid my scars from my operation",
    "i bought new razor blades for shaving",
    "i had a blade in my toolbox for work",
    "i relapsed on weed",
    "3 months sober and relapsed",
    "i make myself sick with worry about money",
    # family, carers, partners, workers
    "my foster carer comes in my room at night to check on me",
    "my little sister gets in my bed at night cos she has nightmares",
    "i dont like what he does with his hair",
    "public speaking makes me uncomfortable",
    "the council asked for pics of the mould",
    "my pa asked me to send photos of my flat",
    "my boyfriend asked for a selfie",
    "she said shell send the photos to everyone from the party",
    "my nan gave me money for my birthday",
    "my foster carer gave me a phone for emergencies",
    "i owe money on my phone contract",
    "i owe my mate a tenner, he said i can pay him back next week",
    "my job makes me travel to other cities",
    "hes 22 and im 19",
    "my brother is 25 and im 17",
    "he told me to keep it a secret, its for her birthday",
    "my boyfriend gets jealous when i go out without him lol",
    "my mum goes mad when i dont tidy my room",
    "im not allowed to have pets in my flat",
    # people outside, threats that are not
    "the delivery guys are waiting outside my flat with my sofa",
    "my mates are waiting outside my flat",
    "they keep turning up at my flat to fix the boiler",
    "im dead if i show up late again",
    "my mum will kill me if i tell her i failed",
    # sleeping somewhere
    "i slept in a tent at reading festival",
    "slept in the car waiting for the ferry",
    "im in the car, will ring you back",
    "i was sitting by the railway line waiting for my train",
    "im sleeping on my mates sofa tonight after the party",
    "my mate said i cant stay tonight because his mum is visiting",
    "im sofa surfing at a mates, does that count as homeless",
    "i used to sofa surf before i got my flat",
    "i used to live in a tent when i was homeless, now i have a flat",
    "she told me to leave now or i'd miss the bus",
    "locked out of my universal credit journal",
    # issue 16, second round: the same words, everyday
    "i wont be here to sign for the parcel, can u leave it with next door",
    "i wont be around by then, im on holiday that week",
    "i wont be here anyway, going to my nans for the weekend",
    "got a plan and a date for my driving test",
    "we have a time and a place for the meeting with my pa",
    "my boss took my passport copy for the right to work check",
    "work keeps my id details on file",
    "the film was about a gang threatening to shoot up a school",
]


@pytest.mark.parametrize("message", INDIRECT_SAFE)
def test_indirect_look_alikes_do_not_fire(message: str) -> None:
    assert not match(message), match(message)


INDIRECT_DENIED: list[str] = [
    "im not saving up my tablets, dont worry",
    "i havent given my stuff away",
    "i dont have the pills ready",
    "i didnt look up how many paracetamol it takes",
    "i havent relapsed, still clean from cutting",
    "he never comes in my room at night",
    "he doesnt make me share my location",
    "im not sofa surfing anymore, got my flat",
]


@pytest.mark.parametrize("message", INDIRECT_DENIED)
def test_indirect_denied_is_not_a_risk(message: str) -> None:
    assert not match(message), match(message)


@pytest.mark.parametrize(
    "message",
    [
        "whats the point of anything lol",
        "i might as well be dead lol",
        "theyre waiting outside my flat lol",
        "im dead if i show my face again lmao",
    ],
)
def test_joke_marker_suppresses_indirect_hyperbole(message: str) -> None:
    assert not match(message), match(message)


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("no one would care if i died 😂", "suicide"),
        ("i saved up my tablets lol", "suicide"),
        ("scratching my arms till they bleed lol", "self_harm"),
        ("wrote a letter for when im gone haha", "suicide"),
    ],
)
def test_joke_marker_never_hides_an_indirect_disclosure(message: str, category: str) -> None:
    assert category in categories(message), match(message)


# --- Jokes, hyperbole and figures of speech -----------------------------------------------------

FIGURES_OF_SPEECH: list[str] = [
    "this exam is killing me lol",
    "I could murder a pizza",
    "I'm dying to see the new film",
    "my phone is dead",
    "kill me now this queue is long lol",
    "kill me now",
    "someone kill me",
    "the gym is killing me",
    "dead tired",
    "I'm dead 😂",
    "im dead 💀💀",
    "that's sick",
    "my mate's hitting the gym",
    "I'm going to kill my brother he ate my chips lol",
    "the heat is unbearable",
    "I'm scared of my exam results",
    "I'm cutting down on sugar",
    "im cutting carbs",
    "I cut my hair",
    "paper cut",
    "my flat is a dump",
    "kicked out of the pub lol",
    "got kicked out of the club lol",
    "hurt my knee playing football",
    "i cut myself shaving",
    "burnt myself on the oven",
    "hurt myself at the gym",
    "i want to die of embarrassment",
    "i could die of embarrassment",
    "my mum's going to kill me when she sees my room",
    "hit me up when you're free",
    "my brother beat me at fifa",
    "she grabbed me a coffee",
    "my PA pushed me to apply for uni",
    "i'm going to end it with my boyfriend",
    "thinking of ending things with him",
    "my laptop is dying",
    "i nearly died laughing",
    "that film slaps",
    "we smashed it at the quiz",
    "she killed it at her interview",
    "i need to top myself up on my phone",
    "i overdosed on netflix lol",
    "im starving",
    "my landlord is a nightmare",
    "i cant go on holiday this year",
    "no point going on the trip if its raining",
    "i dont want to live with my foster carer anymore",
    "i dont want to be here, this college is boring",
    "shot me a text earlier",
    "i'm in danger of failing my course",
    "my foster carer looked after me really well",
    "my mum is waiting for me at home",
    "dog grooming course",
    "i'm going to die if this queue gets any longer",
    "i need to sleep tonight, got an early shift",
    "he's got me a job interview",
    "my mates really get me",
    "the damp is killing me",
    "my head is killing me",
    "she's gonna kill me for being late lol",
]


@pytest.mark.parametrize("message", FIGURES_OF_SPEECH)
def test_figures_of_speech_do_not_fire(message: str) -> None:
    assert not match(message), match(message)


# --- Negation: both ways -------------------------------------------------------------------------

DENIED: list[str] = [
    "I'm not going to hurt myself, I just need money",
    "I would never kill myself",
    "not suicidal just skint",
    "I don't self harm anymore, that was years ago",
    "i'm not gonna kill myself dont worry",
    "i have never self harmed",
    "he didnt hit me, he just shouted",
    "i havent cut in over a year",
    "im not homeless, i just need a deposit",
    "i no longer self harm",
    "i stopped self harming ages ago",
    "no suicidal thoughts, just stressed",
    "i wouldnt ever hurt myself",
    "i dont want to die, i want to get better",
    "i'm not being abused",
]

NEGATED_BUT_RISK: list[tuple[str, str]] = [
    ("I don't want to be here anymore", "suicide"),
    ("I don't want to live", "suicide"),
    ("I can't go on", "suicide"),
    ("I can't keep myself safe", "suicide"),
    ("I'm not safe at home", "domestic_abuse"),
    ("I don't feel safe", "violence"),
    ("don't have anywhere to sleep tonight", "homelessness"),
    ("I don't see the point in living", "suicide"),
    ("no reason to live", "suicide"),
    ("im not ok i want to die", "suicide"),
    ("i'm not joking i want to kill myself", "suicide"),
    ("i dont know why but i keep cutting myself", "self_harm"),
    ("he won't let me leave the flat", "domestic_abuse"),
    ("i havent got anywhere to stay tonight", "homelessness"),
    ("I can't stop hurting myself", "self_harm"),
]


@pytest.mark.parametrize("message", DENIED)
def test_denied_or_past_is_not_a_risk(message: str) -> None:
    assert not match(message), match(message)


@pytest.mark.parametrize(("message", "category"), NEGATED_BUT_RISK)
def test_negated_phrases_that_are_risks_still_fire(message: str, category: str) -> None:
    assert category in categories(message), match(message)


MIXED_CLAUSES: list[tuple[str, tuple[str, ...]]] = [
    ("I'm not going to hurt myself but he hit me last night", ("domestic_abuse",)),
    ("not suicidal, but my bf hits me", ("domestic_abuse",)),
    ("i dont self harm anymore but i have nowhere to sleep tonight", ("homelessness",)),
    ("he hit me again and i want to die", ("suicide", "domestic_abuse")),
    (
        "got kicked out last night. sleeping rough. honestly i wanna kms",
        ("suicide", "homelessness"),
    ),
    ("i wouldnt hurt myself. but someone is making me sell drugs", ("forced",)),
]


@pytest.mark.parametrize(("message", "expected"), MIXED_CLAUSES)
def test_mixed_clauses(message: str, expected: tuple[str, ...]) -> None:
    assert categories(message) == expected


# --- Jokes: soft phrases give way, explicit statements never do ---------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "i cant take this anymore lol",
        "they're gonna kill me haha",
        "i cant cope anymore with this queue 😂",
        "i want to disappear lmao",
        "he said he'd kill me if i ate his chips lol",
    ],
)
def test_joke_marker_suppresses_hyperbole(message: str) -> None:
    assert not match(message), match(message)


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("i want to kill myself lol", "suicide"),
        ("kms lmao", "suicide"),
        ("i wanna die haha", "suicide"),
        ("cut myself again lol", "self_harm"),
        ("jk but honestly i dont want to be here anymore", "suicide"),
        ("i cant take this anymore, not joking", "suicide"),
        ("no joke i cant cope anymore", "suicide"),
    ],
)
def test_joke_marker_never_hides_an_explicit_statement(message: str, category: str) -> None:
    assert category in categories(message), match(message)


# --- The shared dev set --------------------------------------------------------------------------


def _dev_set() -> list[dict[str, object]]:
    return [json.loads(line) for line in DEV_SET.read_text().splitlines() if line.strip()]


_DEV = _dev_set()
_DEV_CATEGORY = {
    "I don't want to be here anymore, I'm thinking of ending it": "suicide",
    "my boyfriend hit me again last night and I'm scared to go home": "domestic_abuse",
    "I got kicked out and I've got nowhere to sleep tonight": "homelessness",
}


@pytest.mark.parametrize("row", _DEV, ids=[str(row["q"])[:40] for row in _DEV])
def test_dev_set(row: dict[str, object]) -> None:
    question = str(row["q"])
    hits = match(question)
    assert bool(hits) is row["safeguarding"], hits
    if question in _DEV_CATEGORY:
        assert _DEV_CATEGORY[question] in categories(question), hits


def test_dev_set_has_the_three_risks() -> None:
    assert sum(bool(row["safeguarding"]) for row in _DEV) == 3


# --- Everyday care-leaver questions must not fire ----------------------------------------------

EVERYDAY: list[str] = [
    "how much is the setting up home grant",
    "my boiler's broken",
    "my boilers broke again and its freezing",
    "I'm skint",
    "im skint till friday",
    "how do I kill a spider in my flat",
    "how do i kill the mould in my bathroom",
    "can i get help with my gas bill",
    "my electric has run out",
    "how do i pay my council tax",
    "when does my bursary get paid",
    "i want to go to college in september",
    "can i get a laptop for uni",
    "i need a new bed for my flat",
    "how do i bid on a house",
    "my housing benefit has stopped",
    "my universal credit is late",
    "can my pa come with me to the job centre",
    "i lost my job today",
    "i got sacked",
    "i need help with my cv",
    "where can i get a food parcel",
    "i've got no food till payday",
    "my rent is going up",
    "my landlord wants to put the rent up",
    "can i stay put with my foster carer",
    "i want to move out of my foster home",
    "how do i get my passport",
    "can i see my care records",
    "i'm pregnant and scared",
    "i'm scared about moving into my own flat",
    "i feel really lonely",
    "i'm so stressed",
    "i've been feeling low",
    "my anxiety is bad today",
    "can i talk to someone about my mental health",
    "i need a doctor",
    "my baby is teething and won't sleep",
    "my flat is freezing",
    "the lift in my block is broken",
    "can i get a bus pass",
    "can you help me with driving lessons",
    "can i get money for a suit for my interview",
    "i got into uni!!",
    "i passed my exams",
    "i failed my exams",
    "my mate is staying over tonight",
    "i'm staying at my girlfriends tonight",
    "i'm going out tonight",
    "my boyfriend is moving in with me, does that affect my benefits",
    "my partner works, will that change my council tax",
    "can my girlfriend come to the christmas dinner",
    "i need a new phone mine is smashed",
    "i hate my job",
    "i hate my life sometimes lol",
    "my neighbours are loud",
    "there's a fight outside my flat every weekend",
    "how do i complain about my pa",
    "i want to join the football team",
    "i'm thinking of ending my tenancy and moving back to my home town",
    "i want to end my contract with my phone company",
    "what time does the office close",
    "is there a bike scheme",
    "cut off my electric, help",
    "they cut my benefits",
    "can i get my hair cut for free",
    "i need to cut back on spending",
    "my washing machine is dead",
    "the kettle died",
    "my car died on the motorway",
    "my PA is amazing",
    "how do i get a bank account",
    "i don't know how to cook",
    "kicked the ball into my neighbours garden",
    "i want to kick my smoking habit",
    "i keep missing the bus",
    "my phone got stolen",
    "i want to apply for a council flat",
    "i'm homeless in a month when my tenancy ends, what help is there",
    "where do i go if i become homeless",
    "how do i apply as homeless",
    "do you know the homeless team number",
    "i'm 19 and still in care, what happens at 21",
    "what's the care leavers covenant",
    "my mum wants me to visit at christmas",
    "my dad passed away",
    "i miss my sister",
    "how do i find my birth family",
    "can i get help with a deposit",
    "what's a pathway plan",
    "im dead excited for the trip",
    "i want to learn to drive",
    "the bus driver shouted at me",
    "someone hit my car",
    "my phone is on 1 percent, kill me",
    "literally dying of heat",
]


@pytest.mark.parametrize("message", EVERYDAY)
def test_everyday_questions_do_not_fire(message: str) -> None:
    assert not match(message), match(message)


# --- The phrase, the result type, edge cases -----------------------------------------------------


@pytest.mark.parametrize(
    ("message", "phrase"),
    [
        ("I wanna KMS tbh", "KMS"),
        ("honestly I don\u2019t want to be here anymore", "don\u2019t want to be here anymore"),
        ("my bf hit me again", "bf hit me"),
        ("no where to stay 2nite!!", "no where to stay"),
        ("I cut myself again.", "cut myself"),
        ("Self-harming again", "Self-harm"),
        ("i'm   thinking   of   ending it", "thinking   of   ending it"),
        ("they said they'd stab me", "said they'd stab me"),
    ],
)
def test_phrase_is_the_original_words(message: str, phrase: str) -> None:
    phrases = [hit.phrase for hit in match(message)]
    assert any(phrase in found or found in phrase for found in phrases), phrases
    assert all(found in message for found in phrases), phrases


def test_hits_are_distinct_and_in_message_order() -> None:
    assert match("he hit me again and i want to die, he hit me again") == [
        RuleHit("domestic_abuse", "he hit me", HIGH, "hits_me"),
        RuleHit("suicide", "want to die", HIGH, "want_to_die"),
    ]
    assert categories("he hit me again and i want to die, he hit me again") == (
        "suicide",
        "domestic_abuse",
    )


def test_categories_are_in_categories_order() -> None:
    message = "nowhere to sleep tonight and i want to kill myself"
    assert categories(message) == ("suicide", "homelessness")
    assert match(message)[0].category == "homelessness"


@pytest.mark.parametrize("message", ["", "   ", "\n\t", "!!!", "😂😂", "...", "?"])
def test_empty_and_punctuation_only(message: str) -> None:
    assert match(message) == []


def test_hits_are_frozen() -> None:
    (hit,) = match("i want to die")
    with pytest.raises(AttributeError):
        hit.category = "x"  # type: ignore[misc]


def test_unusual_characters_do_not_break_phrases() -> None:
    message = "İstanbul trip was great 👍 but honestly i want to die"
    assert match(message) == [RuleHit("suicide", "want to die", HIGH, "want_to_die")]


LONG_SAFE = ("I need help with my rent and my bills this month, can my PA ring me? " * 75)[:5000]
LONG_RISK = LONG_SAFE[:4900] + " i want to kill myself"


def test_a_risk_at_the_end_of_a_long_message_is_found() -> None:
    """How long screening takes is measured in bench/ (safeguarding_screen_ms_*), never
    asserted here: a busy CI machine would fail a timed test for nothing."""
    assert len(LONG_SAFE) == 5000
    assert not match(LONG_SAFE)
    assert categories(LONG_RISK) == ("suicide",)


def test_the_speed_gate_never_changes_a_result() -> None:
    """match() skips rules whose first risk word is absent; that must be a pure speed-up."""
    messages = [
        *(message for message, _ in RISK_CASES),
        *FIGURES_OF_SPEECH,
        *DENIED,
        *(message for message, _ in NEGATED_BUT_RISK),
        *(message for message, _ in MIXED_CLAUSES),
        *EVERYDAY,
        *(message for message, _ in HELD_OUT_RISK),
        *HELD_OUT_SAFE,
        *(message for message, _ in INDIRECT_RISK),
        *INDIRECT_SAFE,
        *INDIRECT_DENIED,
        *(str(row["q"]) for row in _DEV),
        LONG_RISK,
    ]
    for message in messages:
        assert RULES.match(message, gated=True) == RULES.match(message, gated=False), message


# --- Held out: results ---------------------------------------------------------------------------
# Misses on the held-out lists. Round 1 (the first and only run before anyone looked): risk 27/42
# flagged (64%), every flag in an acceptable category; false alarms 0/63. Its 15 misses were
# recorded here, then fixed in round 2 and moved to RISK_CASES. Nothing is marked now; a miss
# found on the lists that remain would be recorded here rather than fixed.
HELD_OUT_MISSED_RISK: dict[str, str] = {}
HELD_OUT_FALSE_ALARMS: dict[str, str] = {}


def _held_out_risk_params() -> list[object]:
    params: list[object] = []
    for message, categories in HELD_OUT_RISK:
        marks = []
        if message in HELD_OUT_MISSED_RISK:
            marks.append(pytest.mark.xfail(strict=True, reason=HELD_OUT_MISSED_RISK[message]))
        params.append(pytest.param(message, categories, marks=marks, id=message[:40]))
    return params


def _held_out_safe_params() -> list[object]:
    params: list[object] = []
    for message in HELD_OUT_SAFE:
        marks = []
        if message in HELD_OUT_FALSE_ALARMS:
            marks.append(pytest.mark.xfail(strict=True, reason=HELD_OUT_FALSE_ALARMS[message]))
        params.append(pytest.param(message, marks=marks, id=message[:40]))
    return params


@pytest.mark.parametrize(("message", "acceptable"), _held_out_risk_params())
def test_held_out_risk(message: str, acceptable: tuple[str, ...]) -> None:
    assert set(acceptable) & set(categories(message)), match(message)


@pytest.mark.parametrize("message", _held_out_safe_params())
def test_held_out_safe(message: str) -> None:
    assert not match(message), match(message)


# --- Severity (issue 16) ------------------------------------------------------------------------
# immediate: the words say it is happening now, the means are at hand, someone is there;
# high: a serious risk not described as this minute; concern: a worry to see soon.

SEVERITY_CASES: list[tuple[str, str, str]] = [
    ("took loads of pills", "suicide", IMMEDIATE),
    ("i took all my tablets", "suicide", IMMEDIATE),
    ("i took an overdose", "suicide", IMMEDIATE),
    ("i have the tablets lined up in front of me", "suicide", IMMEDIATE),
    ("sitting on the edge of the bridge", "suicide", IMMEDIATE),
    ("I can't keep myself safe", "suicide", IMMEDIATE),
    ("this is goodbye, thank you for everything", "suicide", IMMEDIATE),
    ("i wont be here by the morning", "suicide", IMMEDIATE),
    ("im going to take all my pills", "suicide", HIGH),
    ("thinking about suicide a lot", "suicide", HIGH),
    ("i tried to kill myself last year", "suicide", HIGH),
    ("i wont be around much longer", "suicide", HIGH),
    ("i think i cut too deep", "self_harm", IMMEDIATE),
    ("i cut myself again", "self_harm", HIGH),
    ("theyre waiting outside my flat", "violence", IMMEDIATE),
    ("im in danger", "violence", IMMEDIATE),
    ("they said they'd stab me", "violence", HIGH),
    ("my boyfriend punched me", "domestic_abuse", HIGH),
    ("he told me it's our little secret", "sexual_exploitation", HIGH),
    ("i got pulled into county lines", "forced", HIGH),
    ("my carer abuses me", "abuse", HIGH),
    ("sleeping rough tonight", "homelessness", IMMEDIATE),
    ("got kicked out and nowhere to sleep tonight", "homelessness", IMMEDIATE),
    ("gotta sleep in the car tonight", "homelessness", IMMEDIATE),
    ("been sleeping in a stairwell the last few nights", "homelessness", IMMEDIATE),
    ("im homeless tonight", "homelessness", IMMEDIATE),
    ("ill be homeless tomorrow", "homelessness", HIGH),
    ("i could end up on the streets", "homelessness", HIGH),
    ("my mum kicked me out", "homelessness", HIGH),
    ("my mate said i cant stay anymore", "homelessness", HIGH),
]


@pytest.mark.parametrize(("message", "category", "expected"), SEVERITY_CASES)
def test_severity_says_how_soon(message: str, category: str, expected: str) -> None:
    hits = [hit for hit in match(message) if hit.category == category]
    assert hits, match(message)
    assert severity(message) == expected, hits


# --- Homelessness: concern, not an emergency (issue 16) ------------------------------------------
# The old rules did not fire on an eviction still to come, or fired on "my landlord says im getting
# evicted" as if there were nowhere to sleep tonight ("call 999 now"). Now they are concerns.

CONCERNS: list[str] = [
    "my landlord says im getting evicted",
    "im getting evicted next month, can you help",
    "might get evicted if i dont pay the arrears",
    "im being evicted on friday",
    "got an eviction notice today",
    "got my eviction letter",
    "landlord gave me a section 21, i have 2 months, what do i do",
    "theres a possession order on my flat",
    "got a notice seeking possession?? what does that even mean",
    "housing officer said im at risk of eviction cos of the arrears",
    "my landlord wants to evict me",
    "i think theyre gonna evict me",
    "rent arrears letter again 😩",
    "got a letter about my rent arrears",
    "my neighbour is getting evicted and im next",
]

CONCERN_CONTRASTS: list[str] = [
    "evicted from the game lobby lol",
    "the band got evicted from the big brother house",
    "im getting evicted from the lobby",
    "getting evicted lol",
    "the council are going to evict my neighbour",
    "the landlord is evicting the family downstairs",
    "can the council help with rent arrears",
    "i'm homeless in a month when my tenancy ends, what help is there",
    "how do i pay off my council tax arrears",
]


@pytest.mark.parametrize("message", CONCERNS)
def test_eviction_to_come_is_a_homelessness_concern(message: str) -> None:
    assert categories(message) == ("homelessness",), match(message)
    assert severity(message) == CONCERN, match(message)


@pytest.mark.parametrize("message", CONCERN_CONTRASTS)
def test_eviction_words_in_everyday_talk_are_not_a_concern(message: str) -> None:
    assert not match(message), match(message)


def test_eviction_tonight_is_more_than_a_concern() -> None:
    assert severity("i got evicted today and have nowhere to go") == IMMEDIATE
    assert severity("im getting evicted and have nowhere to sleep tonight") == IMMEDIATE
    assert severity("im getting evicted tonight") == HIGH


# --- The rule set ---------------------------------------------------------------------------------


def test_rule_names_are_unique_in_each_category() -> None:
    from chat.safeguarding.detector.rules import _MODULES

    for module in _MODULES:
        names = [item.name for item in module.PHRASINGS]
        assert len(names) == len(set(names)), module.CATEGORY
        assert all(rule.category == module.CATEGORY for rule in module.RULES)


def test_codes_agree_with_the_detector_and_the_crisis_reply() -> None:
    from chat.safeguarding import crisis
    from chat.safeguarding.detector import CATEGORIES as DETECTOR_CATEGORIES

    assert tuple(DETECTOR_CATEGORIES) == CATEGORIES
    assert (IMMEDIATE, HIGH, CONCERN) == crisis.SEVERITIES
    assert {rule.severity for rule in RULES.rules} == {IMMEDIATE, HIGH, CONCERN}


def test_every_rule_is_gated_or_checked_on_every_message() -> None:
    """The speed trick: a rule with no gate would run on every message; few may."""
    ungated = [rule.name for rule in RULES.rules if rule.gate is None]
    assert len(ungated) <= 5, ungated


@pytest.mark.parametrize(
    "message",
    ["on the street tonight", "out on the streets again tonight", "gonna be on the street tonight"],
)
def test_a_message_that_is_only_where_they_are_tonight_is_immediate(message):
    assert [(hit.category, hit.severity) for hit in match(message)] == [
        ("homelessness", "immediate")
    ]


@pytest.mark.parametrize(
    "message",
    ["on the street where i live theres a party tonight", "my mate on the street said hi"],
)
def test_a_street_that_is_only_an_address_is_not_homelessness(message):
    assert match(message) == []
