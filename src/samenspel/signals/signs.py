"""What a signaller may have noticed: a short signaleringskaart in Samenspel's own words.

The signs follow the kinds of cue the handbook's signallers meet in their work (care providers
§2.8, caring residents §2.2, neighbourhood teams §2.6): changes in contact, in daily life and in
what a person says. They help a signaller put a worry into words; none of them proves loneliness.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sign(models.TextChoices):
    FEW_VISITORS = "few_visitors", _("Krijgt zelden of nooit bezoek")
    STAYS_INSIDE = "stays_inside", _("Komt nauwelijks nog buiten de deur")
    WITHDRAWS = "withdraws", _("Trekt zich terug uit contacten of activiteiten")
    RECENT_LOSS = "recent_loss", _("Heeft kort geleden iemand verloren")
    LIFE_CHANGE = "life_change", _("Grote verandering: verhuizing, pensioen, ziekte, scheiding")
    SAYS_ALONE = "says_alone", _("Vertelt zich alleen of leeg te voelen")
    NEGLECT = "neglect", _("Verwaarloost zichzelf of het huis")
    SEEKS_CONTACT = "seeks_contact", _("Zoekt opvallend veel contact met hulpverleners")
    NO_NETWORK = "no_network", _("Heeft niemand om op terug te vallen")
    OTHER = "other", _("Iets anders (licht toe)")
