"""Names and role phrases read on a date: "name or role + date -> person, country, sector".
Expected office holders were checked against the public record (start/end dates in people.yaml)."""
from __future__ import annotations

import pytest

from tidings.kb import KnowledgeBase
from tidings.lookup import explain


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.load()


# (query, date, entry id or "-" for a generic agent, country, sector)
CASES = [
    ("the US president", "2016-06-01", "barack-obama", "USA", "GOV"),
    ("the US president", "2019-06-01", "donald-trump", "USA", "GOV"),
    ("the US president", "2022-06-01", "joe-biden", "USA", "GOV"),
    ("the US president", "2025-06-01", "donald-trump", "USA", "GOV"),
    ("US vice president", "2018-06-01", "mike-pence", "USA", "GOV"),
    ("US vice president", "2023-06-01", "kamala-harris", "USA", "GOV"),
    ("US vice president", "2025-03-01", "jd-vance", "USA", "GOV"),
    ("US secretary of state", "2016-06-01", "john-kerry", "USA", "GOV"),
    ("US secretary of state", "2017-06-01", "rex-tillerson", "USA", "GOV"),
    ("US secretary of state", "2019-06-01", "mike-pompeo", "USA", "GOV"),
    ("US secretary of state", "2022-06-01", "antony-blinken", "USA", "GOV"),
    ("US secretary of state", "2025-03-01", "marco-rubio", "USA", "GOV"),
    ("US defense secretary", "2019-10-01", "mark-esper", "USA", "GOV"),
    ("US defense secretary", "2022-06-01", "lloyd-austin", "USA", "GOV"),
    ("US defense secretary", "2025-03-01", "pete-hegseth", "USA", "GOV"),
    ("Israeli prime minister", "2020-06-01", "benjamin-netanyahu", "ISR", "GOV"),
    ("Israeli prime minister", "2021-08-01", "naftali-bennett", "ISR", "GOV"),
    ("Israeli prime minister", "2022-08-01", "yair-lapid", "ISR", "GOV"),
    ("Israeli prime minister", "2024-06-01", "benjamin-netanyahu", "ISR", "GOV"),
    ("Israel's defence minister", "2019-06-01", "benjamin-netanyahu", "ISR", "GOV"),
    ("Israel's defence minister", "2020-02-01", "naftali-bennett", "ISR", "GOV"),
    ("Israel's defence minister", "2022-01-01", "benny-gantz", "ISR", "GOV"),
    ("Israel's defence minister", "2024-06-01", "yoav-gallant", "ISR", "GOV"),
    ("Israel's defence minister", "2025-06-01", "israel-katz", "ISR", "GOV"),
    ("UK prime minister", "2016-01-01", "david-cameron", "GBR", "GOV"),
    ("UK prime minister", "2016-10-01", "theresa-may", "GBR", "GOV"),
    ("UK prime minister", "2020-06-01", "boris-johnson", "GBR", "GOV"),
    ("UK prime minister", "2022-10-10", "liz-truss", "GBR", "GOV"),
    ("UK prime minister", "2023-06-01", "rishi-sunak", "GBR", "GOV"),
    ("UK prime minister", "2025-06-01", "keir-starmer", "GBR", "GOV"),
    ("British foreign secretary", "2017-06-01", "boris-johnson", "GBR", "GOV"),
    ("British foreign secretary", "2020-06-01", "dominic-raab", "GBR", "GOV"),
    ("British foreign secretary", "2022-03-01", "liz-truss", "GBR", "GOV"),
    ("British foreign secretary", "2023-06-01", "james-cleverly", "GBR", "GOV"),
    ("British foreign secretary", "2024-03-01", "david-cameron", "GBR", "GOV"),
    ("British foreign secretary", "2025-03-01", "david-lammy", "GBR", "GOV"),
    ("French president", "2016-06-01", "francois-hollande", "FRA", "GOV"),
    ("French president", "2018-06-01", "emmanuel-macron", "FRA", "GOV"),
    ("German chancellor", "2019-06-01", "angela-merkel", "DEU", "GOV"),
    ("German chancellor", "2023-06-01", "olaf-scholz", "DEU", "GOV"),
    ("German chancellor", "2025-06-01", "friedrich-merz", "DEU", "GOV"),
    ("Russian president", "2020-06-01", "vladimir-putin", "RUS", "GOV"),
    ("Ukrainian president", "2018-06-01", "petro-poroshenko", "UKR", "GOV"),
    ("Ukrainian president", "2020-06-01", "volodymyr-zelensky", "UKR", "GOV"),
    ("Ukraine's defence minister", "2023-06-01", "oleksii-reznikov", "UKR", "GOV"),
    ("Ukraine's defence minister", "2024-06-01", "rustem-umerov", "UKR", "GOV"),
    ("Indian prime minister", "2020-06-01", "narendra-modi", "IND", "GOV"),
    ("Japanese prime minister", "2019-06-01", "shinzo-abe", "JPN", "GOV"),
    ("Japanese prime minister", "2021-06-01", "yoshihide-suga", "JPN", "GOV"),
    ("Japanese prime minister", "2023-06-01", "fumio-kishida", "JPN", "GOV"),
    ("Japanese prime minister", "2025-03-01", "shigeru-ishiba", "JPN", "GOV"),
    ("Canadian prime minister", "2020-06-01", "justin-trudeau", "CAN", "GOV"),
    ("Canadian prime minister", "2025-04-01", "mark-carney", "CAN", "GOV"),
    ("Brazilian president", "2020-06-01", "jair-bolsonaro", "BRA", "GOV"),
    ("Brazilian president", "2024-06-01", "luiz-inacio-lula-da-silva", "BRA", "GOV"),
    ("Italian prime minister", "2021-06-01", "mario-draghi", "ITA", "GOV"),
    ("Italian prime minister", "2023-06-01", "giorgia-meloni", "ITA", "GOV"),
    ("Australian prime minister", "2020-06-01", "scott-morrison", "AUS", "GOV"),
    ("Australian prime minister", "2023-06-01", "anthony-albanese", "AUS", "GOV"),
    ("South Korean president", "2019-06-01", "moon-jae-in", "KOR", "GOV"),
    ("South Korean president", "2023-06-01", "yoon-suk-yeol", "KOR", "GOV"),
    ("South Korean president", "2025-07-01", "lee-jae-myung", "KOR", "GOV"),
    ("Turkish president", "2020-06-01", "recep-tayyip-erdogan", "TUR", "GOV"),
    ("Chinese president", "2020-06-01", "xi-jinping", "CHN", "GOV"),
    ("Iranian president", "2019-06-01", "hassan-rouhani", "IRN", "GOV"),
    ("Iranian president", "2022-06-01", "ebrahim-raisi", "IRN", "GOV"),
    ("Iranian president", "2025-03-01", "masoud-pezeshkian", "IRN", "GOV"),
    ("Iran's foreign minister", "2022-06-01", "hossein-amir-abdollahian", "IRN", "GOV"),
    ("Iran's foreign minister", "2025-03-01", "abbas-araghchi", "IRN", "GOV"),
    ("Argentine president", "2020-06-01", "alberto-fernandez", "ARG", "GOV"),
    ("Argentine president", "2024-06-01", "javier-milei", "ARG", "GOV"),
    ("Mexican president", "2020-06-01", "andres-manuel-lopez-obrador", "MEX", "GOV"),
    ("Mexican president", "2025-03-01", "claudia-sheinbaum", "MEX", "GOV"),
    ("Pakistani prime minister", "2019-06-01", "imran-khan", "PAK", "GOV"),
    ("Pakistani prime minister", "2024-06-01", "shehbaz-sharif", "PAK", "GOV"),
    ("Egyptian president", "2020-06-01", "abdel-fattah-el-sisi", "EGY", "GOV"),
    ("Saudi king", "2020-06-01", "king-salman", "SAU", "GOV"),
    ("UN secretary-general", "2015-06-01", "ban-ki-moon", "UNO", "GOV"),
    ("UN secretary-general", "2020-06-01", "antonio-guterres", "UNO", "GOV"),
    ("NATO secretary-general", "2020-06-01", "jens-stoltenberg", "IGO", "GOV"),
    ("NATO secretary-general", "2025-03-01", "mark-rutte", "IGO", "GOV"),
    ("Trump", "2022-01-01", "donald-trump", "USA", "GOV"),
    ("former Defence Minister Yoav Gallant", "2025-02-02", "yoav-gallant", "ISR", "GOV"),
    ("Palestinian prisoners", "2025-01-01", "-", "PSE", "CVL"),
    ("Israeli troops", "2025-01-01", "-", "ISR", "MIL"),
    ("US politicians", "2025-01-01", "-", "USA", "GOV"),
    ("Kremlin", "2025-01-01", "RUS", "RUS", "GOV"),
    ("White House", "2025-01-01", "USA", "USA", "GOV"),
    ("Hamas", "2025-01-01", "hamas", "PSE", "REB"),
    ("Hezbollah", "2025-01-01", "hezbollah", "LBN", "REB"),
    ("Prime Minister Benjamin Netanyahu", "2025-01-01", "benjamin-netanyahu", "ISR", "GOV"),
    ("Syrian president", "2020-06-01", "bashar-al-assad", "SYR", "GOV"),
    ("Syrian president", "2025-03-01", "ahmed-al-sharaa", "SYR", "GOV"),
    ("Hamas leader", "2024-09-01", "yahya-sinwar", "PSE", "REB"),
    ("Israel's army chief", "2024-06-01", "herzi-halevi", "ISR", "MIL"),
    ("Israel's army chief", "2025-06-01", "eyal-zamir", "ISR", "MIL"),
    ("Belgian prime minister", "2020-06-01", "sophie-wilmes", "BEL", "GOV"),
    ("Belgian prime minister", "2025-06-01", "bart-de-wever", "BEL", "GOV"),
    ("Swedish prime minister", "2022-06-01", "magdalena-andersson", "SWE", "GOV"),
    ("Norwegian prime minister", "2019-06-01", "erna-solberg", "NOR", "GOV"),
    ("president of Mozambique", "2025-03-01", "daniel-chapo", "MOZ", "GOV"),]


@pytest.mark.parametrize("query,day,entry,country,sector", CASES)
def test_reads_on_date(kb, query, day, entry, country, sector):
    best = explain(kb, query, day)[0]
    assert (best.entry.id if best.entry else "-", best.country, best.sector) == (entry, country, sector)


def test_former_is_marked_when_no_role_holds(kb):
    assert explain(kb, "Trump", "2022-01-01")[0].former
    assert not explain(kb, "Trump", "2025-03-01")[0].former
    gallant = explain(kb, "former Defence Minister Yoav Gallant", "2025-02-02")[0]
    assert gallant.former and gallant.role.title == "defence minister" and gallant.how == "title+name"


def test_former_role_phrase_is_the_last_holder_before_the_date(kb):
    best = explain(kb, "former US president", "2023-01-01")[0]
    assert best.entry.id == "donald-trump" and best.former


def test_role_without_country_lists_every_holder(kb):
    found = explain(kb, "prime minister", "2023-06-01")
    assert {"rishi-sunak", "benjamin-netanyahu", "narendra-modi"} <= {r.entry.id for r in found}


def test_title_synonyms_from_data(kb):
    assert explain(kb, "UK PM", "2016-01-01")[0].entry.id == "david-cameron"
    assert explain(kb, "the PM of Israel", "2023-01-01")[0].entry.id == "benjamin-netanyahu"
    assert kb.titles_for("defense minister")[:1] == ("defense minister",)


def test_no_holder_falls_back_to_the_generic_agent(kb):
    gap = explain(kb, "Syrian president", "2024-12-20")[0]  # between Assad's fall and al-Sharaa
    assert (gap.how, gap.entry, gap.code) == ("agent", None, "SYRGOV")


def test_unknown_gives_nothing(kb):
    assert explain(kb, "Zorblax the Unknowable", "2024-01-01") == []


def test_record_shape(kb):
    record = explain(kb, "Israel's defence minister", "2024-06-01")[0].to_dict()
    assert record["id"] == "yoav-gallant" and record["code"] == "ISRGOV"
    assert record["role"] == {"title": "defence minister", "country": "ISR",
                              "start": "2022-12-29", "end": "2024-11-07"}
