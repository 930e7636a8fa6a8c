"""The words the portal uses for a young person's situation, in one place.

The codes are the contract's (`../shared/contract/entitlements.json`); the labels are what a young
person reads, in plain English (see `../shared/DOMAIN.md` for the words young people chose).
"""

from django.db import models


class LeavingCareStatus(models.TextChoices):
    """Leaving-care status under the Children (Leaving Care) Act 2000."""

    ELIGIBLE = "eligible", "Eligible: 16 or 17 and still in care"
    RELEVANT = "relevant", "Relevant: 16 or 17 and have left care"
    FORMER_RELEVANT = "former_relevant", "Former relevant: 18 to 25 and were in care at 16 or 17"
    QUALIFYING = "qualifying", "Qualifying: left care after 16 in another way"

    @property
    def short_label(self) -> str:
        """The status's name without its explanation ("Former relevant"), for tables."""
        return self.label.split(":")[0]


class Circumstance(models.TextChoices):
    """Circumstances that some entitlements depend on."""

    OWN_HOME = "own_home", "I live in my own home (my own tenancy)"
    WITH_FORMER_FOSTER_CARER = (
        "with_former_foster_carer",
        "I live with the person who cared for me (Staying Put)",
    )
    IN_FURTHER_EDUCATION = "in_further_education", "I'm at college or sixth form"
    IN_HIGHER_EDUCATION = "in_higher_education", "I'm at university"
    IN_APPRENTICESHIP = "in_apprenticeship", "I'm doing an apprenticeship"
    IN_WORK = "in_work", "I'm working"
    VOLUNTEERING_OR_TRAINING = "volunteering_or_training", "I'm volunteering or training"
    NOT_IN_EDUCATION_OR_WORK = (
        "not_in_education_or_work",
        "I'm not in education, training or work at the moment",
    )
    PARENT_OR_PREGNANT = "parent_or_pregnant", "I'm a parent or expecting a baby"
    UNACCOMPANIED_ASYLUM_SEEKER = (
        "unaccompanied_asylum_seeker",
        "I came to the UK alone to seek asylum",
    )
    AT_RISK_OF_HOMELESSNESS = (
        "at_risk_of_homelessness",
        "I might lose my home or have nowhere to stay",
    )


class ContactPreference(models.TextChoices):
    """How a young person likes their Personal Adviser (PA) to get in touch."""

    TEXT = "sms", "By text message"
    PORTAL = "web", "Messages on this website"
    CALL = "call", "A phone call"
