"""Fixed values of the knowledge base, with the Dutch labels answers print."""

from __future__ import annotations

LEEFTIJDSFASEN = {
    "ongeboren-pasgeboren": "ongeboren en pasgeboren kinderen",
    "jonge-kinderen": "jonge kinderen (0-4 jaar)",
    "basisschool": "kinderen op de basisschool",
    "voortgezet-onderwijs": "jongeren in het voortgezet onderwijs",
    "ouders": "ouders",
}

CATEGORIEEN = {
    "signaleren": "Signaleren",
    "ondersteunen": "Ondersteunen",
    "stimuleren": "Stimuleren",
}

AANVRAGERS = {
    "ouders": "ouders zelf",
    "intermediair": "een erkende intermediair",
    "hulpverlener": "een hulpverlener of professional",
    "school": "de school",
    "instelling": "een instelling of gemeente",
}

SIGNAAL_DOELGROEPEN = {
    "kind": "kinderen en jongeren",
    "ouder": "ouders",
    "gezin": "risicogroepen en situaties",
}

SIGNAAL_CATEGORIEEN = {
    "risicogroep": ("gezin", "Risicogroepen en situaties"),
    "uiterlijke-kenmerken": ("kind", "Uiterlijke kenmerken van armoede"),
    "gedrag-en-ontwikkeling": ("kind", "Gedrags- en ontwikkelingsproblemen"),
    "beperkt-participeren": ("kind", "Beperkt participeren"),
    "financiele-problemen": ("ouder", "Financiële problemen"),
    "fysieke-of-psychische-problemen": ("ouder", "Fysieke of psychische problemen"),
    "weinig-participeren": ("ouder", "Weinig participeren"),
    "weinig-steunende-opvoedsituatie": ("ouder", "Een weinig steunende opvoedsituatie"),
}

# The six kinds that share one shape (naam, samenvatting, tekst, punten, …).
ENTRY_KINDS = {
    "interventie": "interventies.yml",
    "organisatie": "organisaties.yml",
    "voorbeeld": "voorbeelden.yml",
    "aanpak": "aanpakken.yml",
    "feit": "feiten.yml",
    "achtergrond": "achtergrond.yml",
}
