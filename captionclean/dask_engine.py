"""Where the Dask engine lived before the engines were split (issue 13): the same names, re-exported
from :mod:`captionclean.engine.dask`."""
from .engine.dask import DASK_FORMATS, clean_files_dask, clean_frame, input_format, parse_partition, read_frame

__all__ = ["DASK_FORMATS", "clean_files_dask", "clean_frame", "input_format", "parse_partition", "read_frame"]
