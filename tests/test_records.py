"""``record``: immutable to mypy, and a dataclass with equality and hashing at run time."""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys
from pathlib import Path

from generator.model import NOWHERE, Lane, Location, Step
from tests.conftest import REPO


def test_equality_and_hash_follow_the_compared_fields() -> None:
    here = Location(path="a.md", line=3)
    there = Location(path="b.md", line=9)
    one = Step(id="s", title="Books", lanes=(Lane(key="pain", value="slow", loc=here),), loc=here)
    two = Step(id="s", title="Books", lanes=(Lane(key="pain", value="slow", loc=there),), loc=there)
    assert one == two  # locations are not compared
    assert hash(one) == hash(two)
    assert len({one, two}) == 1
    other = dataclasses.replace(one, title="Pays")
    assert other != one
    assert other.lanes is one.lanes
    a_location: object = Location(path="a", line=1)
    assert a_location != Lane(key="a", value="1")  # another class never equals


def test_hash_changes_with_the_values() -> None:
    assert hash(Location(path="x", line=1)) != hash(Location(path="x", line=2))


def test_records_are_slotted_and_pickle() -> None:
    step = Step(id="s", title="Books", lanes=(Lane(key="kpi", value="NPS"),), loc=NOWHERE)
    assert not hasattr(step, "__dict__")
    again = pickle.loads(pickle.dumps(step))
    assert again == step
    assert again.lanes[0].value == "NPS"


def test_mypy_rejects_changing_a_record(tmp_path: Path) -> None:
    script = tmp_path / "change.py"
    script.write_text(
        "from generator.model import Location\nwhere = Location(path='a', line=1)\nwhere.line = 2\nLocation('a', 1)\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--strict", str(script)],
        check=False,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert result.returncode == 1
    assert 'Property "line" defined in "Location" is read-only' in result.stdout
    assert "Too many positional arguments" in result.stdout  # keyword-only, as declared


def test_repr_shows_the_fields_a_dataclass_would() -> None:
    step = Step(id="s", title="Books", loc=Location(path="a.md", line=3))
    assert repr(step) == (
        "Step(id='s', title='Books', notes='', lanes=(), emotion=None, type='', moment_of_truth=False)"
    )
    assert repr(Location(path="a.md", line=3)) == "Location(path='a.md', line=3, column=1)"
