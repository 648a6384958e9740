"""The stepped protocol and the --rates, --minutes-each and --sensor values."""

from __future__ import annotations

import pytest

from breath_tui.core.errors import BadInput
from breath_tui.core.heart.protocol import SteppedProtocol, format_rate, parse_rates
from breath_tui.core.heart.sensor_option import parse_sensor_option


def test_default_protocol_is_lehrers_five_rates_two_minutes_each():
    """Defaults: 6.5, 6, 5.5, 5, 4.5 a minute, 2 minutes each, 10 minutes in all, in that order."""
    protocol = SteppedProtocol()
    assert [segment.rate for segment in protocol.segments] == [6.5, 6.0, 5.5, 5.0, 4.5]
    assert protocol.duration_s == 600
    assert [segment.breaths for segment in protocol.segments] == [13, 12, 11, 10, 9]


def test_breaths_are_in_four_parts_to_out_six():
    """At 6 a minute a breath is 4 s in and 6 s out."""
    segment = SteppedProtocol().segments[1]
    assert (segment.inhale_s, segment.exhale_s) == pytest.approx((4.0, 6.0))


def test_breath_bounds_are_whole_breaths_from_the_segment_start():
    """A segment's breaths start at its start and follow one another, whole breaths only."""
    protocol = SteppedProtocol(rates=(4.5,), minutes_each=1.0)
    bounds = protocol.segments[0].breath_bounds()
    assert len(bounds) == 4
    assert bounds[0][0] == 0.0
    assert bounds[-1][1] == pytest.approx(4 * 60 / 4.5)


def test_segment_at_finds_the_running_rate():
    """segment_at gives the rate running at a time, and None outside the protocol."""
    protocol = SteppedProtocol()
    assert protocol.segment_at(130).rate == 6.0
    assert protocol.segment_at(-1) is None
    assert protocol.segment_at(600) is None


def test_parse_rates_reads_a_comma_list():
    """--rates 6.5,6, 5.5 gives the rates in the order written."""
    assert parse_rates("6.5,6, 5.5") == (6.5, 6.0, 5.5)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "not a number"),
        ("6,fast", "not a number"),
        ("12", "3 to 10"),
        ("6,6", "each rate once"),
    ],
)
def test_bad_rates_name_the_option(text, fragment):
    """A bad --rates value is bad input naming --rates."""
    with pytest.raises(BadInput, match=fragment) as raised:
        parse_rates(text)
    assert "--rates" in str(raised.value)


def test_minutes_each_out_of_range_names_the_option():
    """--minutes-each below 1 is refused, naming the option."""
    with pytest.raises(BadInput, match="--minutes-each"):
        SteppedProtocol(minutes_each=0.5)


def test_rates_are_written_without_a_needless_decimal():
    """6.0 is written 6 and 5.5 stays 5.5."""
    assert (format_rate(6.0), format_rate(5.5)) == ("6", "5.5")


@pytest.mark.parametrize(
    ("value", "kind", "address", "path", "speed"),
    [
        ("ble", "ble", None, None, 1.0),
        ("ble:a0:9e:1a:12:34:56", "ble", "A0:9E:1A:12:34:56", None, 1.0),
        (
            "ble:12345678-1234-1234-1234-123456789ABC",
            "ble",
            "12345678-1234-1234-1234-123456789ABC",
            None,
            1.0,
        ),
        ("replay:rr.txt", "replay", None, "rr.txt", 1.0),
        ("replay:rr.txt@4", "replay", None, "rr.txt", 4.0),
        ("replay:me@home.txt", "replay", None, "me@home.txt", 1.0),
        ("replay:a@b.txt@0.5", "replay", None, "a@b.txt", 0.5),
    ],
)
def test_sensor_option_values(value, kind, address, path, speed):
    """--sensor reads ble, ble:ADDRESS and replay:FILE[@SPEED]; an @ in a file name is kept."""
    choice = parse_sensor_option(value)
    assert (choice.kind, choice.address, choice.path, choice.speed) == (kind, address, path, speed)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "bluetooth",
        "ble:",
        "ble:nonsense",
        "replay:",
        "replay:@2",
        "replay:x@0",
        "replay:x@1000",
    ],
)
def test_bad_sensor_option_names_the_option(value):
    """Every other --sensor value is bad input naming --sensor."""
    with pytest.raises(BadInput, match="--sensor"):
        parse_sensor_option(value)
