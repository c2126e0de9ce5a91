"""Which Zensical journeymap runs: the releases it is tested with, a note for any other,
and a clear error (not a traceback) for one without what journeymap calls."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import pytest

from generator.site import engines
from generator.site.engines import ZENSICAL_TESTED, EngineError


def _fake_zensical(root: Path, release: str, *, with_build: bool = True) -> None:
    """A ``zensical`` package of ``release`` in ``root``, installed as pip installs one."""
    package = root / "zensical"
    package.mkdir()
    calls = "def build(path, options):\n    pass\n\ndef serve(path, options):\n    pass\n" if with_build else ""
    (package / "__init__.py").write_text(calls, encoding="utf-8")
    (package / "config.py").write_text(
        "class ConfigurationError(Exception):\n    pass\n\ndef parse_mkdocs_config(path):\n    return {}\n",
        encoding="utf-8",
    )
    info = root / f"zensical-{release}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: zensical\nVersion: {release}\n", encoding="utf-8")


@pytest.fixture
def fake_site_packages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for name in [name for name in sys.modules if name == "zensical" or name.startswith("zensical.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.syspath_prepend(str(tmp_path))
    engines._tell_untested.cache_clear()
    yield tmp_path
    engines._tell_untested.cache_clear()
    for name in [name for name in sys.modules if name == "zensical" or name.startswith("zensical.")]:
        del sys.modules[name]  # the real Zensical is imported again by the next test that needs it


def test_the_installed_zensical_is_a_tested_release(capsys: pytest.CaptureFixture[str]) -> None:
    release = tuple(int(part) for part in version("zensical").split(".")[:3])
    assert ZENSICAL_TESTED[0] <= release <= ZENSICAL_TESTED[1]
    engines._tell_untested.cache_clear()
    assert callable(engines.zensical().build)
    assert capsys.readouterr().err == ""


def test_an_untested_release_is_named_once_and_still_runs(
    fake_site_packages: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fake_zensical(fake_site_packages, "0.1.3")
    module = engines.zensical()
    assert Path(module.__file__).parent == fake_site_packages / "zensical"
    engines.zensical()
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Zensical 0.1.3 is installed; journeymap is tested with Zensical 0.0.70-0.0.73" in err
    assert "journeymap[zensical]" in err


def test_a_zensical_without_build_is_an_engine_error_naming_the_tested_releases(fake_site_packages: Path) -> None:
    _fake_zensical(fake_site_packages, "0.2.0", with_build=False)
    with pytest.raises(EngineError) as caught:
        engines.zensical()
    assert caught.value.code == 2
    assert "tested with Zensical 0.0.70-0.0.73" in str(caught.value)


def test_the_extra_installs_only_tested_releases() -> None:
    import tomllib

    pyproject = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text("utf-8"))
    low = ".".join(map(str, ZENSICAL_TESTED[0]))
    last = ZENSICAL_TESTED[1]
    above = f"{last[0]}.{last[1]}.{last[2] + 1}"
    wanted = f"zensical>={low},<{above}"
    assert pyproject["project"]["optional-dependencies"]["zensical"] == [wanted]
    assert wanted in pyproject["project"]["optional-dependencies"]["test"]


def test_a_pre_release_is_compared_by_its_numbers() -> None:
    assert engines._release("0.0.74rc1") == (0, 0, 74)
    assert engines._release("0.1.3") == (0, 1, 3)
    assert engines._release("1.0") is None
