import pytest

from tidings.events.codebook import DEFAULT_CAMEO, load_codebook
from tidings.types import PLOVER_TYPES


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


def test_every_type_has_codes(codebook):
    types = {m.type for m in codebook.crosswalk.values()}
    assert types == set(PLOVER_TYPES)


@pytest.mark.parametrize("type_", PLOVER_TYPES)
def test_default_code_maps_back(codebook, type_):
    assert codebook.mapping(DEFAULT_CAMEO[type_]).type == type_


@pytest.mark.parametrize("cameo,type_,mode", [
    ("042", "CONSULT", "visit"), ("057", "SUPPORT", None), ("0871", "RETREAT", "ceasefire"),
    ("163", "COERCE", "restrict"), ("1121", "ACCUSE", "allege"), ("0253", "REQUEST", "yield"),
    ("190", "ASSAULT", None), ("154", "MOBILIZE", "troops"),
])
def test_crosswalk(codebook, cameo, type_, mode):
    mapping = codebook.mapping(cameo)
    assert (mapping.type, mapping.mode) == (type_, mode)


@pytest.mark.parametrize("cameo,quad", [("042", 1), ("057", 1), ("073", 2), ("0871", 2), ("112", 3), ("130", 3),
                                        ("141", 4), ("190", 4)])
def test_quad_class(codebook, cameo, quad):
    assert codebook.quad_class(cameo) == quad


def test_goldstein(codebook):
    assert codebook.goldstein_of("190") == -10.0
    assert codebook.goldstein_of("057") == 8.0
    assert all(-10 <= v <= 10 for v in codebook.goldstein.values())


def test_statements_are_not_events(codebook):
    assert codebook.mapping("010") is None
