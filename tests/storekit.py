"""Hand-built articles, events and results for store tests (no spaCy model needed)."""
from __future__ import annotations

from tidings.model import Article, Event, Mention, Place, Quantity, Trigger
from tidings.pipeline import Result

ISR = dict(country="ISR", sector="GOV", kind="person")
COUNTRIES = {"ISR": "Israel", "USA": "United States", "EGY": "Egypt", "JOR": "Jordan",
             "PSE": "Palestine"}


def mention(code: str, text: str | None = None, start: int = 0) -> Mention:
    country, sector = code[:3], code[3:] or None
    name = text or COUNTRIES.get(country, country)
    return Mention(text=name, start=start, end=start + len(name), kind="country", name=name,
                   country=country, sector=sector, id=country if not sector else None)


def event(article_id: str, sentence: int, etype: str = "CONSULT", actor=("ISRGOV",),
          recipient=("USAGOV",), date: str | None = "2025-02-04", status: str = "occurred",
          text: str = "Israel met the United States.", cameo: str = "040", goldstein: float = 1.0,
          start: int = 7, place: Place | None = None, quantities=()) -> Event:
    return Event(article_id=article_id, sentence=sentence, event_type=etype,
                 trigger=Trigger("met", start, start + 3), text=text, cameo=cameo,
                 goldstein=goldstein, status=status, actor=[mention(c) for c in actor],
                 recipient=[mention(c) for c in recipient], date=date, location=place,
                 quantities=list(quantities), confidence=0.8)


def result(article_id: str, text: str, events=(), date: str = "2025-02-02",
           source: str | None = "wire", url: str | None = None) -> Result:
    article = Article(text=text, id=article_id, date=date, title=f"T {article_id}", source=source,
                      url=url or f"https://news.example/{article_id}")
    return Result(article, list(events), [m for e in events for m in e.actor + e.recipient])


WHITE_HOUSE = Place(text="the White House", name="Washington, D.C.", country="USA", lat=38.895,
                    lon=-77.037, precision="city")
PRISONERS = Quantity(value=2000, text="nearly 2,000 prisoners", approx=True, what="prisoners",
                     role="released")


class FakeProcessor:
    """Stands in for the NLP pipeline: one CONSULT event per article, ISR -> USA, on its date."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay

    def __call__(self, batch):
        import time
        out = []
        for origin, article in batch:
            time.sleep(self.delay)
            first = article.text.split(".")[0] + "."
            ev = event(article.id, 0, date=article.date, text=first, start=0)
            out.append((origin, Result(article, [ev], ev.actor + ev.recipient), []))
        return out
