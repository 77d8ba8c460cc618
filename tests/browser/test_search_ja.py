"""Search in the Japanese edition works the way a reader types: each query of the table below,
put into the search box of a page under /ja/, puts the expected page first (pasted, as the
English table's are: test_search.py says why; its journeys type Japanese key by key as below).

The expected pages are written here by hand, as a reader would expect them, by the same rules as
the English table (test_search.py): a participant's own page for any of its common names, a
person's page for the surname or the full name, a theme's page for a distinctive word of its
title, for a topic of Japan's statements the theme where the statement was made (with that
statement as the best section), a subject's own page for its names; the declaration is on the
outcome page and the bilateral talks on the talks page.

Where a journey types Japanese key by key (test_search.py), Playwright types a character that no
key of its keyboard makes (kana, kanji) as text inserted without key events, the way an input
method commits it; Material searches when a key is released in the search box, and a reader's
input method releases one when it commits the text (the key that confirms it). So each such
character is typed, then the confirming key is released.

Japanese is written without spaces, so a query such as 「デジタル政府」 is one word to the search box
while the index holds 「デジタル」 and 「政府」: the site's search worker splits such a word into the
index's own words before Material reads it (search_worker.js).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

import test_search as english

JA = "/ja"

# (query, expected page under /ja/, anchor of the best section, if the query is about one statement)
QUERIES = [
    # Participants: official, source and everyday names
    ("日本", "/participants/japan/", None),
    ("日本国", "/participants/japan/", None),
    ("アメリカ", "/participants/usa/", None),
    ("米国", "/participants/usa/", None),
    ("アメリカ合衆国", "/participants/usa/", None),
    ("イギリス", "/participants/uk/", None),
    ("英国", "/participants/uk/", None),
    ("連合王国", "/participants/uk/", None),
    ("韓国", "/participants/south-korea/", None),
    ("大韓民国", "/participants/south-korea/", None),
    ("アラブ首長国連邦", "/participants/uae/", None),
    ("UAE", "/participants/uae/", None),
    ("国連", "/participants/united-nations/", None),
    ("国際連合", "/participants/united-nations/", None),
    ("欧州連合", "/participants/eu/", None),
    ("ドイツ", "/participants/germany/", None),
    ("フランス", "/participants/france/", None),
    ("イタリア", "/participants/italy/", None),
    ("カナダ", "/participants/canada/", None),
    ("ウクライナ", "/participants/ukraine/", None),
    ("ブラジル", "/participants/brazil/", None),
    ("ユネスコ", "/participants/unesco/", None),
    ("経済協力開発機構", "/participants/oecd/", None),
    ("国際電気通信連合", "/participants/itu/", None),
    # People: surname alone and full name
    ("長谷川", "/people/hasegawa-junji/", None),
    ("長谷川淳二", "/people/hasegawa-junji/", None),
    ("ウルソ", "/people/adolfo-urso/", None),
    ("アドルフォ・ウルソ", "/people/adolfo-urso/", None),
    ("ブッティ", "/people/alessio-butti/", None),
    ("フェラーリ", "/people/marina-ferrari/", None),
    ("ラング", "/people/steve-lang/", None),
    ("河野太郎", "/people/kono-taro/", None),
    # Themes: a distinctive word of the title
    ("強靭", "/themes/secure-resilient-networks/", None),
    ("強靱", "/themes/secure-resilient-networks/", None),
    ("サプライチェーン", "/themes/secure-resilient-networks/", None),
    ("デジタル開発", "/themes/digital-development/", None),
    ("共に成長", "/themes/digital-development/", None),
    ("公共部門", "/themes/ai-public-sector/", None),
    ("公的部門", "/themes/ai-public-sector/", None),
    ("新興技術", "/themes/ai-emerging-technologies-industry/", None),
    ("デジタル政府", "/themes/digital-government/", None),
    # Topics of Japan's statements: where the statement was made, and the statement itself
    ("海底ケーブル", "/themes/secure-resilient-networks/", "submarine-cables"),
    ("オープンRAN", "/themes/secure-resilient-networks/", "open-ran"),
    ("Open RAN", "/themes/secure-resilient-networks/", "open-ran"),
    ("非地上系ネットワーク", "/themes/secure-resilient-networks/", "multi-layered-networks"),
    ("衛星", "/themes/secure-resilient-networks/", "multi-layered-networks"),
    ("生成AI", "/themes/digital-development/", "generative-ai-sdgs"),
    ("人材育成", "/themes/digital-development/", "human-resource-development"),
    ("相互運用性", "/themes/hiroshima-ai-process-progress/", "governance-interoperability"),
    # Subjects: every name a reader would type puts the subject's own page first
    ("広島AIプロセス", "/subjects/hiroshima-ai-process/", None),
    ("AIセーフティ・インスティテュート", "/subjects/aisi/", None),
    ("AI安全研究所", "/subjects/aisi/", None),
    ("半導体", "/subjects/semiconductors-point-of-contact-group/", None),
    ("ツールキット", "/subjects/ai-public-sector-toolkit/", None),
    ("中小企業", "/subjects/msme-ai-adoption-report/", None),
    ("デジタルID", "/subjects/digital-identity-mapping/", None),
    # Events, the declaration and the talks
    ("産業界代表との対話", "/events/industry-dialogue/", None),
    ("閣僚宣言", "/outcome/", None),
    ("二国間会談", "/talks/", None),
]


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="ja-JP")
    yield context
    context.close()


@pytest.fixture(scope="module")
def search_page(context, site_url):
    """One page of the Japanese edition for every query of the table."""
    return english.open_search(context, site_url + JA)


@pytest.mark.parametrize(("query", "expected", "section"), QUERIES, ids=[q for q, _, _ in QUERIES])
def test_query_puts_the_expected_page_first(search_page, query, expected, section):
    links = [urlsplit(link) for link in english.search_pasted(search_page, query)]
    assert links[0].path == JA + expected, f"{query!r}: first result is {links[0].path}, not {JA + expected}"
    if section:
        sections = [link.fragment for link in links[1:]]
        assert sections[:1] == [section], f"{query!r}: the best section of {expected} is {sections[:1]}, not #{section}"


def test_the_table_covers_every_kind_of_query():
    kinds = {expected.split("/")[1] for _, expected, _ in QUERIES}
    assert len(QUERIES) >= 40 and {"participants", "people", "themes", "events", "subjects", "outcome", "talks"} <= kinds
