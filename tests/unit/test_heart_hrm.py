"""The Heart Rate Measurement (0x2A37) parser, on byte fixtures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from breath_tui.core.heart.hrm import (
    MeasurementError,
    encode_heart_rate_measurement,
    parse_heart_rate_measurement,
)

# As a Polar H10 sends them: flags 0x16 (contact supported and detected, RR present), 8-bit
# heart rate, then one or two RR intervals in 1/1024 s.
POLAR_ONE_RR = bytes.fromhex("16 3c 1a 03")  # 60 bpm, RR 794/1024 s
POLAR_TWO_RR = bytes.fromhex("16 48 bf 02 c2 02")  # 72 bpm, RR 703 and 706
POLAR_NO_CONTACT = bytes.fromhex("04 00")  # contact supported, not detected, 0 bpm, no RR


def test_polar_h10_packet_gives_heart_rate_and_rr_in_ms():
    """A Polar H10 packet with one RR gives 60 bpm and 794/1024 s in milliseconds."""
    measurement = parse_heart_rate_measurement(POLAR_ONE_RR)
    assert measurement.bpm == 60
    assert measurement.rr_ms == pytest.approx((794 * 1000 / 1024,))
    assert measurement.contact_supported and measurement.contact_detected


def test_two_rr_values_come_oldest_first():
    """Two RR values in one packet come back in the order sent."""
    measurement = parse_heart_rate_measurement(POLAR_TWO_RR)
    assert measurement.bpm == 72
    assert measurement.rr_ms == pytest.approx((703 * 1000 / 1024, 706 * 1000 / 1024))


def test_no_contact_packet_reports_contact_lost():
    """Flags with contact supported but not detected mean contact is lost, with no RR."""
    measurement = parse_heart_rate_measurement(POLAR_NO_CONTACT)
    assert measurement.contact_lost
    assert measurement.rr_ms == ()


def test_strap_without_contact_sensing_never_reports_contact_lost():
    """Contact bits both clear (not supported): contact is never said to be lost."""
    measurement = parse_heart_rate_measurement(bytes.fromhex("10 41 00 04"))
    assert not measurement.contact_supported
    assert not measurement.contact_lost
    assert measurement.rr_ms == pytest.approx((1000.0,))


def test_16_bit_heart_rate_and_energy_expended():
    """Flag bits 0 and 3: a 16-bit heart rate, then energy expended, then RR."""
    packet = bytes.fromhex("19 2c 01 e8 03 00 04")  # 300 bpm, 1000 kJ, RR 1024/1024 s
    measurement = parse_heart_rate_measurement(packet)
    assert measurement.bpm == 300
    assert measurement.energy_kj == 1000
    assert measurement.rr_ms == pytest.approx((1000.0,))


def test_rate_only_packet_has_no_intervals():
    """An optical sensor's packet (flags 0): a heart rate and no RR intervals."""
    measurement = parse_heart_rate_measurement(bytes.fromhex("00 4b"))
    assert measurement.bpm == 75
    assert measurement.rr_ms == ()
    assert measurement.energy_kj is None


def test_reserved_flag_bits_are_ignored():
    """Bits 5-7 of the flags are reserved: a packet with them set still parses."""
    measurement = parse_heart_rate_measurement(bytes.fromhex("f6 3c 1a 03"))
    assert measurement.bpm == 60
    assert len(measurement.rr_ms) == 1


@pytest.mark.parametrize(
    ("packet", "fragment"),
    [
        (b"", "empty"),
        (bytes.fromhex("00"), "no heart rate"),
        (bytes.fromhex("01 3c"), "16-bit heart rate"),
        (bytes.fromhex("08 3c e8"), "energy expended"),
        (bytes.fromhex("16 3c 1a"), "odd byte"),
        (bytes.fromhex("16 3c 1a 03 05"), "odd byte"),
    ],
)
def test_short_or_malformed_packet_raises_measurement_error(packet, fragment):
    """A packet that ends inside a field raises MeasurementError saying which, never IndexError."""
    with pytest.raises(MeasurementError, match=fragment):
        parse_heart_rate_measurement(packet)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.binary(max_size=24))
def test_any_bytes_parse_or_raise_measurement_error(packet):
    """Whatever bytes arrive, the parser returns a measurement or raises MeasurementError."""
    try:
        measurement = parse_heart_rate_measurement(packet)
    except MeasurementError:
        return
    assert all(0 <= rr < 64000 for rr in measurement.rr_ms)


@settings(max_examples=100, derandomize=True, deadline=None)
@given(
    st.integers(0, 400),
    st.lists(st.integers(1, 65535), max_size=8),
    st.sampled_from([True, False, None]),
    st.one_of(st.none(), st.integers(0, 65535)),
)
def test_encoded_packets_parse_back(bpm, raw_rr, contact, energy):
    """The stand-in encoder and the parser agree on every field."""
    rr = tuple(value * 1000 / 1024 for value in raw_rr)
    packet = encode_heart_rate_measurement(bpm, rr, contact=contact, energy_kj=energy)
    measurement = parse_heart_rate_measurement(packet)
    assert measurement.bpm == bpm
    assert measurement.rr_ms == pytest.approx(rr)
    assert measurement.energy_kj == energy
    assert measurement.contact_lost == (contact is False)
