"""Charts of a timeline: a PNG (matplotlib, the optional ``plot`` extra) and a self-contained
HTML page with an inline SVG chart and the table (no JavaScript, no network)."""
from __future__ import annotations

import html
from pathlib import Path

from .errors import TidingsError
from .timeline import QUADS, Period

COLORS = {"verbal_cooperation": "#8fc1e3", "material_cooperation": "#2b7bba",
          "verbal_conflict": "#f4a582", "material_conflict": "#c0392b"}
PNG_SIZE = (10.0, 5.0)  # inches
PNG_DPI = 100


class ChartError(TidingsError):
    code = "T630"
    fix = "Install the plotting extra: pip install 'tidings[plot]' (matplotlib), or use --html."


def write_png(periods: list[Period], title: str, path: str | Path) -> Path:
    """Stacked bars of events by quad class (conflict below zero) and the Goldstein balance."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise ChartError("--plot needs matplotlib, which is not installed") from None
    labels = [p.period.isoformat() for p in periods]
    fig, ax = plt.subplots(figsize=PNG_SIZE, dpi=PNG_DPI)
    up = [0] * len(periods)
    down = [0] * len(periods)
    for quad in QUADS:
        values = [getattr(p, quad) for p in periods]
        conflict = "conflict" in quad
        base = down if conflict else up
        shown = [-v for v in values] if conflict else values
        ax.bar(labels, shown, bottom=base, color=COLORS[quad], label=quad.replace("_", " "))
        for i, v in enumerate(shown):
            base[i] += v
    line = ax.twinx()
    line.plot(labels, [p.balance or 0 for p in periods], color="black", marker="o",
              label="Goldstein balance")
    line.axhline(0, color="grey", linewidth=0.5)
    bars = max([*up, *(-d for d in down), 1]) * 1.1
    swing = max([abs(p.balance or 0) for p in periods] + [1]) * 1.1
    ax.set_ylim(-bars, bars)  # both axes symmetric: one zero line for bars and balance
    line.set_ylim(-swing, swing)
    ax.set_ylabel("events (conflict below zero)")
    line.set_ylabel("Goldstein balance (sum)")
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize=8)
    line.legend(loc="upper right", fontsize=8)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return Path(path)


def svg_chart(periods: list[Period], width: int = 900, height: int = 320) -> str:
    """An inline SVG: per period, cooperation bars above the axis, conflict below, and the
    Goldstein balance as a line."""
    if not periods:
        return "<p>No events.</p>"
    mid, step = height / 2, width / max(len(periods), 1)
    peak = max(max(p.verbal_cooperation + p.material_cooperation,
                   p.verbal_conflict + p.material_conflict) for p in periods) or 1
    scale = (mid - 20) / peak
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">',
             f'<line x1="0" y1="{mid}" x2="{width}" y2="{mid}" stroke="#888"/>']
    for i, p in enumerate(periods):
        parts += svg_bars(p, i * step + step * 0.15, step * 0.7, mid, scale)
        parts.append(f'<text x="{i * step + step / 2:.1f}" y="{height - 4}" font-size="10" '
                     f'text-anchor="middle">{p.period.isoformat()}</text>')
    balance = max(abs(p.balance or 0) for p in periods) or 1
    points = " ".join(f"{i * step + step / 2:.1f},{mid - (p.balance or 0) / balance * (mid - 20):.1f}"
                      for i, p in enumerate(periods))
    parts.append(f'<polyline points="{points}" fill="none" stroke="black" stroke-width="2"/>')
    return "".join(parts) + "</svg>"


def svg_bars(p: Period, x: float, w: float, mid: float, scale: float) -> list[str]:
    out, up, down = [], mid, mid
    for quad in QUADS:
        h = getattr(p, quad) * scale
        if "conflict" in quad:
            y, down = down, down + h
        else:
            up -= h
            y = up
        out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" '
                   f'fill="{COLORS[quad]}"><title>{quad}: {getattr(p, quad)}</title></rect>')
    return out


def write_html(periods: list[Period], title: str, path: str | Path) -> Path:
    columns = ["period", "events", *QUADS, "balance", "mean_goldstein"]
    head = "".join(f"<th>{c.replace('_', ' ')}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(p.to_dict()[c]))}</td>" for c in columns)
                   + "</tr>" for p in periods)
    legend = " ".join(f'<span style="color:{c}">&#9632;</span> {q.replace("_", " ")}'
                      for q, c in COLORS.items())
    page = (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            "<style>body{font-family:sans-serif}td,th{padding:2px 8px;text-align:right}</style>"
            f"</head><body><h1>{html.escape(title)}</h1><p>{legend}; line: Goldstein balance</p>"
            f"{svg_chart(periods)}<table><tr>{head}</tr>{body}</table></body></html>")
    Path(path).write_text(page, encoding="utf-8")
    return Path(path)
