"""The status chart is a real, non-empty PNG (illustrative series)."""

from __future__ import annotations

import io
import struct
from datetime import date, timedelta
from pathlib import Path

import pytest

from koreawatch.resolve.status import DayStatus, DimensionStatus
from koreawatch.resolve.status_chart import draw_status_png


def _series() -> list[DayStatus]:
    states = [(3, "known")] * 5 + [(2, "known")] * 5 + [(2, "stale")] * 5 + [(None, "unknown")] * 3
    start = date(2021, 2, 1)
    return [DayStatus(start + timedelta(days=i), DimensionStatus(level, state),
                      DimensionStatus(level if level is None else 3, state), ("demo",))
            for i, (level, state) in enumerate(states)]


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("series", [_series(), []])
def test_draw_status_png_file_object(series: list[DayStatus]) -> None:
    buffer = io.BytesIO()
    draw_status_png(series, "Illustrative region", buffer)
    width, height = _png_size(buffer.getvalue())
    assert width > 300 and height > 100


def test_draw_status_png_path_readable_by_matplotlib(tmp_path: Path) -> None:
    import matplotlib.image as mpimg

    path = tmp_path / "status.png"
    draw_status_png(_series(), "Illustrative region", path)
    image = mpimg.imread(path)
    assert image.shape[0] > 100 and image.shape[1] > 300
    assert image.std() > 0  # not a blank canvas
