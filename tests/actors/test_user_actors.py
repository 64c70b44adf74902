"""A user's own actor files, added to the packaged knowledge (setting actors)."""

import datetime as dt

import pytest

from tidings.actors.knowledge import load_knowledge
from tidings.config import load_settings
from tidings.errors import ConfigError

PEOPLE = """# my analysts' list of provincial officials
name\taliases\tcountry\tsector\toffice\ttitle\tstart\tend\twikidata
Amina Odhiambo\tOdhiambo\tKEN\tGOV\tgovernor\tGovernor of Kisumu\t2022-08-25\t\t
"""
ORGS = """name\taliases\tcountry\tsector\twikidata\tkind
Lake Region Farmers Union\tLRFU\tKEN\tAGR\t\tngo
"""


def test_own_people_and_organisations_resolve(tmp_path):
    (tmp_path / "people_kenya.tsv").write_text(PEOPLE, encoding="utf-8")
    (tmp_path / "organizations_kenya.tsv").write_text(ORGS, encoding="utf-8")
    kb = load_knowledge((str(tmp_path),))
    [person] = [e for e in kb.lookup("Odhiambo") if e.kind == "leader"]
    assert (person.country, person.sector) == ("KEN", "GOV") and person.in_office(dt.date(2024, 1, 1))
    assert not person.in_office(dt.date(2020, 1, 1))
    assert any(e.kind == "org" and e.sector == "AGR" for e in kb.lookup("LRFU"))
    assert not load_knowledge().lookup("LRFU")  # the packaged knowledge is left as it was


def test_a_file_of_no_known_kind_is_named(tmp_path):
    (tmp_path / "misc.tsv").write_text(ORGS, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_knowledge((str(tmp_path),))
    assert err.value.code == "E409" and "misc.tsv" in err.value.message


def test_the_setting_takes_folders_from_the_environment(tmp_path):
    import os

    settings = load_settings(env={"TIDINGS_ACTORS": f"{tmp_path}{os.pathsep}{tmp_path / 'more'}"}, user_file=tmp_path / "none")
    assert settings.actors == (str(tmp_path), str(tmp_path / "more"))
