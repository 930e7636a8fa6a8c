"""Shim (issue 16): the safeguarding rules moved to `chat.safeguarding.detector.rules`.

Kept only because chat/texts.py, chat/services.py, chat/bot/service.py, chat/bot/alerts.py and
chat/bot/models.py still import it; to be removed once they call `chat.safeguarding`. It answers
as before: the old six category codes, and no "concern" hits (the old module never fired on an
eviction still to come, and its callers would treat any hit as nowhere to sleep tonight).
"""

from __future__ import annotations

from dataclasses import dataclass

from chat.safeguarding.detector.rules import CONCERN, RULES

__all__ = ["CATEGORIES", "Assessment", "Risk", "assess"]

CATEGORIES: dict[str, str] = {
    "suicide": "Thoughts of suicide or ending their life",
    "self_harm": "Self-harm",
    "abuse": "Abuse or exploitation (sexual, physical, emotional, criminal, grooming)",
    "domestic_violence": "Violence or control at home or from a partner",
    "violence": "Threatened with violence, weapons, or in danger from someone",
    "homeless_tonight": "Nowhere safe to sleep tonight",
}
_OLD_CODE = {
    "suicide": "suicide",
    "self_harm": "self_harm",
    "sexual_exploitation": "abuse",
    "abuse": "abuse",
    "forced": "abuse",
    "domestic_abuse": "domestic_violence",
    "violence": "violence",
    "homelessness": "homeless_tonight",
}
_ORDER = {code: index for index, code in enumerate(CATEGORIES)}


@dataclass(frozen=True)
class Risk:
    category: str  # one of CATEGORIES' keys
    phrase: str  # the words in the message that matched, as written


@dataclass(frozen=True)
class Assessment:
    risks: tuple[Risk, ...]

    @property
    def at_risk(self) -> bool:
        return bool(self.risks)

    @property
    def categories(self) -> tuple[str, ...]:
        """Distinct categories, in CATEGORIES order."""
        return tuple(sorted({risk.category for risk in self.risks}, key=_ORDER.__getitem__))


def assess(text: str) -> Assessment:
    """Read one message and say which risks, if any, it shows (old codes; see the docstring)."""
    return _assess(text, gated=True)


def _assess(text: str, *, gated: bool) -> Assessment:
    hits = [hit for hit in RULES.match(text, gated=gated) if hit.severity != CONCERN]
    risks: list[Risk] = []
    for hit in hits:
        risk = Risk(_OLD_CODE[hit.category], hit.phrase)
        # Old abuse was one category: a phrase inside another of it was one risk, not two.
        inside = any(
            _OLD_CODE[other.category] == risk.category
            and risk.phrase != other.phrase
            and risk.phrase in other.phrase
            for other in hits
        )
        if not inside and risk not in risks:
            risks.append(risk)
    return Assessment(tuple(risks))
