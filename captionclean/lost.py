"""The lost-character repair moved to :mod:`captionclean.repair.lost` (and the export's
vocabulary to :mod:`captionclean.repair.vocabulary`). This name stays for the modules that
still import it (clean.py, parse.py, dask_engine.py); every attribute is the new module's."""
from __future__ import annotations

from .repair import lost as _lost


def __getattr__(name: str):
    return getattr(_lost, name)
