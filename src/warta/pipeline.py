"""Named pipeline components and the pipeline that runs them in order.

A component is registered with a name, the layers it *requires* (must be
present), the layers it *uses* (read when present) and the layers it
*assigns*.  Its factory is called once with the validated `Options` (so a
model is loaded once per pipeline) and returns a callable that takes an
`Article` and returns it.

    @component("sentences", requires=["text"], assigns=["sentences"])
    def make_sentences(options):
        def run(article):
            ...
            return article
        return run

Building a pipeline whose requirements are unmet fails at once, naming the
component and the missing layer, and so does a `uses` entry that names no
known layer (one a reader fills or some registered component assigns); an
exception inside a component is re-raised as `ComponentError` naming the
component and the article.  `Pipeline.timings` adds up each component's time
(milliseconds) over the articles it ran on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from warta import limits
from warta.errors import ComponentError, PipelineError, WartaError
from warta.options import Options
from warta.record import Article

Step = Callable[[Article], Article]
Factory = Callable[[Options], Step]

#: layers a reader fills before any component runs
READER_LAYERS = frozenset({"text", "title", "authors", "credits", "published", "url", "source", "sections",
                           "dateline", "dateline_place", "editor", "outlet"})


@dataclass(frozen=True)
class ComponentInfo:
    name: str
    factory: Factory
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    indonesian_only: bool
    doc: str
    #: layers read when present (an earlier component may or may not have assigned them)
    uses: tuple[str, ...] = ()


REGISTRY: dict[str, ComponentInfo] = {}


def component(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = (),
              uses: Iterable[str] = (), indonesian_only: bool = True) -> Callable[[Factory], Factory]:
    """Register a component factory under `name`."""

    def register(factory: Factory) -> Factory:
        if name in REGISTRY and REGISTRY[name].factory is not factory:
            raise PipelineError(f"component name {name!r} is registered twice")
        REGISTRY[name] = ComponentInfo(name, factory, tuple(requires), tuple(assigns), indonesian_only,
                                       (factory.__doc__ or "").strip().split("\n")[0], tuple(uses))
        return factory

    return register


#: the default order; every name here must be registered by a module in `warta.annotate`
DEFAULT_COMPONENTS: tuple[str, ...] = (
    "language",
    "sentences",
    "entities",
    "actors",
    "quotes",
    "places",
    "dates",
    "quantities",
    "events",
)


def _load_builtin_components() -> None:
    import warta.annotate  # noqa: F401  (registers the built-in components)


def available() -> list[str]:
    _load_builtin_components()
    return [n for n in DEFAULT_COMPONENTS if n in REGISTRY] + sorted(set(REGISTRY) - set(DEFAULT_COMPONENTS))


def known_layers() -> frozenset[str]:
    """Layers a reader fills or some registered component assigns."""
    return READER_LAYERS | {layer for info in REGISTRY.values() for layer in info.assigns}


def _check_uses(info: ComponentInfo) -> None:
    unknown = [layer for layer in info.uses if layer not in known_layers()]
    if unknown:
        raise PipelineError(f"component {info.name!r} uses {', '.join(unknown)}, which no reader fills and no "
                            f"registered component assigns; known layers: {', '.join(sorted(known_layers()))}")


class Pipeline:
    """An ordered list of named components sharing one `Options`."""

    def __init__(self, names: Sequence[str] | None = None, options: Options | None = None):
        _load_builtin_components()
        self.options = options or Options()
        if names is None:
            names = [n for n in DEFAULT_COMPONENTS if n in REGISTRY]
        self.infos: list[ComponentInfo] = []
        have = set(READER_LAYERS)
        for name in names:
            if name not in REGISTRY:
                raise PipelineError(f"unknown component {name!r}; available: {', '.join(available())}")
            info = REGISTRY[name]
            missing = [layer for layer in info.requires if layer not in have]
            if missing:
                raise PipelineError(
                    f"component {name!r} requires {', '.join(missing)}, which no earlier component assigns; "
                    f"put a component that assigns it before {name!r}")
            _check_uses(info)
            have.update(info.assigns)
            self.infos.append(info)
        self.steps: list[tuple[ComponentInfo, Step]] = [(info, info.factory(self.options)) for info in self.infos]
        #: milliseconds spent in each component, added up over the articles run
        self.timings: dict[str, float] = {info.name: 0.0 for info in self.infos}

    @property
    def names(self) -> list[str]:
        return [info.name for info in self.infos]

    def __call__(self, article: Article) -> Article:
        timings, deadline, clock = self.timings, limits.deadline, time.perf_counter
        for info, step in self.steps:
            if info.indonesian_only and article.language not in (None, "id"):
                continue
            end = deadline()  # over its time budget (warta.limits.time_budget)?
            if end is not None and time.monotonic() > end:
                limits.check(article.source or article.id)
            started = clock()
            try:
                result = step(article)
            except WartaError:
                raise
            except Exception as exc:  # re-raised with the component and article named
                raise ComponentError(info.name, article.source or article.id, exc) from exc
            if result.__class__ is not Article and not isinstance(result, Article):
                raise ComponentError(info.name, article.source or article.id,
                                     TypeError(f"returned {type(result).__name__}, not an Article"))
            timings[info.name] += (clock() - started) * 1000
            article = result
            article.pipeline.append(info.name)
        article.scratch.clear()
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterable[Article]:
        for article in articles:
            yield self(article)
