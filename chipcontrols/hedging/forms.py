"""Every closed form of chapter 5's model, registered for the text and the website, by short name."""

from chipcontrols.hedging import china, us

#: Beijing's forms and Washington's, by short name.
FORMS = {**china.FORMS, **us.FORMS}
