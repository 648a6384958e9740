"""The body map: which line of the figure points at the region being noticed."""

from breath_tui.core.body_map import FIGURE, body_map_lines, figure_line_of
from breath_tui.core.vocab import DEFAULT_REGIONS, REGION_PROMPTS


def test_every_region_with_a_prompt_has_a_place_in_the_figure():
    """Each region core.vocab has words for is drawn on some line of the figure."""
    for region in REGION_PROMPTS:
        assert figure_line_of(region) is not None, region


def test_exactly_one_line_is_marked_and_names_the_region():
    """For each default region one line starts with ">" and ends with its name."""
    for region in DEFAULT_REGIONS:
        lines = body_map_lines(region)
        marked = [line for line in lines if line.startswith(">")]
        assert len(marked) == 1
        assert marked[0].endswith(f"< {region}")
        assert len(lines) == len(FIGURE)


def test_a_region_the_figure_does_not_know_gets_its_own_marked_line():
    """A config region such as "knees" is marked on a line of its own under the figure."""
    lines = body_map_lines("knees")
    assert lines[-1] == "> knees"
    assert [line for line in lines if line.startswith(">")] == ["> knees"]


def test_regions_are_found_whatever_their_case():
    """ "Shoulders" in a config finds the shoulders line."""
    assert figure_line_of("Shoulders") == figure_line_of("shoulders")
