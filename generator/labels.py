"""Words the software itself puts on maps, pages and kits, in English and Dutch."""

from __future__ import annotations

__all__ = ["LANGUAGES", "Labels", "labels"]

LANGUAGES = ("en", "nl")

_LABELS: dict[str, tuple[str, str]] = {
    # lane labels
    "lane.steps": ("Customer steps", "Klantstappen"),
    "lane.touchpoint": ("Touchpoint & channel", "Contactmoment & kanaal"),
    "lane.thinking": ("Thinking", "Denkt"),
    "lane.feeling": ("Feeling", "Gevoel"),
    "lane.pain": ("Pain points", "Pijnpunten"),
    "lane.opportunity": ("Opportunities", "Kansen"),
    "lane.owner": ("Owner", "Eigenaar"),
    "lane.visibility": ("Line of visibility", "Zichtbaarheidslijn"),
    "lane.backstage": ("Backstage", "Achter de schermen"),
    "lane.support": ("Support processes", "Ondersteunende processen"),
    "lane.kpi": ("KPIs & metrics", "KPI's & metingen"),
    # header
    "persona": ("Persona", "Persona"),
    "owner": ("Owner", "Eigenaar"),
    "reviewed": ("Reviewed", "Gevalideerd"),
    "not-reviewed": ("Not yet reviewed", "Nog niet gevalideerd"),
    "expectations": ("Expectations", "Verwachtingen"),
    "state.current": ("Current state (as-is)", "Huidige situatie"),
    "state.future": ("Future state (to-be)", "Gewenste situatie"),
    "goal": ("Goal", "Doel"),
    "measured": ("Measured", "Gemeten"),
    "moment-of-truth": ("Moment of truth", "Moment van de waarheid"),
    "step": ("Step", "Stap"),
    "no-feeling": ("no score", "geen score"),
    "neutral": ("neutral", "neutraal"),
    "page": ("page", "pagina"),
    "of": ("of", "van"),
    # touchpoint types (default vocabulary)
    "type.critical": ("Critical", "Kritisch"),
    "type.supplementary": ("Supplementary", "Aanvullend"),
    "type.superfluous": ("Superfluous", "Overbodig"),
    # legend
    "legend": ("Legend", "Legenda"),
    "legend.negative": ("negative feeling", "negatief gevoel"),
    "legend.neutral": ("neutral feeling", "neutraal gevoel"),
    "legend.positive": ("positive feeling", "positief gevoel"),
    "legend.pain": ("pain point", "pijnpunt"),
    "legend.opportunity": ("opportunity", "kans"),
    "legend.visibility": ("line of visibility: backstage below", "zichtbaarheidslijn: achter de schermen eronder"),
    # descriptions
    "desc.journey": (
        "Customer journey map of {persona} in {stages} stages and {steps} steps.",
        "Klantreiskaart van {persona} in {stages} fasen en {steps} stappen.",
    ),
    "desc.range": (
        "Feeling ranges from {low} at '{low_step}' to {high} at '{high_step}'.",
        "Het gevoel loopt van {low} bij '{low_step}' tot {high} bij '{high_step}'.",
    ),
    "desc.counts": (
        "{pains} pain points, {opportunities} opportunities, {moments} moments of truth.",
        "{pains} pijnpunten, {opportunities} kansen, {moments} momenten van de waarheid.",
    ),
}


class Labels:
    """Label lookup for one language; unknown keys fail loudly (they are programming errors)."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        self.language = language
        self._index = LANGUAGES.index(language)

    def __call__(self, key: str, **values: object) -> str:
        text = _LABELS[key][self._index]
        return text.format(**values) if values else text

    def touchpoint_type(self, word: str) -> str:
        """The label of a touchpoint type: translated for the default words, as written otherwise."""
        key = f"type.{word}"
        return self(key) if key in _LABELS else word.capitalize()


def labels(language: str) -> Labels:
    """Labels for ``language`` (``en`` or ``nl``)."""
    return Labels(language)
