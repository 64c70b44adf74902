import pytest

from tidings.config import Settings, load_settings
from tidings.errors import ConfigError


def test_layers(tmp_path):
    user = tmp_path / "config.toml"
    user.write_text('batch_size = 8\nmodel = "from_file"\n', encoding="utf-8")
    s = load_settings(env={"TIDINGS_MODEL": "from_env"}, user_file=user, min_confidence=0.5)
    assert s.batch_size == 8 and s.model == "from_env" and s.min_confidence == 0.5
    assert load_settings(env={}, user_file=tmp_path / "none.toml") == Settings()


def test_bad_values_are_clean_errors(tmp_path):
    with pytest.raises(ConfigError):
        load_settings(env={"TIDINGS_BATCH_SIZE": "lots"}, user_file=tmp_path / "none.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("this is not toml", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_settings(env={}, user_file=bad)
    unknown = tmp_path / "unknown.toml"
    unknown.write_text("colour = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_settings(env={}, user_file=unknown)


def test_missing_model_is_a_clean_error():
    from tidings.errors import ModelError
    from tidings.nlp.model import load_nlp

    with pytest.raises(ModelError) as info:
        load_nlp("no_such_pipeline_xyz")
    assert "E201" in str(info.value)
