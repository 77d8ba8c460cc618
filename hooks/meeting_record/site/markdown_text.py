"""Turn text from the data into Markdown that shows exactly that text and nothing more.

Every character that Markdown, its extensions (attribute lists, abbreviations, emoji) or HTML
could read as syntax is written as a numeric character reference, so text such as `<script>`,
`[x](javascript:…)`, `{: onclick=… }` or `{{ … }}` reaches the reader as the characters typed.
"""

from __future__ import annotations

from markupsafe import Markup

# ASCII punctuation that means something to Markdown, its extensions or HTML; letters, digits,
# spaces, commas, semicolons, slashes and question marks are left readable.
_SYNTAX = "\\`*_{}[]()#+-.!<>&|~^:=\"'$%@"
_AS_REFERENCES = str.maketrans({character: f"&#{ord(character)};" for character in _SYNTAX})


def escape_markdown(text: object) -> Markup:
    """One line of literal text, safe to place anywhere in a Markdown document (any run of
    whitespace, line breaks too, becomes one space)."""
    single_line = " ".join(str(text).split())
    return Markup(single_line.translate(_AS_REFERENCES))


def escape_lines(text: object) -> Markup:
    """Literal text of several lines, for a <pre> block: each line escaped as `escape_markdown`
    does, the line breaks and indentation kept."""
    lines = str(text).splitlines()
    return Markup("\n").join(Markup(line[: len(line) - len(line.lstrip(" "))]) + escape_markdown(line) for line in lines)


def finalize(value: object) -> object:
    """Jinja's hook for every `{{ … }}`: escape data, pass through what templates built."""
    if isinstance(value, Markup):
        return value
    return escape_markdown(value)
