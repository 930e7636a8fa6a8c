"""How a long text is cut up for the phone network, and when automated texts may go."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.sms import parts, quiet_hours

LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("text", "encoding", "segments"),
    [
        ("", "GSM-7", 0),
        ("a" * 160, "GSM-7", 1),
        ("a" * 161, "GSM-7", 2),  # joined texts carry 153 each
        ("a" * 306, "GSM-7", 2),
        ("a" * 307, "GSM-7", 3),
        ("€" * 80, "GSM-7", 1),  # the euro sign takes two septets
        ("€" * 81, "GSM-7", 2),
        ("Hi 🙂", "UCS-2", 1),
        ("a" * 69 + "🙂", "UCS-2", 2),  # an emoji is two UTF-16 units: 71 > 70
        ("ok “quoted”", "UCS-2", 1),  # curly quotes are not GSM-7
    ],
)
def test_segments_are_counted_as_the_network_counts_them(text, encoding, segments):
    shape = parts.shape(text)
    assert (shape.encoding, shape.segments) == (encoding, segments)


def test_a_text_within_ten_segments_goes_whole():
    text = "word " * 300  # 1,500 characters of GSM-7: 10 segments
    assert parts.split(text) == [text.strip()]


def test_a_longer_text_goes_as_numbered_parts_cut_between_words():
    text = " ".join(f"word{n}" for n in range(250))  # 1,889 characters
    pieces = parts.split(text)
    assert [p.split(" ", 1)[0] for p in pieces] == ["(1/2)", "(2/2)"]
    assert " ".join(p.split(" ", 1)[1] for p in pieces) == text
    assert all(parts.shape(p).segments <= 10 for p in pieces)


@given(st.text(min_size=1, max_size=2100).filter(lambda t: t.strip()))
def test_every_part_fits_and_nothing_is_lost(text):
    pieces = parts.split(text)
    assert all(parts.shape(p).segments <= parts.MAX_SEGMENTS for p in pieces)
    if len(pieces) == 1:
        assert pieces[0] == text.strip()
    else:
        bodies = [p.split(" ", 1)[1] if " " in p else "" for p in pieces]
        assert "".join("".join(b.split()) for b in bodies) == "".join(text.split())


@pytest.fixture
def quiet(settings):
    settings.PORTAL = {**settings.PORTAL, "QUIET_HOURS": "21:00-08:00"}


def at(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("moment", "allowed"),
    [
        (at(2026, 11, 24, 12), at(2026, 11, 24, 12)),  # daytime: at once
        (at(2026, 11, 24, 20, 59), at(2026, 11, 24, 20, 59)),
        (at(2026, 11, 24, 21), at(2026, 11, 25, 8)),  # evening: next morning
        (at(2026, 11, 24, 23, 40), at(2026, 11, 25, 8)),
        (at(2026, 11, 25, 2, 30), at(2026, 11, 25, 8)),  # small hours: this morning
        (at(2026, 11, 25, 8), at(2026, 11, 25, 8)),
        # The clocks go back overnight on 25 October 2026: still 08:00 local time.
        (at(2026, 10, 24, 22), at(2026, 10, 25, 8)),
    ],
)
def test_automated_texts_wait_for_the_end_of_quiet_hours(quiet, moment, allowed):
    result = quiet_hours.next_allowed(moment)
    assert result == allowed
    assert result.astimezone(LONDON).hour == allowed.hour


def test_the_clocks_going_back_still_means_eight_local(quiet):
    result = quiet_hours.next_allowed(at(2026, 10, 24, 22))
    assert result.astimezone(datetime.UTC).hour == 8  # GMT again by then


def test_no_quiet_hours_when_the_council_sets_none(settings):
    settings.PORTAL = {**settings.PORTAL, "QUIET_HOURS": ""}
    moment = at(2026, 11, 24, 23, 40)
    assert quiet_hours.next_allowed(moment) == moment


def test_quiet_hours_inside_one_day(settings):
    settings.PORTAL = {**settings.PORTAL, "QUIET_HOURS": "12:00-14:00"}
    assert quiet_hours.next_allowed(at(2026, 11, 24, 13)) == at(2026, 11, 24, 14)
    assert quiet_hours.next_allowed(at(2026, 11, 24, 15)) == at(2026, 11, 24, 15)
