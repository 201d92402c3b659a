"""Where the commands' library calls lived before the engines were split (issue 13): the same names,
re-exported from the local engine (:mod:`captionclean.engine.local`)."""
from .engine.local import (CleanResult, CreditsResult, clean_inputs, clean_to_output, credits, mark_embedded_doubts,
                           only_doubtful, stats)

RunResult = CleanResult  # what clean_inputs returns: the table, its Summary, the inputs as read

__all__ = ["CleanResult", "CreditsResult", "RunResult", "clean_inputs", "clean_to_output", "credits",
           "mark_embedded_doubts", "only_doubtful", "stats"]
