"""The NLTK classes the analysers use, imported without running NLTK's package ``__init__``.

``import nltk.tokenize.punkt`` first runs ``nltk/__init__.py`` and ``nltk/tokenize/__init__.py``,
which import nearly all of NLTK (and numpy when it is installed): 0.2 to 0.4 s of a 0.6 s
``reader analyse``. Those two packages are registered as lazy modules instead: their submodules
import as usual, and the first attribute asked of the package itself runs its real ``__init__``,
so code elsewhere that does ``import nltk; nltk.something`` still gets all of NLTK.

``WordTokenizer`` is NLTK's word tokenizer with its patterns compiled by the standard ``re``
instead of NLTK's timed ``regex`` wrapper: twice as fast, and the timeout is not needed because
``sentences.pieces`` bounds every string it sees (a test checks both give the same tokens).
"""

from __future__ import annotations

import importlib.util
import re
import sys
import types
from typing import Any


class _LazyPackage(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        """A submodule ("from nltk import redos") is imported alone; any other name runs the
        package's real ``__init__`` first."""
        if not name.startswith("__") and importlib.util.find_spec(f"{self.__name__}.{name}"):
            return importlib.import_module(f"{self.__name__}.{name}")
        self.__class__ = types.ModuleType  # type: ignore[assignment]  # an ordinary module now
        assert self.__spec__ is not None and self.__spec__.loader is not None
        self.__spec__.loader.exec_module(self)
        return getattr(self, name)


def _lazy(name: str) -> None:
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    module.__class__ = _LazyPackage
    sys.modules[name] = module
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)


_lazy("nltk")
_lazy("nltk.tokenize")

from nltk.redos import TimedPattern  # noqa: E402
from nltk.tokenize.destructive import NLTKWordTokenizer  # noqa: E402
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer  # noqa: E402

_FLAGS = re.I | re.M | re.S | re.U | re.X  # the flags the two engines share


def _standard(rule: Any) -> Any:
    """A rule table of NLTK's with each timed pattern compiled by ``re``."""
    if isinstance(rule, TimedPattern):
        return re.compile(rule.pattern, rule.flags & _FLAGS)
    if isinstance(rule, (list, tuple)):
        return type(rule)(map(_standard, rule))
    return rule


class WordTokenizer(NLTKWordTokenizer):  # type: ignore[misc]  # NLTK ships no types
    """NLTK's Treebank-style word tokenizer on the standard regular-expression engine."""


for _name in [n for n in dir(NLTKWordTokenizer) if n.isupper()]:
    setattr(WordTokenizer, _name, _standard(getattr(NLTKWordTokenizer, _name)))

__all__ = ["NLTKWordTokenizer", "PunktParameters", "PunktSentenceTokenizer", "WordTokenizer"]
