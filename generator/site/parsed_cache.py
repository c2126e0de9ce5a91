"""Parsed journeys kept in the site's disk cache, so a rebuild parses only the journey
files whose bytes changed (``generator.read.load.ParseStore`` over a ``DiskCache``).

An entry is named by a hash of journeymap's fingerprint, the file's shown path, its id
and its bytes; it holds ``generator.read.parsed_data``'s JSON. An entry that does not
read back exactly is ignored and the file is parsed.
"""

from __future__ import annotations

import hashlib

from generator.errors import Problem
from generator.model import Journey
from generator.read.load import ParseKey
from generator.read.parsed_data import NotParsedData, dump_parsed, load_parsed
from generator.site.disk_cache import DiskCache, fingerprint

__all__ = ["CachedParses"]


class CachedParses:
    """A ``ParseStore`` in ``cache``."""

    def __init__(self, cache: DiskCache) -> None:
        self.cache = cache
        self._salt = fingerprint(None).encode("ascii")

    def _name(self, key: ParseKey) -> str:
        shown, journey_id, data = key
        head = (
            self._salt
            + b"\0"
            + shown.encode("utf-8", "surrogatepass")
            + b"\0"
            + journey_id.encode("utf-8", "surrogatepass")
        )
        return hashlib.sha256(head + b"\0" + data).hexdigest() + ".parsed"

    def get(self, key: ParseKey, /) -> tuple[Journey, list[Problem]] | None:
        if self.cache.folder is None:
            return None
        stored = self.cache.get(self._name(key))
        if stored is None:
            return None
        try:
            return load_parsed(stored)
        except NotParsedData:
            return None

    def __setitem__(self, key: ParseKey, value: tuple[Journey, list[Problem]], /) -> None:
        if self.cache.folder is None:
            return
        data = dump_parsed(*value)
        if data is not None:
            self.cache.put(self._name(key), data)
