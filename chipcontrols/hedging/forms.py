"""Every closed form of chapter 5's model, registered for the text and the website, by short name."""

from chipcontrols.hedging.china import FORMS as BEIJING_FORMS
from chipcontrols.hedging.us import FORMS as WASHINGTON_FORMS

#: Beijing's forms and Washington's, by short name.
FORMS = {**BEIJING_FORMS, **WASHINGTON_FORMS}
