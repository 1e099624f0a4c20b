"""Every error warta raises, in one catalogue.

The library raises these small named exceptions; only the CLI (and any web
layer) turns them into an `Error: …` line.  Each message says what was wrong
and how to fix it.
"""

from __future__ import annotations


class WartaError(Exception):
    """Base class of every error warta raises on purpose."""

    exit_code = 1


class InputError(WartaError):
    """An input could not be read as an article (empty, binary, too big, bad encoding…)."""

    exit_code = 2

    def __init__(self, source: str, problem: str, fix: str = ""):
        self.source = source
        self.problem = problem
        self.fix = fix
        message = f"{source}: {problem}"
        if fix:
            message += f" ({fix})"
        super().__init__(message)


class OptionsError(WartaError):
    """An option has an unknown name or a bad value."""

    exit_code = 2


class PipelineError(WartaError):
    """The pipeline cannot be built: unknown component or unmet requirement."""


class ComponentError(WartaError):
    """A component failed while processing an article."""

    def __init__(self, component: str, article: str, cause: BaseException):
        self.component = component
        self.article = article
        self.cause = cause
        super().__init__(f"component {component!r} failed on article {article}: {type(cause).__name__}: {cause}")


class ArticleTimeout(WartaError):
    """One article took longer than its time budget (`Options.time_budget`); it is reported as failed."""

    def __init__(self, source: str, seconds: float):
        self.source = source
        self.seconds = seconds
        super().__init__(f"{source}: gave up after the {seconds:g} s time budget for one article "
                         "(raise it with --time-budget, or split the input)")


class ModelError(WartaError):
    """A shipped model is missing or cannot be loaded."""


class ModelNotFoundError(ModelError, FileNotFoundError):
    """The shipped spaCy model directory is missing or incomplete."""


class StoreError(WartaError):
    """The article store cannot be opened or written."""


# Messages used in more than one place -------------------------------------------------
MESSAGES = {
    "empty": ("the input is empty", "give a file that holds the article text"),
    "binary": ("the input looks binary, not text", "give a UTF-8 text, HTML, feed or JSON Lines file"),
    "too_big": ("the input is {size} MB, over the {limit} MB limit", "split it, or raise --max-bytes"),
    "encoding": ("the text encoding could not be recognised", "convert the file to UTF-8, e.g. with iconv"),
    "missing": ("no such file or directory", "check the path"),
    "no_text": ("no article text could be found in it", "check that it is a news article page or text"),
    "bad_feed": ("the feed could not be parsed: {why}", "check that it is an RSS or Atom XML file"),
    "bad_jsonl": ("line {line} is not a JSON object with a \"text\" field: {why}", "fix or remove that line"),
}


def input_error(source: str, key: str, **values: object) -> InputError:
    problem, fix = MESSAGES[key]
    return InputError(source, problem.format(**values), fix.format(**values))
