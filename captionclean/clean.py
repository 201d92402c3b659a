"""Where the cleaning API lived before the core and the engines were split (issue 13): the same
names, re-exported for code written against ``captionclean.clean``. New code imports the core
(:mod:`captionclean.core`) and the local engine (:mod:`captionclean.engine.local`)."""
from .chunks import CHUNK_SIZE
from .core import (COLUMNS, MAX_CAPTION, PARSED_MEMORY, RAW_MEMORY, VERSION_COLUMNS, Options, Summary, Table,
                   build, check_year, dedupe_key, parse_texts, unparsed, with_vocabulary)
from .engine.local import CleanResult, clean, clean_file, clean_rows, clean_to_path

__all__ = ["CHUNK_SIZE", "COLUMNS", "MAX_CAPTION", "PARSED_MEMORY", "RAW_MEMORY", "VERSION_COLUMNS", "CleanResult",
           "Options", "Summary", "Table", "build", "check_year", "clean", "clean_file", "clean_rows", "clean_to_path",
           "dedupe_key", "parse_texts", "unparsed", "with_vocabulary"]
