"""Bad inputs through the readers, ``tidings code`` and ``tidings ingest``: each one gives one
error line naming it (and its line), the good inputs beside it are still coded and stored, the
exit code says whether anything failed, and nothing prints a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.hardening.cli import assert_clean_stderr, tidings
from tests.hardening.corpus import write_bad_corpus, write_good
from tidings.errors import InputError

# Articles stored from the mixed folder: the good files, 6 JSONL lines (4 of them with a date that
# cannot be read) and 2 feed entries (1 of them likewise).
GOOD_IN_BAD_FILES = 8


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """(bad-only folder, its cases, mixed folder, good names)."""
    root = tmp_path_factory.mktemp("corpus")
    cases = write_bad_corpus(root / "bad")
    mixed = root / "mixed"
    write_bad_corpus(mixed)
    good = write_good(mixed)
    return root / "bad", cases, mixed, good


def _where(error: InputError) -> str:
    return error.message.split(": ", 1)[0]


def test_readers_give_one_error_per_bad_input(corpus):
    from tidings.ingest import iter_articles

    folder, cases, _, _ = corpus
    for case in cases:
        path = str(folder / case.name)
        items = list(iter_articles([path]))
        errors = [i for i in items if isinstance(i, InputError)]
        articles = [i for i in items if not isinstance(i, InputError)]
        assert len(errors) == case.errors and len(articles) == case.articles, (case.note, items)
        for err in errors:
            assert _where(err).startswith(path), (case.note, str(err))
            assert err.code.startswith(case.codes) if case.codes else True, (case.note, str(err))
            assert "\n" not in str(err)
        named_lines = {int(_where(e).rsplit(":", 1)[1]) for e in errors if _where(e) != path}
        assert named_lines >= set(case.lines), (case.note, named_lines)
        warned = [a.date_warning for a in articles if a.date_warning]
        assert len(warned) == len(case.warned), (case.note, warned)
        for where, warning in zip(case.warned, warned):
            assert warning.startswith(f"W112 {path}{where}") and "\n" not in warning, (case.note, warning)


def test_three_million_words_fail_fast_without_loading_a_model(corpus):
    folder, _, _, _ = corpus
    huge = folder / "huge.txt"
    assert len(huge.read_bytes().split()) >= 3_000_000
    run = tidings("code", str(huge), timeout=60)
    assert run.rc == 2, run.stderr
    assert_clean_stderr(run)
    [line] = run.error_lines()
    assert str(huge) in line and "over the limit" in line
    assert run.seconds < 20, "parsed or loaded a model for an input it must refuse"


def test_a_folder_of_only_bad_inputs(corpus, tmp_path):
    folder, cases, _, _ = corpus
    only_bad = [c for c in cases if not c.articles]
    paths = [str(folder / c.name) for c in only_bad]
    code = tidings("code", *paths, timeout=120)
    assert code.rc == 2 and not code.stdout
    assert_clean_stderr(code)
    assert len(code.error_lines()) == sum(c.errors for c in only_bad)
    for path in paths:
        assert any(path in line for line in code.error_lines()), path

    db = tmp_path / "bad.db"
    ingest = tidings("ingest", *paths, "--db", str(db), "--quiet", "--workers", "1", timeout=120)
    assert ingest.rc == 2
    assert_clean_stderr(ingest)
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
        inputs = {r[0] for r in con.execute("SELECT input FROM errors WHERE stage = 'read'")}
    assert inputs == set(paths)


def test_stdin_that_is_binary_or_blank():
    for data, code in ((b"\x00\x01\x02binary", "E102"), (b"   \n", "E101")):
        run = tidings("code", "-", stdin=data, timeout=60)
        assert run.rc == 2
        assert_clean_stderr(run)
        [line] = run.error_lines()
        assert "<stdin>" in line and code in line


@pytest.mark.parametrize("command", ["code", "ingest"])
def test_mixed_folder(corpus, tmp_path, command):
    """Every bad input named, every good one coded (stored, for ingest): exit code 1."""
    _, cases, mixed, good = corpus
    if command == "code":
        run = tidings("code", str(mixed), "--format", "jsonl", timeout=300)
    else:
        db = tmp_path / "mixed.db"
        run = tidings("ingest", str(mixed), "--db", str(db), "--quiet", "--workers", "1", timeout=300)
    assert run.rc == 1, run.stderr[-2000:]
    assert_clean_stderr(run)
    expected = sum(c.errors for c in cases)
    lines = run.error_lines()
    for line in lines:
        assert str(mixed) in line, line
    # a date that cannot be read: one warning line naming the input, and the article is kept
    warnings = [line for line in run.stderr.splitlines() if line.startswith("tidings: warning:")]
    assert len(warnings) == sum(len(c.warned) for c in cases), warnings
    for case in cases:
        for where in case.warned:
            assert sum(f"W112 {mixed / case.name}{where}" in line for line in warnings) == 1, (case.name, where)
    if command == "code":
        assert len(lines) == expected, lines
        for case in cases:
            assert any(f"{mixed / case.name}" in line for line in lines), case.name
            for n in case.lines:
                assert any(f"{mixed / case.name}:{n}:" in line for line in lines), (case.name, n)
        assert '"type"' in run.stdout  # the good articles were coded
        return
    # ingest prints at most 20 error lines; the errors table has them all
    assert 0 < len(lines) <= expected
    with sqlite3.connect(db) as con:
        stored = con.execute("SELECT count(*) FROM articles WHERE coder_version IS NOT NULL").fetchone()[0]
        read_errors = [r[0] for r in con.execute("SELECT input FROM errors WHERE stage = 'read'")]
        unread = con.execute("SELECT count(*) FROM articles WHERE date_status = 'unreadable' "
                             "AND date_warning LIKE 'W112 %' AND published IS NULL").fetchone()[0]
        assert unread == sum(len(c.warned) for c in cases)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert stored == len(good) + GOOD_IN_BAD_FILES
    assert len(read_errors) == expected
    for case in cases:
        assert any(w.startswith(str(mixed / case.name)) for w in read_errors), case.name
        for n in case.lines:
            assert f"{mixed / case.name}:{n}" in read_errors, (case.name, n)
    # a second run stores nothing new and reports the same failures
    again = tidings("ingest", str(mixed), "--db", str(db), "--quiet", "--workers", "1", timeout=300)
    assert again.rc == 1 and "0 articles added" in again.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM errors WHERE stage = 'read'").fetchone()[0] == expected


def test_other_languages_are_read_not_refused(corpus):
    from tidings.ingest import iter_articles

    _, _, mixed, _ = corpus
    for name in ("french.txt", "arabic.txt", "chinese.txt"):
        [article] = list(iter_articles([str(mixed / name)]))
        assert not isinstance(article, InputError)
        assert article.text == Path(mixed / name).read_text(encoding="utf-8")
