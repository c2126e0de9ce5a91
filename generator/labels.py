"""Words the software itself puts on maps, pages and kits, in English and Dutch."""

from __future__ import annotations

__all__ = ["LANGUAGES", "Labels", "labels"]

LANGUAGES = ("en", "nl")

_LABELS: dict[str, tuple[str, str]] = {
    # lane labels
    "lane.steps": ("Customer steps", "Klantstappen"),
    "lane.touchpoint": ("Touchpoint & channel", "Contactmoment & kanaal"),
    "lane.actors": ("Actors", "Betrokkenen"),
    "lane.thinking": ("Thinking", "Denkt"),
    "lane.feeling": ("Feeling", "Gevoel"),
    "lane.pain": ("Pain points", "Pijnpunten"),
    "lane.opportunity": ("Opportunities", "Kansen"),
    "lane.owner": ("Owner", "Eigenaar"),
    "lane.visibility": ("Line of visibility", "Zichtbaarheidslijn"),
    "lane.backstage": ("Backstage", "Achter de schermen"),
    "lane.support": ("Support processes", "Ondersteunende processen"),
    "lane.kpi": ("KPIs & metrics", "KPI's & metingen"),
    "lane.measured": ("Measured data", "Meetgegevens"),
    "measured.since": ("since {period}", "sinds {period}"),
    "site.metric": ("Metric", "Meting"),
    "site.latest": ("Latest", "Laatste"),
    "site.target": ("Target", "Doel"),
    "site.target-met": ("met", "gehaald"),
    "site.target-missed": ("not met", "niet gehaald"),
    "site.measured-by-touchpoint": ("Measured data by touchpoint", "Meetgegevens per contactmoment"),
    "site.measured-help": (
        "Each metric of content/data/ at its touchpoint: the latest value, the change against the period before, "
        "and whether it meets the target the step's KPI names.",
        "Elke meting uit content/data/ bij haar contactmoment: de laatste waarde, de verandering tegenover de "
        "periode ervoor, en of ze het doel haalt dat de KPI van de stap noemt.",
    ),
    "site.data-moved": ("Due: the data moved", "Aan de beurt: de gegevens veranderden"),
    "site.review-moved": (
        "Due: measured data moved since the review of {date}",
        "Aan de beurt: meetgegevens veranderd sinds de validatie van {date}",
    ),
    "site.change": ("Latest change", "Laatste verandering"),
    "measured.same": ("unchanged", "gelijk"),
    "measured.up": ("up", "omhoog"),
    "measured.down": ("down", "omlaag"),
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
    # charts of several journeys
    "compare.only-in": ("only in", "alleen in"),
    "compare.title": ("{future} against {current}", "{future} tegenover {current}"),
    "compare.gain": ("expected gain", "verwachte winst"),
    "compare.as-is": ("as-is", "huidig"),
    "compare.to-be": ("to-be", "gewenst"),
    "overlay.title": ("Emotion curves side by side", "Emotiecurves naast elkaar"),
    "compare.pains-resolved": ("Resolved", "Opgelost"),
    "compare.pains-remaining": ("Remaining", "Blijven bestaan"),
    "compare.pains-new": ("New", "Nieuw"),
    "compare.steps-added": ("Added", "Toegevoegd"),
    "compare.steps-removed": ("Removed", "Verwijderd"),
    "compare.steps-changed": ("Changed", "Gewijzigd"),
    "compare.owner-added": ("New owner", "Nieuwe eigenaar"),
    "compare.owner-removed": ("No longer involved", "Niet meer betrokken"),
    "site.chart-region": (
        "Emotion curves (scroll sideways for more stages)",
        "Emotiecurves (scroll opzij voor meer fases)",
    ),
    "site.compare-intro": (
        "How the redesign {future} changes today's journey {current}, stage by stage.",
        "Hoe het nieuwe ontwerp {future} de huidige klantreis {current} verandert, fase voor fase.",
    ),
    "site.gain-by-stage": ("Expected gain by stage", "Verwachte winst per fase"),
    "site.pain-points": ("Pain points", "Pijnpunten"),
    "site.overlay-of": ("Emotion curves of", "Emotiecurves van"),
    "site.service-intro": (
        "The journey of this service, by persona.|The {count} journeys of this service, one curve per persona.",
        "De klantreis van deze dienst, per persona.|De {count} klantreizen van deze dienst, een curve per persona.",
    ),
    "site.redesigns": ("Redesigns", "Nieuw ontwerp van"),
    "site.redesigned-in": ("Redesigned in", "Nieuw ontwerp in"),
    "site.service": ("Service", "Dienst"),
    "site.compare-link": ("compare", "vergelijk"),
    "site.comparisons": ("Redesigns", "Nieuwe ontwerpen"),
    "site.redesign-gains": ("Redesigns: expected gain by stage", "Nieuwe ontwerpen: verwachte winst per fase"),
    "site.redesign-gains-help": (
        "Each future journey against the current journey it replaces: the mean feeling of each stage, today and "
        "after the redesign.",
        "Elke gewenste klantreis tegenover de huidige die ze vervangt: het gemiddelde gevoel per fase, nu en na "
        "het nieuwe ontwerp.",
    ),
    "site.overlay-needs-two": (
        "an overlay lists two or more journey ids",
        "een overlay noemt twee of meer klantreizen",
    ),
    "site.services": ("Services", "Diensten"),
    "overlay.subtitle": (
        "{count} journeys, their stages aligned by id or title",
        "{count} klantreizen, hun fases gelijkgezet op id of titel",
    ),
    # legend
    "legend": ("Legend", "Legenda"),
    "legend.negative": ("negative feeling", "negatief gevoel"),
    "legend.neutral": ("neutral feeling", "neutraal gevoel"),
    "legend.positive": ("positive feeling", "positief gevoel"),
    "legend.pain": ("pain point", "pijnpunt"),
    "legend.opportunity": ("opportunity", "kans"),
    "legend.visibility": ("line of visibility: backstage below", "zichtbaarheidslijn: achter de schermen eronder"),
    # site
    "site.scenario": ("Scenario", "Scenario"),
    "site.downloads": ("Download", "Downloaden"),
    "site.map-region": (
        "Journey map (scroll sideways for more steps)",
        "Klantreiskaart (scroll opzij voor meer stappen)",
    ),
    "site.zoom-in": ("Zoom in", "Inzoomen"),
    "site.zoom-out": ("Zoom out", "Uitzoomen"),
    "site.zoom-reset": ("Actual size", "Ware grootte"),
    "site.fit": ("Whole map", "Hele kaart"),
    "site.fit-help": ("Fit the whole map in view", "De hele kaart in beeld"),
    "site.skip-map": ("Skip the map", "Kaart overslaan"),
    "site.steps-by-stage": ("Steps by stage", "Stappen per fase"),
    "site.summary": ("At a glance", "In het kort"),
    "site.lowest": ("Lowest moment", "Dieptepunt"),
    "site.highest": ("Highest moment", "Hoogtepunt"),
    "site.pain-count": (
        "{count} pain point in {steps} of {total} steps|{count} pain points in {steps} of {total} steps",
        "{count} pijnpunt in {steps} van {total} stappen|{count} pijnpunten in {steps} van {total} stappen",
    ),
    "site.no-pains": ("no pain points", "geen pijnpunten"),
    "site.pains-n": ("{count} pain point|{count} pain points", "{count} pijnpunt|{count} pijnpunten"),
    "site.opportunity-count": ("{count} opportunity|{count} opportunities", "{count} kans|{count} kansen"),
    "site.moment-count": (
        "{count} moment of truth|{count} moments of truth",
        "{count} moment van de waarheid|{count} momenten van de waarheid",
    ),
    "site.owners-involved": ("Owners involved", "Betrokken eigenaren"),
    "site.review": ("Review", "Validatie"),
    "site.no-scores": ("No step has a feeling yet", "Nog geen stap heeft een gevoel"),
    "site.pains-opportunities": ("Pain points and opportunities", "Pijnpunten en kansen"),
    "site.kpis": ("KPIs and metrics", "KPI's en metingen"),
    "site.step": ("Step", "Stap"),
    "site.journey": ("Journey", "Klantreis"),
    "site.stage": ("Stage", "Fase"),
    "site.journeys": ("Journeys", "Klantreizen"),
    "site.personas": ("Personas", "Persona's"),
    "site.story": ("Story", "Verhaal"),
    "site.no-journeys": ("No journeys follow this persona yet.", "Nog geen klantreizen volgen deze persona."),
    "site.review-ok": ("Reviewed {date}, next review by {due}", "Gevalideerd {date}, volgende validatie voor {due}"),
    "site.review-overdue": ("Review overdue since {due}", "Validatie verlopen sinds {due}"),
    "site.review-never": ("Never reviewed", "Nooit gevalideerd"),
    "site.all": ("All", "Alle"),
    "site.filter": ("Filter journeys", "Klantreizen filteren"),
    "site.tag": ("Tag", "Label"),
    "site.channel": ("Channel", "Kanaal"),
    "site.state": ("State", "Situatie"),
    "site.shown": ("{shown} of {total} journeys shown", "{shown} van {total} klantreizen getoond"),
    "site.sparkline": ("Feeling per step: {scores}", "Gevoel per stap: {scores}"),
    "site.error": (
        "This journey has problems and cannot be drawn",
        "Deze klantreis bevat fouten en kan niet getekend worden",
    ),
    "site.insights": ("Insights", "Inzichten"),
    "site.changes": ("Changes", "Wijzigingen"),
    "site.date": ("Date", "Datum"),
    "site.commit": ("Change", "Wijziging"),
    "site.what-changed": ("What changed for the customer", "Wat er voor de klant veranderde"),
    "site.all-journeys": ("All journeys", "Alle klantreizen"),
    "site.landing-intro": (
        "Every journey of this site: the persona it follows, its owner, its state, how it feels step by step "
        "and where its review stands.",
        "Elke klantreis van deze site: de persona die hij volgt, de eigenaar, de situatie, het gevoel stap voor "
        "stap en de stand van de validatie.",
    ),
    "site.worst": ("Worst moments", "Dieptepunten"),
    "site.worst-help": (
        "The lowest-scored steps of all journeys, with their pain points: where to start.",
        "De laagst gewaardeerde stappen van alle klantreizen, met hun pijnpunten: waar te beginnen.",
    ),
    "site.by-stage": ("Pain points and feeling by stage", "Pijnpunten en gevoel per fase"),
    "site.by-stage-help": (
        "Each journey's stages in order, with their pain points and the mean feeling of their steps.",
        "De fasen van elke klantreis op volgorde, met hun pijnpunten en het gemiddelde gevoel van hun stappen.",
    ),
    "site.tone-range.neg": ("mean feeling below {middle}", "gemiddeld gevoel onder {middle}"),
    "site.tone-range.neutral": ("mean feeling exactly {middle}", "gemiddeld gevoel precies {middle}"),
    "site.tone-range.pos": ("mean feeling above {middle}", "gemiddeld gevoel boven {middle}"),
    "tone.neg": ("negative", "negatief"),
    "tone.neutral": ("neutral", "neutraal"),
    "tone.pos": ("positive", "positief"),
    "site.mean-feeling-head": ("Mean feeling", "Gemiddeld gevoel"),
    "site.steps": ("Steps", "Stappen"),
    "site.no-channel": ("(no channel)", "(geen kanaal)"),
    "site.spellings": ("written as {names}", "geschreven als {names}"),
    "site.inventory-help": (
        "Steps per channel; spellings of one channel (E-mail, email) are counted together.",
        "Stappen per kanaal; schrijfwijzen van één kanaal (E-mail, email) tellen samen.",
    ),
    "site.inventory": ("Touchpoints by channel", "Contactmomenten per kanaal"),
    "site.touchpoints": ("Touchpoints", "Contactmomenten"),
    "site.owners": ("Owners", "Eigenaren"),
    "site.ownership": ("Who owns the moments of truth", "Wie is eigenaar van de momenten van de waarheid"),
    "site.kpi-catalogue": ("KPI catalogue", "KPI-overzicht"),
    "site.review-status": ("Review status", "Validatiestatus"),
    "site.due": ("Due", "Uiterlijk"),
    "site.status": ("Status", "Status"),
    "site.overdue": ("overdue", "verlopen"),
    "site.up-to-date": ("up to date", "actueel"),
    "site.never": ("never reviewed", "nooit gevalideerd"),
    "site.unassigned": ("(no owner)", "(geen eigenaar)"),
    "site.none": ("None.", "Geen."),
    # lane names for the text alternative
    "key.channel": ("Channel", "Kanaal"),
    "key.touchpoint": ("Touchpoint", "Contactmoment"),
    "key.actors": ("Actors", "Betrokkenen"),
    "key.doing": ("Doing", "Doet"),
    "key.thinking": ("Thinking", "Denkt"),
    "key.feeling": ("Feeling", "Gevoel"),
    "key.pain": ("Pain point", "Pijnpunt"),
    "key.opportunity": ("Opportunity", "Kans"),
    "key.owner": ("Owner", "Eigenaar"),
    "key.backstage": ("Backstage", "Achter de schermen"),
    "key.support": ("Support", "Ondersteuning"),
    "key.kpi": ("KPI", "KPI"),
    "key.metric": ("Measured", "Gemeten"),
    "key.type": ("Type", "Soort"),
    "key.moment-of-truth": ("Moment of truth", "Moment van de waarheid"),
    "persona.role": ("Role", "Rol"),
    "persona.age": ("Age", "Leeftijd"),
    "persona.location": ("Location", "Woonplaats"),
    "persona.segment": ("Segment", "Doelgroep"),
    "persona.goals": ("Goals", "Doelen"),
    "persona.needs": ("Needs", "Behoeften"),
    "persona.frustrations": ("Frustrations", "Frustraties"),
    "persona.behaviours": ("Behaviours", "Gedrag"),
    "persona.channels": ("Channels", "Kanalen"),
    "yes": ("yes", "ja"),
    # visual diff
    "diff.added": ("Added", "Toegevoegd"),
    "diff.removed": ("Removed", "Verwijderd"),
    "diff.moved": ("Moved", "Verplaatst"),
    "diff.renamed": ("Renamed", "Hernoemd"),
    "diff.changed": ("Changed", "Gewijzigd"),
    # workshop kit
    "kit.title": ("Journey mapping workshop kit", "Werkmateriaal klantreis in kaart brengen"),
    "kit.journey-canvas": ("Journey canvas", "Klantreiscanvas"),
    "kit.journey": ("Journey", "Klantreis"),
    "kit.expectations": ("Customer's expectations", "Verwachtingen van de klant"),
    "kit.date": ("Date", "Datum"),
    "kit.stage": ("Stage", "Fase"),
    "kit.persona-canvas": ("Persona canvas", "Personacanvas"),
    "kit.name": ("Name", "Naam"),
    "kit.photo": ("Photo or sketch", "Foto of schets"),
    "kit.quote": ("Quote", "Citaat"),
    "kit.story": ("Context and story", "Context en verhaal"),
    "kit.empathy-map": ("Empathy map", "Empathiekaart"),
    "kit.who": ("Who are we empathising with?", "In wie leven we ons in?"),
    "kit.goal": ("What do they need to do?", "Wat moeten ze doen?"),
    "kit.sees": ("Sees", "Ziet"),
    "kit.hears": ("Hears", "Hoort"),
    "kit.says": ("Says", "Zegt"),
    "kit.does": ("Does", "Doet"),
    "kit.thinks": ("Thinks", "Denkt"),
    "kit.feels": ("Feels", "Voelt"),
    "kit.profile": ("Profile", "Profiel"),
    "kit.pains": ("Pains", "Pijnen"),
    "kit.gains": ("Gains", "Winst"),
    "kit.stakeholder-map": ("Stakeholder map", "Stakeholderkaart"),
    "kit.customer": ("Customer", "Klant"),
    "kit.ring-close": ("Closest to the customer", "Dichtst bij de klant"),
    "kit.ring-organisation": ("Our organisation", "Onze organisatie"),
    "kit.ring-outside": ("Partners and other parties", "Partners en andere partijen"),
    "kit.we-do": ("What we do for them", "Wat wij voor hen doen"),
    "kit.they-do": ("What they do for us", "Wat zij voor ons doen"),
    "kit.inventory": ("Touchpoint inventory", "Inventarisatie van contactmomenten"),
    "kit.touchpoint": ("Touchpoint", "Contactmoment"),
    "kit.channel": ("Channel", "Kanaal"),
    "kit.owner": ("Owner", "Eigenaar"),
    "kit.type": ("Type", "Soort"),
    "kit.emotion-cards": ("Emotion scale cards", "Emotiekaarten"),
    "kit.cut": ("Cut along the dashed lines", "Knip langs de streepjeslijnen"),
    "kit.feel.very-negative": ("very negative", "zeer negatief"),
    "kit.feel.negative": ("negative", "negatief"),
    "kit.feel.slightly-negative": ("slightly negative", "een beetje negatief"),
    "kit.feel.neutral": ("neutral", "neutraal"),
    "kit.feel.slightly-positive": ("slightly positive", "een beetje positief"),
    "kit.feel.positive": ("positive", "positief"),
    "kit.feel.very-positive": ("very positive", "zeer positief"),
    "kit.prioritisation": ("Prioritisation matrix", "Prioriteringsmatrix"),
    "kit.impact": ("Impact for the customer", "Impact voor de klant"),
    "kit.effort": ("Effort for us", "Inspanning voor ons"),
    "kit.low": ("low", "laag"),
    "kit.high": ("high", "hoog"),
    "kit.quick-wins": ("Quick wins", "Snelle winst"),
    "kit.big-bets": ("Big bets", "Grote projecten"),
    "kit.fill-ins": ("Fill-ins", "Tussendoortjes"),
    "kit.reconsider": ("Reconsider", "Heroverwegen"),
    "kit.kpi-sheet": ("KPI sheet", "KPI-vel"),
    "kit.desired": ("Desired result", "Gewenst resultaat"),
    "kit.measure": ("How measured", "Hoe gemeten"),
    "kit.frequency": ("How often", "Hoe vaak"),
    "kit.checklist": ("Validation checklist", "Checklist validatie"),
    "kit.guide": ("Facilitation guide", "Handleiding voor de begeleider"),
    "kit.stages": ("Stages", "Fasen"),
    "kit.cell-id": ("Cell id", "Celnummer"),
    "kit.on-canvas": ("Printed on the canvas", "Op het canvas"),
    "kit.also-read": ("Also read", "Ook gelezen"),
    "kit.lane-names": ("Lane names", "Namen van de rijen"),
    "kit.transcription": ("Transcription sheet", "Uittypvel"),
    "kit.transcript": ("Blank transcript (for a spreadsheet)", "Leeg transcript (voor een spreadsheet)"),
    "kit.journey-canvas-poster": (
        "Journey canvas: wall poster for sticky notes, on sheets to glue together",
        "Klantreiscanvas: muurposter voor sticky notes, op vellen om aan elkaar te plakken",
    ),
    "kit.journey-canvas-overview": (
        "Journey canvas on one sheet, for pen work",
        "Klantreiscanvas op één vel, om op te schrijven",
    ),
    "kit.sheet-help": (
        "Write the cell id of the note on the canvas (such as {example}) in each row: the scribe types this "
        "sheet into the transcript's columns of the same names.",
        "Schrijf in elke rij het celnummer van de note op het canvas (zoals {example}): de notulist typt dit "
        "vel over in de kolommen met dezelfde namen in het transcript.",
    ),
    "kit.stage-goal": ("Stage goal", "Doel van de fase"),
    "kit.moment-of-truth": ("Moment of truth", "Sleutelmoment"),
    "kit.touchpoint-type": ("Touchpoint type", "Soort contactmoment"),
    "kit.yes": ("yes", "ja"),
    "kit.improvements": ("Agreed improvements", "Afgesproken verbeteringen"),
    "kit.improvement": ("Improvement", "Verbetering"),
    "kit.step-cell": ("Step (cell id)", "Stap (celnummer)"),
    "kit.legend": ("Sticky-note colours", "Kleuren van de sticky notes"),
    "kit.note-colour": ("{lane}: {colour}", "{lane}: {colour}"),
    "kit.notes.yellow": ("yellow notes", "gele notes"),
    "kit.notes.blue": ("blue notes", "blauwe notes"),
    "kit.notes.pink": ("pink notes", "roze notes"),
    "kit.notes.green": ("green notes", "groene notes"),
    "kit.sheet": (
        "Sheet {name}: row {row} of {rows}, column {column} of {columns}",
        "Vel {name}: rij {row} van {rows}, kolom {column} van {columns}",
    ),
    "kit.cut-edge": ("cut along the print, lay over {name}", "knip langs de print, leg over {name}"),
    "kit.glue-edge": ("glue: {name} goes over the grey strip", "lijm: {name} komt over de grijze strook"),
    "kit.glue": ("glue", "lijm"),
    "kit.outer-edge": ("edge of the canvas", "rand van het canvas"),
    "kit.assembly": ("Journey canvas: how the sheets go together", "Klantreiscanvas: zo passen de vellen aan elkaar"),
    "kit.assembly-size": (
        "Finished canvas {width} × {height} mm, on {count} sheets of {paper} ({columns} columns × {rows} rows).",
        "Het canvas wordt {width} × {height} mm, op {count} vellen {paper} ({columns} kolommen × {rows} rijen).",
    ),
    "kit.assembly-1": (
        "Print every sheet at actual size (100 %), not 'fit to page': the bar below must measure 100 mm.",
        "Print elk vel op ware grootte (100 %), niet 'passend op pagina': de balk hieronder moet 100 mm zijn.",
    ),
    "kit.assembly-2": (
        "Lay the sheets out as on this map: R1C1 (row 1, column 1) at the top left.",
        "Leg de vellen neer zoals op deze kaart: R1K1 (rij 1, kolom 1) linksboven.",
    ),
    "kit.assembly-3": (
        "Cut each sheet along the edge of its print where its margin says 'cut' (left and top).",
        "Knip elk vel langs de rand van de print waar de marge 'knip' zegt (links en boven).",
    ),
    "kit.assembly-4": (
        "Glue it over the grey strip of the sheet to its left and above, so the lines run on; start at R1C1.",
        "Lijm het over de grijze strook van het vel links en erboven, zodat de lijnen doorlopen; begin bij R1K1.",
    ),
    "kit.scale-bar": ("100 mm at actual size", "100 mm op ware grootte"),
    "kit.cell-help": (
        "Each cell's id (top left: stage.step.lane, such as 2.2.pain) goes in the transcript's cell column.",
        "Het celnummer (linksboven: fase.stap.rij, zoals 2.2.pijn) komt in de kolom cel van het transcript.",
    ),
    "kit.page-intro": (
        "Everything a facilitator needs to print for a mapping workshop, in the lanes and language of this site, "
        "on A3. The wall poster takes a 76 mm sticky note in every cell, on sheets you glue together; "
        "`journeymap toolkit --paper A4` prints it on A4 sheets instead, and `--journey FILE` prints a journey "
        "filled in, for a validation workshop.",
        "Alles wat een begeleider moet printen voor een workshop, met de rijen en de taal van deze site, op A3. "
        "De muurposter heeft in elke cel plaats voor een sticky note van 76 mm, op vellen die je aan elkaar plakt; "
        "`journeymap toolkit --paper A4` print hem op A4-vellen, en `--journey BESTAND` print een ingevulde "
        "klantreis, voor een validatieworkshop.",
    ),
    "kit.filled-personas": ("Filled-in persona canvases", "Ingevulde personacanvassen"),
    "kit.sheets": ("Sheets", "Vellen"),
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
        """The label, filled in; a label ``one|more`` is chosen by its ``count``."""
        text = _LABELS[key][self._index]
        if "|" in text and "count" in values:
            one, more = text.split("|", 1)
            text = one if values["count"] == 1 else more
        return text.format(**values) if values else text

    def touchpoint_type(self, word: str) -> str:
        """The label of a touchpoint type: translated for the default words, as written otherwise."""
        key = f"type.{word}"
        return self(key) if key in _LABELS else word.capitalize()


def labels(language: str) -> Labels:
    """Labels for ``language`` (``en`` or ``nl``)."""
    return Labels(language)
