"""tasks.py stops at once, with the one install command, when Qt's Linux libraries are missing."""

from __future__ import annotations

import pytest

import tasks


def test_every_missing_library_names_its_package() -> None:
    everything = set(tasks.QT_LINUX_LIBRARIES)
    assert tasks.missing_qt_packages(everything) == []
    without = everything - {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    assert tasks.missing_qt_packages(without) == ["libxcb-cursor0", "libxcb-icccm4"]


def test_run_stops_before_installing_with_the_apt_command(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(tasks.sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(tasks, "installed_libraries",
                        lambda: set(tasks.QT_LINUX_LIBRARIES) - {"libxcb-cursor.so.0"})
    monkeypatch.setattr(tasks, "ensure_venv",
                        lambda extra: pytest.fail("installed before checking the libraries"))
    assert tasks.run([]) == 3
    assert "sudo apt-get install libxcb-cursor0" in capsys.readouterr().out


def test_no_screen_is_said_before_installing(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(tasks.sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(tasks, "installed_libraries", lambda: set(tasks.QT_LINUX_LIBRARIES))
    assert tasks.check_desktop() == 3
    assert "no screen" in capsys.readouterr().out


def test_offscreen_needs_no_window_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tasks.sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(tasks, "installed_libraries", lambda: set())
    assert tasks.check_desktop() == 0
