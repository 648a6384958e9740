"""The Bluetooth LE Heart Rate Measurement characteristic (0x2A37), parsed from its bytes.

Layout (Bluetooth SIG, Heart Rate Service 1.0, all little-endian):

- byte 0, flags: bit 0 heart rate is 16-bit (else 8-bit); bit 1 sensor contact detected; bit 2
  sensor contact supported; bit 3 energy expended present; bit 4 RR intervals present; bits 5-7
  reserved (ignored).
- the heart rate in beats per minute, 1 or 2 bytes;
- energy expended in kilojoules, 2 bytes, when bit 3 is set;
- when bit 4 is set, every remaining pair of bytes is one RR interval in units of 1/1024 s.
"""

from __future__ import annotations

from dataclasses import dataclass

# Full 128-bit forms of the 16-bit SIG numbers, as bleak and every backend accept them.
HEART_RATE_SERVICE_UUID = "0000180d-0000-1000-8000-00805f9b34fb"
HEART_RATE_MEASUREMENT_UUID = "00002a37-0000-1000-8000-00805f9b34fb"

_HR_16_BIT = 0x01
_CONTACT_DETECTED = 0x02
_CONTACT_SUPPORTED = 0x04
_ENERGY_PRESENT = 0x08
_RR_PRESENT = 0x10

RR_UNITS_PER_SECOND = 1024


class MeasurementError(ValueError):
    """A Heart Rate Measurement packet is too short or malformed: the packet is dropped."""


@dataclass(frozen=True)
class HeartRateMeasurement:
    """One notification of 0x2A37.

    Attributes:
        bpm: the heart rate the strap reports (its own average, not beat to beat).
        contact_supported: the strap can tell whether it touches the skin.
        contact_detected: it says it does (meaningful only when supported).
        energy_kj: energy expended since the strap's last reset, or None when not sent.
        rr_ms: beat-to-beat intervals in milliseconds, oldest first (often 0, 1 or 2 of them).
    """

    bpm: int
    contact_supported: bool
    contact_detected: bool
    energy_kj: int | None
    rr_ms: tuple[float, ...]

    @property
    def contact_lost(self) -> bool:
        """The strap can sense contact and says there is none (loose or dry strap)."""
        return self.contact_supported and not self.contact_detected


def _uint16(data: bytes, offset: int, what: str) -> int:
    if offset + 2 > len(data):
        raise MeasurementError(
            f"heart rate packet of {len(data)} bytes ends inside its {what} (byte {offset})"
        )
    return data[offset] | (data[offset + 1] << 8)


def parse_heart_rate_measurement(data: bytes | bytearray | memoryview) -> HeartRateMeasurement:
    """Parse one Heart Rate Measurement notification.

    Args:
        data: the characteristic's value as the strap sent it.

    Returns:
        The measurement, RR intervals converted from 1/1024 s to milliseconds.

    Raises:
        MeasurementError: the packet is empty, ends inside a field, or leaves an odd byte where
            RR intervals are expected.
    """
    packet = bytes(data)
    if not packet:
        raise MeasurementError("empty heart rate packet")
    flags = packet[0]
    offset = 1
    if flags & _HR_16_BIT:
        bpm = _uint16(packet, offset, "16-bit heart rate")
        offset += 2
    else:
        if len(packet) < 2:
            raise MeasurementError("heart rate packet of 1 byte has no heart rate")
        bpm = packet[offset]
        offset += 1
    energy: int | None = None
    if flags & _ENERGY_PRESENT:
        energy = _uint16(packet, offset, "energy expended")
        offset += 2
    intervals: list[float] = []
    if flags & _RR_PRESENT:
        if (len(packet) - offset) % 2:
            raise MeasurementError(
                f"heart rate packet of {len(packet)} bytes has an odd byte among its RR intervals"
            )
        while offset < len(packet):
            raw = _uint16(packet, offset, "RR interval")
            intervals.append(raw * 1000.0 / RR_UNITS_PER_SECOND)
            offset += 2
    return HeartRateMeasurement(
        bpm=bpm,
        contact_supported=bool(flags & _CONTACT_SUPPORTED),
        contact_detected=bool(flags & _CONTACT_DETECTED),
        energy_kj=energy,
        rr_ms=tuple(intervals),
    )


def encode_heart_rate_measurement(
    bpm: int,
    rr_ms: tuple[float, ...] = (),
    *,
    contact: bool | None = True,
    energy_kj: int | None = None,
    wide: bool = False,
) -> bytes:
    """Build a 0x2A37 packet: for stand-in sensors and tests (the inverse of the parser).

    Args:
        bpm: heart rate; 16-bit when `wide` or above 255.
        rr_ms: RR intervals in milliseconds, rounded to 1/1024 s.
        contact: True or False for a strap that senses contact, None for one that cannot.
        energy_kj: energy expended to include, or None.
        wide: send the heart rate as 16 bits even when it fits in 8.
    """
    flags = 0
    wide = wide or bpm > 0xFF
    if wide:
        flags |= _HR_16_BIT
    if contact is not None:
        flags |= _CONTACT_SUPPORTED | (_CONTACT_DETECTED if contact else 0)
    if energy_kj is not None:
        flags |= _ENERGY_PRESENT
    if rr_ms:
        flags |= _RR_PRESENT
    body = bytearray([flags])
    body += bpm.to_bytes(2 if wide else 1, "little")
    if energy_kj is not None:
        body += energy_kj.to_bytes(2, "little")
    for interval in rr_ms:
        body += round(interval * RR_UNITS_PER_SECOND / 1000.0).to_bytes(2, "little")
    return bytes(body)
