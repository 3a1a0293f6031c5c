"""Numbers and dates as a Dutch (or English) reader writes them."""

import datetime as dt

import pandas as pd

from base.formatting import format_date, format_local_times, format_number, format_percentage


def test_numbers_use_dutch_separators_by_default():
    assert format_number(1234.5, 1) == "1.234,5"
    assert format_number(1234.5, 1, "en") == "1,234.5"
    assert format_percentage(0.125) == "12,5%"


def test_dates_in_words_in_each_language():
    assert format_date(dt.date(2026, 12, 5)) == "5 december 2026"
    assert format_date(dt.date(2026, 3, 31), "en") == "31 March 2026"
    assert format_date(pd.Timestamp("2025-01-01 13:45")) == "1 januari 2025"
    assert format_date(None) == ""


def test_stored_utc_times_are_shown_as_dutch_clock_time():
    # 22:40 UTC in December is 23:40 in Amsterdam (CET, UTC+1); 10:00 UTC on 1 July is 12:00 (CEST).
    shown = format_local_times(pd.Series(["2026-12-05 22:40:00", "2026-07-01 10:00:00"]))
    assert list(shown) == ["05-12-2026 23:40", "01-07-2026 12:00"]
