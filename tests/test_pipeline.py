"""The pipeline: requirements checked at build, component failures named, options validated."""

import pytest

from warta.api import make_pipeline
from warta.errors import ComponentError, OptionsError, PipelineError
from warta.pipeline import REGISTRY, Pipeline, available, component
from warta.readers.text import read_text


@pytest.fixture
def registered():
    names = []

    def register(name, **kwargs):
        def deco(factory):
            component(name, **kwargs)(factory)
            names.append(name)
            return factory
        return deco

    yield register
    for name in names:
        REGISTRY.pop(name, None)


def test_pipeline_unmet_requirement_names_component_and_layer(registered):
    @registered("uji_butuh", requires=["sentences", "lapisan_x"], assigns=["y"])
    def make(options):
        return lambda article: article

    with pytest.raises(PipelineError) as info:
        Pipeline(["uji_butuh"])
    message = str(info.value)
    assert "uji_butuh" in message and "sentences" in message and "lapisan_x" in message


def test_pipeline_requirement_met_by_earlier_component(registered):
    @registered("uji_butuh2", requires=["sentences"], assigns=[])
    def make(options):
        return lambda article: article

    assert Pipeline(["sentences", "uji_butuh2"]).names == ["sentences", "uji_butuh2"]


def test_pipeline_component_exception_becomes_component_error(registered):
    @registered("uji_rusak", requires=["text"], assigns=[], indonesian_only=False)
    def make(options):
        def run(article):
            raise KeyError("tidak ada")
        return run

    article = read_text("Berita singkat tentang hujan.", source="hujan.txt")
    with pytest.raises(ComponentError) as info:
        Pipeline(["uji_rusak"])(article)
    message = str(info.value)
    assert "uji_rusak" in message and "hujan.txt" in message and "KeyError" in message
    assert isinstance(info.value.cause, KeyError)


def test_pipeline_component_must_return_article(registered):
    @registered("uji_none", requires=["text"], assigns=[], indonesian_only=False)
    def make(options):
        return lambda article: None

    with pytest.raises(ComponentError, match="uji_none"):
        Pipeline(["uji_none"])(read_text("Teks."))


def test_pipeline_unknown_component_lists_available():
    with pytest.raises(PipelineError) as info:
        make_pipeline(["language", "tidak_ada"])
    assert "tidak_ada" in str(info.value) and "sentences" in str(info.value)


def test_pipeline_unknown_option_lists_valid_ones():
    with pytest.raises(OptionsError) as info:
        make_pipeline(["language"], tanggal="2023-01-01")
    message = str(info.value)
    assert "tanggal" in message and "reference_date" in message and "max_bytes" in message


def test_pipeline_bad_option_value():
    with pytest.raises(OptionsError, match="ISO date"):
        make_pipeline(["language"], reference_date="13/09/2023")


def test_pipeline_records_components_run():
    article = make_pipeline(["language", "sentences"])(read_text("Hujan turun di Bogor. Jalan banjir."))
    assert article.pipeline == ["language", "sentences"]
    assert article.scratch == {}


def test_pipeline_default_order():
    names = available()
    assert names[:2] == ["language", "sentences"]
