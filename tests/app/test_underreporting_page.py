"""AppTest of the capture-recapture section of 'Onderrapportage' on the demo data, nl and en."""

from __future__ import annotations

import pytest

PAGE = "app_pages/onderrapportage.py"


@pytest.mark.parametrize(
    ("lang", "label", "sentence", "models_heading", "interval"),
    [
        (
            "nl",
            "**Experimentele statistiek**",
            "ergens tussen ongeveer 500 en 50.000",
            "Ter vergelijking: de afzonderlijke modellen",
            "500 – 50.000",
        ),
        (
            "en",
            "**Experimental statistics**",
            "somewhere between roughly 500 and 50,000",
            "For comparison: the single models",
            "500 – 50,000",
        ),
    ],
)
def test_the_section_leads_with_the_model_average_in_plain_words(
    app, demo_db, lang, label, sentence, models_heading, interval
):
    at = app(demo_db, PAGE, {"taal": lang})
    assert not at.exception, [e.value for e in at.exception]
    markdown = [m.value for m in at.markdown]
    assert any(m.startswith(label) for m in markdown)
    assert any(sentence in m for m in markdown)
    # what the interval covers, in words; no BIC model and no bootstrap anywhere
    assert any(("9 van de 10" in m) or ("9 of 10" in m) for m in markdown)
    every = " ".join(markdown + [m.label for m in at.metric] + [c.value for c in at.caption])
    assert "BIC" not in every and "bootstrap" not in every.lower()
    assert any(m.value == interval for m in at.metric)
    assert models_heading in [s.value for s in at.subheader]
    table = at.dataframe[-3].value if len(at.dataframe) >= 3 else None
    assert table is not None
    # the models in words, not codes
    assert not any(":" in str(v) for v in table.iloc[:, 1])
