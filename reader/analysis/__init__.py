"""Document → Analysis. Plain Python: nothing under this package may import Textual."""

from reader.analysis.model import Analysis
from reader.analysis.pipeline import analyse

__all__ = ["Analysis", "analyse"]
