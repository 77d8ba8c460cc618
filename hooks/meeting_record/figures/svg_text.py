"""Text in SVG figures: how wide a line will be, and how to wrap text into a given width.

SVG cannot wrap text, and the figures are laid out before any browser sees them, so widths are
estimated from the advance widths of Helvetica/Arial (the fonts Material's font stack falls back
to), with a margin for wider system fonts.
"""

from __future__ import annotations

# Advance widths in thousandths of the font size (Helvetica/Arial); other characters count as 0.6.
_WIDTHS = {
    **dict.fromkeys("ijl'|", 222), **dict.fromkeys(" ,.:;!ft/I[]", 278), **dict.fromkeys("r()-`", 333),
    **dict.fromkeys("\"", 355), **dict.fromkeys("ckszvxyJ", 500),
    **dict.fromkeys("abdeghnopqu0123456789#$–L_", 556), **dict.fromkeys("FTZ", 611),
    **dict.fromkeys("ABEKPSVXY&", 667), **dict.fromkeys("wCDHNRU", 722), **dict.fromkeys("GOQ", 778),
    **dict.fromkeys("mM", 833), **dict.fromkeys("W—", 944),
}
SAFETY = 1.08  # system fonts such as San Francisco run a little wider than Helvetica
BOLD = 1.07


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The estimated width of `text` set in one line at font size `size`."""
    units = sum(_WIDTHS.get(char, 600) for char in text)
    return units / 1000 * size * SAFETY * (BOLD if bold else 1)


def wrap(text: str, size: float, width: float, bold: bool = False) -> tuple[str, ...]:
    """`text` broken at spaces into lines no wider than `width` (a single long word stays whole)."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate, size, bold) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return tuple(lines)
