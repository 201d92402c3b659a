"""The engines: each reads the inputs, runs the core (:mod:`captionclean.core`) on their rows and
writes the table. :mod:`.local` runs on one machine (streamed, ``--jobs``); :mod:`.dask` runs the
same core over the partitions of a ``dask.dataframe`` (``captionclean[dask]``)."""
