"""The risk detector: `assess(text, context=())` says which risks a message shows, how severe,
and why. Callers outside `chat.safeguarding` use `services.screen_message`, not this.

(Interim: this wraps the rule module of issue 9 until the rules are split by category and the
learned model lands; the interface below is the one the rest of the portal uses.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chat.safeguarding.crisis import HIGH, IMMEDIATE, SEVERITIES

__all__ = ["CATEGORIES", "Assessment", "Risk", "assess"]

CATEGORIES: dict[str, str] = {
    "suicide": "Thoughts of suicide or ending their life",
    "self_harm": "Self-harm, including not eating",
    "sexual_exploitation": "Sexual exploitation or grooming",
    "abuse": "Abuse or neglect by carers, hosts, staff or family",
    "domestic_abuse": "Violence or coercive control from a partner or at home",
    "forced": "Forced or coerced: forced marriage, trafficking, criminal exploitation",
    "violence": "Threatened with violence or in danger from someone",
    "homelessness": "Nowhere safe to sleep, or losing their home",
}
_ORDER = {code: index for index, code in enumerate(CATEGORIES)}
_SEVERITY_ORDER = {code: index for index, code in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Risk:
    category: str  # one of CATEGORIES' keys
    phrase: str  # the words that matched, as written (a rule), or the message (the model)
    severity: str = HIGH  # IMMEDIATE, HIGH or CONCERN
    evidence: str = ""  # why, for staff: "rule: took them all" or "model: 0.93, like ..."


@dataclass(frozen=True)
class Assessment:
    risks: tuple[Risk, ...]
    degraded: bool = False  # the model failed and the rules alone decided (still alerts)

    @property
    def at_risk(self) -> bool:
        return bool(self.risks)

    @property
    def categories(self) -> tuple[str, ...]:
        """Distinct categories, in CATEGORIES order."""
        return tuple(sorted({risk.category for risk in self.risks}, key=_ORDER.__getitem__))

    @property
    def severity(self) -> str | None:
        """The most urgent severity found, or None when there is no risk."""
        if not self.risks:
            return None
        return min((risk.severity for risk in self.risks), key=_SEVERITY_ORDER.__getitem__)

    @property
    def evidence(self) -> list[str]:
        return [risk.evidence or risk.phrase for risk in self.risks]


_OLD_TO_NEW = {"domestic_violence": "domestic_abuse", "homeless_tonight": "homelessness"}


def assess(text: str, *, context: Sequence[str] = ()) -> Assessment:
    """Read one message, with up to three earlier ones from the same young person (oldest
    first), and say which risks it shows."""
    from chat.bot import safeguarding as old

    found = old.assess(text)
    risks = tuple(
        Risk(
            _OLD_TO_NEW.get(risk.category, risk.category),
            risk.phrase,
            IMMEDIATE if risk.category == "homeless_tonight" else HIGH,
            f"rule: {risk.phrase}",
        )
        for risk in found.risks
    )
    return Assessment(risks)

