"""A compact map from fixed-width byte keys (hash digests) to non-negative integers.

The table keeps one entry per distinct caption (its dedupe key → its group, its exact text's key →
its first row). A ``dict`` of ``bytes`` → ``int`` costs about 130 bytes an entry (a bytes object,
an int object and the dict's slot); at millions of distinct captions that is most of a run's
memory. :class:`KeyIndex` keeps the keys in one ``bytearray`` and the values in one ``array``:
20 bytes a slot, 30 to 60 bytes an entry (open addressing, linear probing, at most two thirds
full), and large flat blocks that go back to the system when the index is dropped.
"""
from __future__ import annotations

from array import array

_EMPTY = -1


class KeyIndex:
    """``bytes`` keys of one width → ints ≥ 0: ``get``, ``[key] = value``, ``in``, ``len``.

    Values are set once per key or replaced; keys are never removed (the table only adds).
    """

    __slots__ = ("width", "keys", "values", "mask", "used", "limit")

    def __init__(self, width: int = 12, slots: int = 1 << 10):
        if slots & (slots - 1) or slots < 8:
            raise ValueError("slots: a power of two, at least 8")
        self.width = width
        self.used = 0
        self._allocate(slots)

    def _allocate(self, slots: int) -> None:
        self.keys = bytearray(slots * self.width)
        self.values = array("q", [_EMPTY]) * slots
        self.mask = slots - 1
        self.limit = slots * 2 // 3

    def _slot(self, key: bytes) -> int:
        """The slot holding ``key``, or the empty slot where it would go."""
        w, keys, values, mask = self.width, self.keys, self.values, self.mask
        i = hash(key) & mask
        while values[i] != _EMPTY and keys[i * w:i * w + w] != key:
            i = (i + 1) & mask
        return i

    def get(self, key: bytes, default=None):
        w, keys, values, mask = self.width, self.keys, self.values, self.mask
        i = hash(key) & mask
        while True:
            v = values[i]
            if v == _EMPTY:
                return default
            if keys[i * w:i * w + w] == key:
                return v
            i = (i + 1) & mask

    def add(self, key: bytes, value: int) -> int | None:
        """The value of ``key`` if it has one; else ``key`` gets ``value`` and None is returned
        (one probe where ``get`` then ``[key] = value`` take two)."""
        w, keys, values, mask = self.width, self.keys, self.values, self.mask
        i = hash(key) & mask
        while True:
            v = values[i]
            if v == _EMPTY:
                break
            if keys[i * w:i * w + w] == key:
                return v
            i = (i + 1) & mask
        self._put(i, key, value)
        return None

    def __getitem__(self, key: bytes) -> int:
        v = self.get(key)
        if v is None:
            raise KeyError(key)
        return v

    def __contains__(self, key: bytes) -> bool:
        return self.get(key) is not None

    def __setitem__(self, key: bytes, value: int) -> None:
        i = self._slot(key)
        if self.values[i] == _EMPTY:
            self._put(i, key, value)
        elif value < 0:
            raise ValueError("KeyIndex values are integers ≥ 0")
        else:
            self.values[i] = value

    def _put(self, i: int, key: bytes, value: int) -> None:
        """A new key in empty slot ``i`` (found for it at the present size)."""
        if len(key) != self.width:
            raise ValueError(f"key of {len(key)} bytes in an index of {self.width}-byte keys")
        if value < 0:
            raise ValueError("KeyIndex values are integers ≥ 0")
        if self.used >= self.limit:
            self._grow()
            i = self._slot(key)
        self.used += 1
        w = self.width
        self.keys[i * w:i * w + w] = key
        self.values[i] = value

    def __len__(self) -> int:
        return self.used

    def items(self):
        """(key, value) pairs, in no particular order."""
        w, keys = self.width, self.keys
        for i, v in enumerate(self.values):
            if v != _EMPTY:
                yield bytes(keys[i * w:i * w + w]), v

    def _grow(self) -> None:
        # the old keys as one bytes object: each key a slice of it (one object), not a bytearray slice copied
        old_keys, old_values, w = bytes(self.keys), self.values, self.width
        self._allocate(len(old_values) * 2)
        keys, values, mask = self.keys, self.values, self.mask
        for i, v in enumerate(old_values):
            if v == _EMPTY:
                continue
            at = i * w
            key = old_keys[at:at + w]
            j = hash(key) & mask
            while values[j] != _EMPTY:  # keys are distinct: only an empty slot is looked for
                j = (j + 1) & mask
            keys[j * w:j * w + w] = key
            values[j] = v

    @property
    def nbytes(self) -> int:
        """The memory its two blocks take."""
        return len(self.keys) + self.values.itemsize * len(self.values)
