"""``record``: the immutable dataclass of this code base, checked by mypy, free at run time.

``@dataclass(frozen=True)`` enforces immutability by generating ``__setattr__`` and an
``__init__`` that goes through ``object.__setattr__``: each class costs about 0.7 ms
to create and every instance more to build. The fourteen such classes every command
imports made ten milliseconds of each ``journeymap`` process. A ``record`` is the same
slotted dataclass, with equality and a hash over its compared fields, declared frozen
to type checkers (PEP 681): mypy, which the test suite runs in strict mode over
``generator``, rejects any assignment to a field. Nothing at run time does, so the
code base keeps to the rule that records are never changed, only replaced
(``dataclasses.replace``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import TypeVar, dataclass_transform, overload

__all__ = ["record"]

_T = TypeVar("_T")


@overload
def record(cls: type[_T], /) -> type[_T]: ...


@overload
def record(*, kw_only: bool = False) -> Callable[[type[_T]], type[_T]]: ...


@dataclass_transform(frozen_default=True)
def record(cls: type[_T] | None = None, /, *, kw_only: bool = False) -> type[_T] | Callable[[type[_T]], type[_T]]:
    """``@record`` or ``@record(kw_only=True)`` on a class of annotated fields."""

    def build(target: type[_T]) -> type[_T]:
        made = dataclass(target, slots=True, kw_only=kw_only)
        # The hash a frozen dataclass has, over the same fields, made without exec():
        # dataclass(unsafe_hash=True) compiles a __hash__ per class, half of its cost.
        names = [f.name for f in fields(made) if (f.compare if f.hash is None else f.hash)]  # type: ignore[arg-type]
        values = attrgetter(*names, "__class__")

        def __hash__(self: object) -> int:
            return hash(values(self))

        made.__hash__ = __hash__  # type: ignore[method-assign]
        return made

    return build if cls is None else build(cls)
