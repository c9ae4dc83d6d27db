"""What the explorer looks like at 80x24 (SSH on a small terminal) and 120x40.

Regenerate after a deliberate change with `pytest tests/tui --snapshot-update` and look
at the SVGs in tests/tui/__snapshots__ before committing them.
"""

from __future__ import annotations

from karabakh_tui.app_context import Workspace
from karabakh_tui.tui.app import make_app


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_explorer_80x24(snap_compare, seed_env: Workspace) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(seed_env), terminal_size=(80, 24), run_before=_settle)


def test_explorer_120x40_with_filters(snap_compare, seed_env: Workspace) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(seed_env), terminal_size=(120, 40), run_before=_settle)


def test_passage_80x24(snap_compare, seed_env: Workspace) -> None:  # type: ignore[no-untyped-def]
    async def open_passage(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settle(pilot)
        await pilot.press("slash", *"Sumgait", "enter")
        await _settle(pilot)  # the search runs in a worker
        await pilot.press("enter")
        await _settle(pilot)

    assert snap_compare(make_app(seed_env), terminal_size=(80, 24), run_before=open_passage)


def test_explorer_80x24_no_color(snap_compare, seed_env: Workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NO_COLOR", "1")  # Textual turns the app monochrome
    assert snap_compare(make_app(seed_env), terminal_size=(80, 24), run_before=_settle)


def test_explorer_80x24_sixteen_colours(snap_compare, seed_env: Workspace) -> None:  # type: ignore[no-untyped-def]
    app = make_app(seed_env, ansi_color=True)  # what run_app chooses on a 16-colour terminal
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settle)


def test_passage_120x40(snap_compare, seed_env: Workspace) -> None:  # type: ignore[no-untyped-def]
    async def open_passage(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settle(pilot)
        await pilot.press("slash", *"Shushi", "enter")
        await _settle(pilot)
        await pilot.press("enter")
        await _settle(pilot)

    assert snap_compare(make_app(seed_env), terminal_size=(120, 40), run_before=open_passage)
