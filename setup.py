"""Build script: the map-drawing modules are compiled to C with mypyc where possible.

All other settings are in pyproject.toml. A regular install (``pip install .``) compiles
``COMPILED`` for speed, as black and mypy ship; the ``.py`` files are installed too, so
without a C compiler or the Python headers, or with ``JOURNEYMAP_PURE=1``, the same
code runs as plain Python. Editable installs (``pip install -e .``) are never compiled:
a compiled module would hide the edits made to its source. Both forms draw
byte-identical maps (``tests/test_compiled.py``).
"""

from __future__ import annotations

import os
import shutil
import sys

from setuptools import setup

COMPILED = ["generator/text.py", "generator/layout.py", "generator/render_svg.py"]  # generator.COMPILED_MODULES


def _extensions() -> list[object]:
    if os.environ.get("JOURNEYMAP_PURE") == "1" or "bdist_wheel" not in sys.argv:
        return []  # metadata, sdists and editable installs: nothing to compile
    try:
        from mypyc.build import mypycify
    except ImportError:
        return []
    try:
        extensions = mypycify(COMPILED, opt_level="3")
    except (Exception, SystemExit) as error:  # mypyc refused a module: install plain Python
        print(f"journeymap: not compiled ({error})", file=sys.stderr)
        return []
    for extension in extensions:
        extension.optional = True  # no compiler or headers: a warning, and plain Python
    return list(extensions)


if "bdist_wheel" in sys.argv:
    # A build folder left by an earlier build could carry its compiled modules into this one.
    shutil.rmtree("build", ignore_errors=True)
setup(ext_modules=_extensions())
