"""Government colours and the one plotly template every chart and export uses."""

from __future__ import annotations

import copy
import functools

import plotly.graph_objects as go
import plotly.io as pio

from base.reference import colours

TEMPLATE_NAME = "meldingen"

# Government colours in an order that stays distinguishable for colour-blind readers (after the
# Okabe-Ito palette: blue, orange, sky blue, reddish purple, yellow, green, grey), and that
# survives black-and-white print through differing lightness. Same order as .streamlit/config.toml.
CATEGORICAL_ORDER = (
    "logoblauw",
    "oranje",
    "lichtblauw",
    "violet",
    "donkergeel",
    "groen",
    "grijs-6",
)
REFERENCE_BAND = "grijs-2"
EVENT_LINE = "grijs-6"
TEXT = "#000000"
FONT_FAMILY = "Source Sans Pro, RijksoverheidSansText, Verdana, Arial, sans-serif"


def categorical_colours() -> list[str]:
    palette = colours()
    return [palette[name] for name in CATEGORICAL_ORDER]


def colour(name: str) -> str:
    return colours()[name]


@functools.cache
def _built_template() -> go.layout.Template:
    # Building validates every property (about 2 ms); every chart needs the same one.
    return build_template()


def build_template() -> go.layout.Template:
    """White background, thin grid, government colours, Dutch separators (decimal comma)."""
    template = go.layout.Template()
    template.layout = go.Layout(
        colorway=categorical_colours(),
        font={"family": FONT_FAMILY, "size": 14, "color": TEXT},
        title={"font": {"size": 18, "color": colour("logoblauw")}, "x": 0, "xanchor": "left"},
        paper_bgcolor="#FFFFFF",
        plot_bgcolor="#FFFFFF",
        separators=",.",
        xaxis={
            "showgrid": False,
            "linecolor": colour("grijs-5"),
            "ticks": "outside",
            "tickformat": "d",
        },
        yaxis={
            "gridcolor": colour("grijs-2"),
            "zeroline": True,
            "zerolinecolor": colour("grijs-5"),
            "rangemode": "tozero",
        },
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
        margin={"l": 60, "r": 20, "t": 60, "b": 80},
        hoverlabel={"bgcolor": "#FFFFFF", "font": {"color": TEXT}},
        bargap=0.25,
    )
    return template


def register_template() -> str:
    """Register the template under its name (idempotent) and return the name."""
    if TEMPLATE_NAME not in pio.templates:
        pio.templates[TEMPLATE_NAME] = build_template()
    return TEMPLATE_NAME


def template() -> go.layout.Template:
    """A copy of the template, to pass explicitly: Streamlit changes plotly's default template."""
    return copy.deepcopy(_built_template())
