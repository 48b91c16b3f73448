"""Heads of state and government from people_heads.yaml, read on a date: "role + date -> person".
Expected office holders follow the public record (start and end dates in people_heads.yaml)."""
from __future__ import annotations

from importlib import resources

import pytest
import yaml

from tidings.kb import KnowledgeBase
from tidings.lookup import explain

ACTORS = resources.files("tidings") / "data" / "actors"


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.load()


# (query, date, entry id, country)
CASES = [
    ("president of Nigeria", "2022-06-01", "muhammadu-buhari", "NGA"),
    ("president of Nigeria", "2024-01-01", "bola-tinubu", "NGA"),
    ("Bangladeshi president", "2020-06-01", "abdul-hamid-bgd", "BGD"),
    ("Bangladeshi president", "2024-06-01", "mohammed-shahabuddin", "BGD"),
    ("Philippine president", "2015-06-01", "benigno-aquino-iii", "PHL"),
    ("Vietnamese prime minister", "2019-06-01", "nguyen-xuan-phuc", "VNM"),
    ("Vietnamese prime minister", "2023-06-01", "pham-minh-chinh", "VNM"),
    ("president of Vietnam", "2017-06-01", "tran-dai-quang", "VNM"),
    ("president of Vietnam", "2022-06-01", "nguyen-xuan-phuc", "VNM"),
    ("president of Vietnam", "2025-01-01", "luong-cuong", "VNM"),
    ("Tanzanian president", "2015-06-01", "jakaya-kikwete", "TZA"),
    ("Algerian president", "2017-06-01", "abdelaziz-bouteflika", "DZA"),
    ("Algeria's prime minister", "2022-06-01", "aymen-benabderrahmane", "DZA"),
    ("Polish president", "2015-03-01", "bronislaw-komorowski", "POL"),
    ("Uzbek president", "2015-06-01", "islam-karimov", "UZB"),
    ("Uzbek president", "2020-06-01", "shavkat-mirziyoyev", "UZB"),
    ("Peruvian president", "2017-06-01", "pedro-pablo-kuczynski", "PER"),
    ("Peruvian president", "2019-06-01", "martin-vizcarra", "PER"),
    ("Peruvian president", "2022-06-01", "pedro-castillo", "PER"),
    ("Peruvian president", "2024-06-01", "dina-boluarte", "PER"),
    ("Malaysian prime minister", "2017-06-01", "najib-razak", "MYS"),
    ("Malaysian prime minister", "2019-06-01", "mahathir-mohamad", "MYS"),
    ("Malaysian prime minister", "2021-01-01", "muhyiddin-yassin", "MYS"),
    ("Malaysian prime minister", "2024-06-01", "anwar-ibrahim", "MYS"),
    ("Angolan president", "2016-06-01", "jose-eduardo-dos-santos", "AGO"),
    ("Angolan president", "2020-06-01", "joao-lourenco", "AGO"),
    ("Ghanaian president", "2016-06-01", "john-mahama", "GHA"),
    ("Ghanaian president", "2020-06-01", "nana-akufo-addo", "GHA"),
    ("Ghanaian president", "2025-06-01", "john-mahama", "GHA"),
    ("Nepali prime minister", "2019-06-01", "kp-sharma-oli", "NPL"),
    ("Nepali prime minister", "2023-06-01", "pushpa-kamal-dahal", "NPL"),
    ("Nepal's prime minister", "2022-01-01", "sher-bahadur-deuba", "NPL"),
    ("president of Madagascar", "2020-06-01", "andry-rajoelina", "MDG"),
    ("Ivorian president", "2020-06-01", "alassane-ouattara", "CIV"),
    ("Sri Lankan president", "2017-06-01", "maithripala-sirisena", "LKA"),
    ("Sri Lankan president", "2021-06-01", "gotabaya-rajapaksa", "LKA"),
    ("Sri Lankan president", "2023-06-01", "ranil-wickremesinghe", "LKA"),
    ("Sri Lankan president", "2025-06-01", "anura-kumara-dissanayake", "LKA"),
    ("Romanian president", "2020-06-01", "klaus-iohannis", "ROU"),
    ("Romanian president", "2025-07-01", "nicusor-dan", "ROU"),
    ("Romanian prime minister", "2022-06-01", "nicolae-ciuca", "ROU"),
    ("Malawian president", "2022-06-01", "lazarus-chakwera", "MWI"),
    ("Zambian president", "2018-06-01", "edgar-lungu", "ZMB"),
    ("Zambian president", "2023-06-01", "hakainde-hichilema", "ZMB"),
    ("Guatemalan president", "2018-06-01", "jimmy-morales", "GTM"),
    ("Guatemalan president", "2025-06-01", "bernardo-arevalo", "GTM"),
    ("Ecuadorian president", "2016-06-01", "rafael-correa", "ECU"),
    ("Ecuadorian president", "2019-06-01", "lenin-moreno", "ECU"),
    ("Guinean president", "2018-06-01", "alpha-conde", "GIN"),
    ("Tunisian president", "2017-06-01", "beji-caid-essebsi", "TUN"),
    ("Tunisian prime minister", "2018-06-01", "youssef-chahed", "TUN"),
    ("Beninese president", "2015-06-01", "thomas-boni-yayi", "BEN"),
    ("Bolivian president", "2017-06-01", "evo-morales", "BOL"),
    ("Bolivian president", "2020-06-01", "jeanine-anez", "BOL"),
    ("Bolivian president", "2023-06-01", "luis-arce", "BOL"),
    ("Haitian prime minister", "2017-06-01", "jack-guy-lafontant", "HTI"),
    ("Dominican president", "2018-06-01", "danilo-medina", "DOM"),
    ("Dominican Republic's president", "2022-06-01", "luis-abinader", "DOM"),
    ("Czech president", "2019-06-01", "milos-zeman", "CZE"),
    ("Czech prime minister", "2019-06-01", "andrej-babis", "CZE"),
    ("Czech prime minister", "2023-06-01", "petr-fiala", "CZE"),
    ("Portuguese president", "2020-06-01", "marcelo-rebelo-de-sousa", "PRT"),
    ("Portuguese prime minister", "2025-01-01", "luis-montenegro", "PRT"),
    ("Honduran president", "2019-06-01", "juan-orlando-hernandez", "HND"),
    ("Honduran president", "2023-06-01", "xiomara-castro", "HND"),
    ("Tajik president", "2020-06-01", "emomali-rahmon", "TJK"),
    ("Austrian chancellor", "2016-01-01", "werner-faymann", "AUT"),
    ("Austrian chancellor", "2018-06-01", "sebastian-kurz", "AUT"),
    ("Austrian chancellor", "2019-09-01", "brigitte-bierlein", "AUT"),
    ("Austrian chancellor", "2023-06-01", "karl-nehammer", "AUT"),
    ("Austrian chancellor", "2025-06-01", "christian-stocker", "AUT"),
    ("Austrian president", "2020-06-01", "alexander-van-der-bellen", "AUT"),
    ("Swiss president", "2019-06-01", "ueli-maurer", "CHE"),
    ("Swiss president", "2023-06-01", "alain-berset", "CHE"),
    ("Togolese president", "2020-06-01", "faure-gnassingbe", "TGO"),
    ("Sierra Leone's president", "2020-06-01", "julius-maada-bio", "SLE"),
    ("Laotian president", "2023-06-01", "thongloun-sisoulith", "LAO"),
    ("Bulgarian prime minister", "2019-06-01", "boyko-borisov", "BGR"),
    ("Bulgarian president", "2020-06-01", "rumen-radev", "BGR"),
    ("Paraguayan president", "2020-06-01", "mario-abdo-benitez", "PRY"),
    ("Salvadoran president", "2016-06-01", "salvador-sanchez-ceren", "SLV"),
    ("Kyrgyz president", "2019-06-01", "sooronbay-jeenbekov", "KGZ"),
    ("Turkmen president", "2023-06-01", "serdar-berdimuhamedow", "TKM"),
    ("Danish prime minister", "2017-06-01", "lars-lokke-rasmussen", "DNK"),
    ("Danish queen", "2020-06-01", "margrethe-ii", "DNK"),
    ("Singaporean prime minister", "2020-06-01", "lee-hsien-loong", "SGP"),
    ("Singaporean prime minister", "2025-01-01", "lawrence-wong", "SGP"),
    ("Slovak prime minister", "2020-06-01", "igor-matovic", "SVK"),
    ("Slovak prime minister", "2022-06-01", "eduard-heger", "SVK"),
    ("Slovak president", "2022-06-01", "zuzana-caputova", "SVK"),
    ("New Zealand prime minister", "2020-06-01", "jacinda-ardern", "NZL"),
    ("New Zealand prime minister", "2024-06-01", "christopher-luxon", "NZL"),
    ("Irish prime minister", "2018-06-01", "leo-varadkar", "IRL"),
    ("Taoiseach", "2021-06-01", "micheal-martin", "IRL"),
    ("Liberian president", "2020-06-01", "george-weah", "LBR"),
    ("Mauritanian president", "2021-06-01", "mohamed-ould-ghazouani", "MRT"),
    ("Panamanian president", "2022-06-01", "laurentino-cortizo", "PAN"),
    ("emir of Kuwait", "2019-06-01", "sabah-al-ahmad-al-jaber-al-sabah", "KWT"),
    ("emir of Kuwait", "2022-06-01", "nawaf-al-ahmad-al-jaber-al-sabah", "KWT"),
    ("Kuwaiti emir", "2024-06-01", "mishal-al-ahmad-al-jaber-al-sabah", "KWT"),
    ("Croatian president", "2018-06-01", "kolinda-grabar-kitarovic", "HRV"),
    ("Croatian prime minister", "2020-06-01", "andrej-plenkovic", "HRV"),
    ("Georgian president", "2020-06-01", "salome-zourabichvili", "GEO"),
    ("Georgian prime minister", "2024-06-01", "irakli-kobakhidze", "GEO"),
    ("Moldovan president", "2018-06-01", "igor-dodon", "MDA"),
    ("Uruguayan president", "2017-06-01", "tabare-vazquez", "URY"),
    ("Uruguayan president", "2025-06-01", "yamandu-orsi", "URY"),
    ("Armenian president", "2016-06-01", "serzh-sargsyan", "ARM"),
    ("Armenian prime minister", "2017-06-01", "karen-karapetyan", "ARM"),
    ("Estonian prime minister", "2019-06-01", "juri-ratas", "EST"),
    ("Estonian president", "2019-06-01", "kersti-kaljulaid", "EST"),
    ("Bosnian prime minister", "2021-06-01", "zoran-tegeltija", "BIH"),
    ("Mongolian president", "2019-06-01", "khaltmaagiin-battulga", "MNG"),
    ("Mongolian prime minister", "2023-06-01", "luvsannamsrain-oyun-erdene", "MNG"),
    ("Jamaican prime minister", "2020-06-01", "andrew-holness", "JAM"),
    ("Albanian prime minister", "2020-06-01", "edi-rama", "ALB"),
    ("Lithuanian president", "2018-06-01", "dalia-grybauskaite", "LTU"),
    ("Lithuanian prime minister", "2022-06-01", "ingrida-simonyte", "LTU"),
    ("Namibian president", "2020-06-01", "hage-geingob", "NAM"),
    ("Gambian president", "2016-06-01", "yahya-jammeh", "GMB"),
    ("Gambian president", "2020-06-01", "adama-barrow", "GMB"),
    ("Botswana's president", "2020-06-01", "mokgweetsi-masisi", "BWA"),
    ("Gabonese president", "2020-06-01", "ali-bongo-ondimba", "GAB"),
    ("Gabonese president", "2024-06-01", "brice-oligui-nguema", "GAB"),
    ("North Macedonia's prime minister", "2018-06-01", "zoran-zaev", "MKD"),
    ("Slovenian prime minister", "2021-06-01", "janez-jansa", "SVN"),
    ("Latvian prime minister", "2020-06-01", "krisjanis-karins", "LVA"),
    ("Latvian president", "2024-06-01", "edgars-rinkevics", "LVA"),
    ("Kosovo's prime minister", "2018-06-01", "ramush-haradinaj", "XKX"),
    ("Kosovo's prime minister", "2023-06-01", "albin-kurti", "XKX"),
    ("Kosovo's president", "2019-06-01", "hashim-thaci", "XKX"),
    ("Bahraini king", "2020-06-01", "hamad-bin-isa-al-khalifa", "BHR"),
    ("Bahrain's prime minister", "2018-06-01", "khalifa-bin-salman-al-khalifa", "BHR"),
    ("Trinidad and Tobago's prime minister", "2020-06-01", "keith-rowley", "TTO"),
    ("East Timor's prime minister", "2020-06-01", "taur-matan-ruak", "TLS"),
    ("Cypriot president", "2020-06-01", "nicos-anastasiades", "CYP"),
    ("Cypriot president", "2024-06-01", "nikos-christodoulides", "CYP"),
    ("Fijian prime minister", "2020-06-01", "frank-bainimarama", "FJI"),
    ("Guyanese president", "2018-06-01", "david-granger", "GUY"),
    ("Montenegrin president", "2020-06-01", "milo-djukanovic", "MNE"),
    ("Luxembourg's prime minister", "2020-06-01", "xavier-bettel", "LUX"),
    ("Maldivian president", "2020-06-01", "ibrahim-mohamed-solih", "MDV"),
    ("Maltese prime minister", "2018-06-01", "joseph-muscat", "MLT"),
    ("Icelandic prime minister", "2020-06-01", "katrin-jakobsdottir", "ISL"),
    ("Vanuatu's prime minister", "2018-06-01", "charlot-salwai", "VUT"),
    ("Barbadian prime minister", "2020-06-01", "mia-mottley", "BRB"),
    ("Samoan prime minister", "2019-06-01", "tuilaepa-sailele-malielegaoi", "WSM"),
    ("Tongan king", "2020-06-01", "tupou-vi", "TON"),
    ("Seychelles president", "2018-06-01", "danny-faure", "SYC"),
    ("Liechtenstein's prime minister", "2022-06-01", "daniel-risch", "LIE"),
    ("Thai king", "2015-06-01", "bhumibol-adulyadej", "THA"),
    ("Thai king", "2020-06-01", "maha-vajiralongkorn", "THA"),
    ("Spanish king", "2020-06-01", "felipe-vi", "ESP"),
    ("Dutch king", "2020-06-01", "willem-alexander", "NLD"),
    ("Cameroonian prime minister", "2020-06-01", "joseph-dion-ngute", "CMR"),
    ("Moroccan prime minister", "2016-06-01", "abdelilah-benkirane", "MAR"),
    ("Moroccan prime minister", "2019-06-01", "saadeddine-othmani", "MAR"),
    ("Moroccan prime minister", "2023-06-01", "aziz-akhannouch", "MAR"),
    ("Ugandan prime minister", "2018-06-01", "ruhakana-rugunda", "UGA"),
    ("Kazakh prime minister", "2020-06-01", "askar-mamin", "KAZ"),
    ("Kazakh prime minister", "2023-06-01", "alikhan-smailov", "KAZ"),
    ("Azerbaijani prime minister", "2017-06-01", "artur-rasizade", "AZE"),
    ("Greek president", "2018-06-01", "prokopis-pavlopoulos", "GRC"),
    ("Greek president", "2022-06-01", "katerina-sakellaropoulou", "GRC"),
    ("Hungarian president", "2023-06-01", "katalin-novak", "HUN"),
    ("Serbian prime minister", "2020-06-01", "ana-brnabic", "SRB"),
    ("Serbian president", "2016-06-01", "tomislav-nikolic", "SRB"),
    ("Finnish prime minister", "2017-06-01", "juha-sipila", "FIN"),
    ("Finnish prime minister", "2021-06-01", "sanna-marin", "FIN"),
    ("Finnish prime minister", "2024-06-01", "petteri-orpo", "FIN"),
    ("Senegalese prime minister", "2024-06-01", "ousmane-sonko", "SEN"),
    ("Chadian prime minister", "2024-03-01", "succes-masra", "TCD"),
    ("Mozambican prime minister", "2018-06-01", "carlos-agostinho-do-rosario", "MOZ"),
    ("Burundian prime minister", "2021-06-01", "alain-guillaume-bunyoni", "BDI"),
    ("Puerto Rico's governor", "2018-06-01", "ricardo-rossello", "PRI"),
    ("Puerto Rico's governor", "2023-06-01", "pedro-pierluisi", "PRI"),
    ("Greenland's premier", "2022-06-01", "mute-b-egede", "GRL"),
    ("Greenland's prime minister", "2025-06-01", "jens-frederik-nielsen", "GRL"),
    ("Hong Kong's chief executive", "2019-06-01", "carrie-lam", "HKG"),
    ("Hong Kong's chief executive", "2023-06-01", "john-lee-ka-chiu", "HKG"),
    ("chief minister of Gibraltar", "2020-06-01", "fabian-picardo", "GIB"),
]


@pytest.mark.parametrize("query,day,entry,country", CASES)
def test_head_on_date(kb, query, day, entry, country):
    best = explain(kb, query, day)[0]
    assert (best.entry.id if best.entry else "-", best.country, best.sector) == (entry, country, "GOV")


def test_names_resolve_to_the_role_held(kb):
    oli = explain(kb, "KP Sharma Oli", "2019-06-01")[0]
    assert oli.entry.id == "kp-sharma-oli" and oli.role.title == "prime minister" and not oli.former
    assert explain(kb, "Prachanda", "2023-06-01")[0].entry.id == "pushpa-kamal-dahal"
    assert explain(kb, "Bouteflika", "2022-01-01")[0].former


def test_former_head(kb):
    best = explain(kb, "former Sri Lankan president", "2020-01-01")[0]
    assert best.entry.id == "maithripala-sirisena" and best.former


def test_no_id_is_defined_in_two_builtin_files():
    """A later file's entry silently replaces an earlier one with the same id, so the
    built-in files must not share ids (people_heads.yaml adds people, never redefines them)."""
    seen: dict[str, str] = {}
    clashes = []
    for path in sorted(p for p in ACTORS.iterdir() if p.name.endswith(".yaml")):
        for raw in yaml.safe_load(path.read_text("utf-8"))["actors"]:
            if raw["id"] in seen:
                clashes.append((raw["id"], seen[raw["id"]], path.name))
            seen[raw["id"]] = path.name
    assert clashes == []


def test_head_roles_are_well_formed():
    data = yaml.safe_load((ACTORS / "people_heads.yaml").read_text("utf-8"))
    for raw in data["actors"]:
        assert raw["kind"] == "person" and raw["roles"], raw["id"]
        for role in raw["roles"]:
            start, end = str(role["start"]), role["end"]
            assert role["title"] and role["sector"] == "GOV" and len(role["country"]) == 3, raw["id"]
            assert end is None or start[:len(str(end))] <= str(end), raw["id"]
