"""[heart] sensor for quick calm and the check-in's breathing, and [heart] keep_intervals."""

from __future__ import annotations

from pathlib import Path

import pytest

from breath_tui.core.config_file import parse_config
from breath_tui.core.settings import Config, ConfigError
from breath_tui.heart.sensors import FakeSensor
from breath_tui.heart.source import SensorSource
from breath_tui.journal import Journal
from breath_tui.screens.quick import QuickCalmScreen, QuickRatingScreen
from breath_tui.session_setup import session_for
from breath_tui.widgets.heart_line import HeartLine

from .heart_app import beats_between, delivered, make_heart_app
from .helpers import make_home_app, settle, wait_until_started

CONFIG = Path("/home/someone/.config/breath-tui/config.toml")


def test_the_setting_gives_quick_calm_and_the_check_in_a_sensor_but_not_breathe():
    """[heart] sensor reaches the [quick] and [checkin] sessions; `breathe` takes --sensor."""
    config = parse_config('[heart]\nsensor = "replay:rr.txt@2"\nkeep_intervals = true\n', CONFIG)
    quick = session_for(config, "quick")
    assert quick.sensor is not None and quick.sensor.label == "replay:rr.txt"
    assert quick.keep_intervals
    assert session_for(config, "checkin").sensor is not None
    assert session_for(config, "breathing").sensor is None
    assert session_for(Config(), "quick").sensor is None


@pytest.mark.parametrize(
    ("value", "said"),
    [('"wifi"', "heart.sensor wants ble"), ('"ble"', "needs the strap's address")],
)
def test_a_bad_sensor_setting_names_file_and_line(value, said):
    """A sensor the setting cannot use: ConfigError naming config.toml, line 3."""
    with pytest.raises(ConfigError) as error:
        parse_config(f"# mine\n[heart]\nsensor = {value}\n", CONFIG)
    assert f"{CONFIG}, line 3" in str(error.value) and said in str(error.value)


async def test_a_sensor_that_cannot_open_is_a_notice_and_breathing_goes_on():
    """The recording named in the setting is gone: one notice, the guide still guides."""
    app, clock, _ = make_heart_app()

    def gone(_clock):
        raise OSError("replay:gone.txt: cannot be read: No such file or directory")

    app.options.setup.sensor = SensorSource("replay:gone.txt", gone)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_started(pilot)
        await pilot.pause()
        assert "No heart rate this time" in str(app.screen.query_one("#notice").render())
        clock.advance(4.5)
        app.screen.sync()
        await pilot.pause()
        assert "Breathe out" in str(app.screen.query_one("#word").render())


async def test_quick_calm_keeps_the_heart_figures_on_its_entry(monkeypatch):
    """Quick calm with [heart] sensor: the heart line beside it, the quick entry keeps heart."""
    sensor = FakeSensor(label="strap")
    monkeypatch.setattr(
        "breath_tui.heart.source.setting_source",
        lambda value: SensorSource("strap", lambda _clock: sensor),
    )
    config = Config()
    config.heart.sensor = "ble:A0:9E:1A:12:34:56"
    app, clock = make_home_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, QuickCalmScreen)
        await wait_until_started(pilot)
        assert app.screen.query(HeartLine)
        for beat in beats_between(100.0, 115.0):
            clock.time = max(clock.time, beat.t)
            sensor.push(beat)
            await delivered(pilot, sensor)
        app.screen.sync()
        await pilot.press("escape")
        assert isinstance(app.screen, QuickRatingScreen)
        await pilot.press("3")
        await settle(pilot)
    with Journal() as journal:
        (entry,) = journal.checkins()
    assert entry.kind == "quick" and entry.heart is not None
    assert entry.heart.sensor == "strap" and entry.heart.beats > 10


async def test_the_check_ins_breathing_keeps_its_heart_figures(journal):
    """A check-in breathed with a sensor: the breathing step saves the heart object with it."""
    from breath_tui.screens.breathe import BreathingScreen

    from .helpers import Keys, make_checkin_app

    app, clock = make_checkin_app(journal)
    sensor = FakeSensor(label="strap")
    app.options.setup.sensor = SensorSource("strap", lambda _clock: sensor)
    async with app.run_test(size=(100, 30)) as pilot:
        keys = Keys(pilot)
        await keys("7")
        # A plain press: Keys waits for every worker, and the sensor's runs until the end.
        await pilot.press("enter")
        await wait_until_started(pilot)
        assert isinstance(app.screen, BreathingScreen) and app.screen.query(HeartLine)
        for beat in beats_between(100.0, 19.5 + 100.0):
            clock.time = max(clock.time, beat.t)
            sensor.push(beat)
            await delivered(pilot, sensor)
        clock.time = 120.5
        app.screen.sync()
        await settle(pilot)
        (entry,) = journal.checkins()
        assert entry.breathing is not None and entry.breathing.cycles == 2
        assert entry.heart is not None and entry.heart.sensor == "strap"
        assert entry.heart.beats > 15
