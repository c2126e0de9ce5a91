"""journeymap: customer journey maps as code."""

__version__ = "0.1.0"

COMPILED_MODULES = ("generator.text", "generator.layout", "generator.render_svg")
"""The map-drawing modules a regular install compiles with mypyc (see setup.py)."""


def compiled() -> bool:
    """Whether this installation draws maps with compiled code.

    A regular install (``pip install .``) compiles ``COMPILED_MODULES`` where a C
    compiler and the Python headers are at hand; an editable install, or a machine
    without them, runs the same code as plain Python. Answered without importing them.
    """
    from importlib.util import find_spec

    for name in COMPILED_MODULES:
        spec = find_spec(name)
        if spec is None or spec.origin is None or spec.origin.endswith(".py"):
            return False
    return True
