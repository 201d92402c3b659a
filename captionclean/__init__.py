"""captionclean: clean photo-desk caption exports into a tidy, deduplicated table."""
from importlib.metadata import PackageNotFoundError, version as _version

from . import clean as _clean_module  # the old module, loaded first: the package's `clean` is the function below
from .core import Options, Summary, dedupe_key
from .engine.local import CleanResult, clean, clean_file, clean_rows
from .parse import FIELDS, Caption, parse_caption
from .read import ReadError, read_path
from .repair import Repair, RepairOptions, repair_text
from .tables import load_agencies
from .write import WriteError, write_table

__all__ = [
    "Caption", "CleanResult", "FIELDS", "Options", "ReadError", "Repair", "RepairOptions", "Summary",
    "WriteError", "clean", "clean_file", "clean_rows", "dedupe_key", "load_agencies", "parse_caption",
    "read_path", "repair_text", "write_table",
]
try:  # the version is written once, in pyproject.toml
    __version__ = _version("captionclean")
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"
