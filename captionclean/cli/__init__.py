"""The command line: thin Typer commands (:mod:`.commands`) over the library, with the options they
share, the error guard and the progress bar declared once (:mod:`.options`)."""
from .commands import app, main

__all__ = ["app", "main"]
