"""Inline SVG charts made at build time: readable without JavaScript (axis labels, a <title> tooltip on
every bar, a text alternative), and the same bytes for the same numbers."""

from __future__ import annotations

from html import escape

MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS_LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]
MENTION_COLOUR = "#3f51b5"
QUOTE_COLOUR = "#e65100"
# Beyond four years of months the bars get too thin to read or point at, so the chart counts per year.
MAX_MONTHS = 48
LEGEND_WIDTH = 145
"""From the axis to the end of the legend's last word, in px (11 px text)."""


def _months_between(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from first to last, so empty months show as gaps rather than disappearing."""
    year, month = map(int, first.split("-"))
    end = tuple(map(int, last.split("-")))
    out = []
    while (year, month) <= end:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _label(key: str, short: bool) -> str:
    if len(key) == 4:
        return key
    year, month = key.split("-")
    return f"{(MONTHS_SHORT if short else MONTHS_LONG)[int(month) - 1]} {year}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def series(mentions: dict[str, int], quotes: dict[str, int]) -> list[tuple[str, int, int]]:
    """(period, mentions, quotes) for every month from the first to the last with a count (every year
    when that spans more than MAX_MONTHS months). Keys are "YYYY-MM"."""
    keys = sorted(set(mentions) | set(quotes))
    if not keys:
        return []
    months = _months_between(keys[0], keys[-1])
    if len(months) <= MAX_MONTHS:
        return [(m, mentions.get(m, 0), quotes.get(m, 0)) for m in months]
    years = [str(y) for y in range(int(keys[0][:4]), int(keys[-1][:4]) + 1)]
    return [(y, sum(v for k, v in mentions.items() if k.startswith(y)), sum(v for k, v in quotes.items() if k.startswith(y)))
            for y in years]


def mentions_chart(title: str, mentions: dict[str, int], quotes: dict[str, int]) -> str:
    """A bar chart of mentions (articles naming the person) and quotes per period, as an HTML block: the
    SVG, then the same numbers as a table for screen readers and text browsers."""
    rows = series(mentions, quotes)
    if not rows:
        return ""
    per = "year" if len(rows[0][0]) == 4 else "month"
    top = max(max(m, q) for _, m, q in rows) or 1
    left, bottom, height, slot = 34, 40, 140, max(14, min(48, 640 // len(rows)))
    # At least as wide as the legend ("quotes" ends about 140 px from the axis): a chart of one month is not.
    width = max(left + slot * len(rows) + 10, left + LEGEND_WIDTH)
    bar = (slot - 4) / 2
    label_every = max(1, len(rows) // 12)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="briefing-chart" role="img" width="{width}" '
             f'height="{height + bottom + 24}" viewBox="0 0 {width} {height + bottom + 24}" aria-labelledby="chart-title chart-desc">',
             f'<title id="chart-title">{escape(title)}</title>',
             f'<desc id="chart-desc">Bars per {per}: mentions in articles and quotes. The table below gives the same numbers.</desc>',
             f'<line x1="{left}" y1="{height}" x2="{width - 6}" y2="{height}" stroke="currentColor" stroke-width="1"/>',
             f'<text x="{left - 4}" y="{height}" text-anchor="end" font-size="11" fill="currentColor">0</text>',
             f'<text x="{left - 4}" y="11" text-anchor="end" font-size="11" fill="currentColor">{top}</text>',
             f'<line x1="{left}" y1="6" x2="{width - 6}" y2="6" stroke="currentColor" stroke-opacity="0.2"/>']
    for index, (period, mentioned, quoted) in enumerate(rows):
        x = left + index * slot + 2
        tooltip = f"{_label(period, False)}: {_plural(mentioned, 'mention')}, {_plural(quoted, 'quote')}"
        parts.append(f'<g><title>{escape(tooltip)}</title>')
        for offset, value, colour in ((0, mentioned, MENTION_COLOUR), (bar, quoted, QUOTE_COLOUR)):
            h = round((height - 6) * value / top, 1)
            parts.append(f'<rect x="{x + offset:.1f}" y="{height - h:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{colour}"/>')
        parts.append("</g>")
        if index % label_every == 0:
            cx = x + slot / 2 - 2
            parts.append(f'<text x="{cx:.1f}" y="{height + 14}" text-anchor="middle" font-size="10" fill="currentColor">'
                         f'{escape(_label(period, True).split(" ")[0])}</text>')
            if per == "month" and (index == 0 or period.endswith("-01")):
                parts.append(f'<text x="{cx:.1f}" y="{height + 27}" text-anchor="middle" font-size="10" fill="currentColor">{period[:4]}</text>')
    legend_y = height + bottom + 10
    parts += [f'<rect x="{left}" y="{legend_y - 9}" width="10" height="10" fill="{MENTION_COLOUR}"/>',
              f'<text x="{left + 14}" y="{legend_y}" font-size="11" fill="currentColor">mentions</text>',
              f'<rect x="{left + 80}" y="{legend_y - 9}" width="10" height="10" fill="{QUOTE_COLOUR}"/>',
              f'<text x="{left + 94}" y="{legend_y}" font-size="11" fill="currentColor">quotes</text>', "</svg>"]
    table = [f"<table><thead><tr><th>{per.title()}</th><th>Mentions</th><th>Quotes</th></tr></thead><tbody>"]
    table += [f"<tr><td>{escape(_label(p, False))}</td><td>{m}</td><td>{q}</td></tr>" for p, m, q in rows if m or q]
    table.append("</tbody></table>")
    return ('<div class="briefing-chart-block">\n' + "".join(parts)
            + f"\n<details><summary>The numbers as a table</summary>{''.join(table)}</details>\n</div>\n")
