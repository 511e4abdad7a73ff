"""Language data: one YAML file per language, validated on load.

A language file (``factcheck/data/lang/<code>.yaml``) has these top-level keys::

    code: hi                 # must match the file name
    name: Hindi
    spacy: hi                # the spacy.blank() language to tokenise with ("xx" if spaCy lacks it)
    scripts: [Devanagari]    # Unicode scripts that identify the language
    detect: [के, है, और]      # frequent words that tell languages of one script apart
    numbers: {...}           # factcheck.numbers.schema.NumbersData
    extraction: {...}        # factcheck.extraction.schema.ExtractionData
    attribution: {...}       # factcheck.attribution.schema.AttributionData

Code never names a language: it asks this module for the data of ``article.language``.
Users add a language with :func:`register_language_dir` (a folder of ``<code>.yaml``
files) or by setting ``FACTCHECK_LANG_PATH`` (folders separated by ``os.pathsep``).

>>> "hi" in supported_languages() and "en" in supported_languages()
True
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.attribution.schema import AttributionData
from factcheck.errors import DataError, UnsupportedLanguageError
from factcheck.extraction.gazetteer import load_gazetteer, merge_subjects
from factcheck.extraction.schema import ExtractionData
from factcheck.numbers.schema import NumbersData

DATA_DIR = Path(__file__).parent / "data"
_LANG_DIRS: list[Path] = [DATA_DIR / "lang"]


class LanguageData(BaseModel):
    """Everything factcheck knows about one language, from its YAML file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(min_length=2)
    name: str
    spacy: str = "xx"
    scripts: tuple[str, ...] = ()
    detect: tuple[str, ...] = ()
    detect_rank: int = Field(
        default=0,
        description="Among languages of one script whose `detect` words tie (a text with none of "
        "them: 'hello world'), the higher rank wins; then the sorted code order.",
    )
    numbers: NumbersData = NumbersData()
    extraction: ExtractionData = ExtractionData()
    attribution: AttributionData = AttributionData()


def load_yaml(path: Path) -> Any:
    """Read one YAML data file; errors name the file and the line."""
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    except OSError as e:
        raise DataError(f"{path}: cannot read data file: {e.strerror}") from e
    except yaml.YAMLError as e:
        raise DataError(f"{path}: invalid YAML: {e}") from e


def format_validation_error(path: Path, err: ValidationError) -> str:
    """One line per problem, each naming the file and the key path."""
    lines = []
    for item in err.errors():
        key = ".".join(str(p) for p in item["loc"]) or "<top>"
        lines.append(f"{path}: key {key}: {item['msg']}")
    return "\n".join(lines)


def _search_dirs() -> list[Path]:
    extra = [Path(p) for p in os.environ.get("FACTCHECK_LANG_PATH", "").split(os.pathsep) if p]
    return [*extra, *_LANG_DIRS]


def _files() -> dict[str, Path]:
    """``{code: path}`` of every language file (earlier directories win). The listing is
    kept while no search directory changed (same list, same modification times): every
    article asks, and listing the folders cost more than reading a short article."""
    dirs = _search_dirs()
    key = tuple((d, _mtime(d)) for d in dirs)
    if _LISTING and _LISTING[0] == key:
        return dict(_LISTING[1])
    found: dict[str, Path] = {}
    for d in reversed(dirs):
        if d.is_dir():
            for p in sorted(d.glob("*.yaml")):
                found[p.stem] = p
    _LISTING[:] = [key, found]
    return dict(found)


_LISTING: list = []  # [(directory, mtime) ..., {code: path}] of the last listing


def _mtime(d: Path) -> int | None:
    try:
        return d.stat().st_mtime_ns
    except OSError:
        return None


def supported_languages() -> list[str]:
    """Sorted codes of every language with a data file."""
    return sorted(_files())


def register_language_dir(path: str | os.PathLike[str]) -> None:
    """Add a folder of ``<code>.yaml`` language files; it wins over the bundled ones."""
    p = Path(path)
    if not p.is_dir():
        raise DataError(f"{p}: not a directory of language files")
    _LANG_DIRS.insert(0, p)
    load_language.cache_clear()


@functools.lru_cache(maxsize=None)
def load_language(code: str) -> LanguageData:
    """The validated data of one language (``code`` may be a tag: ``en-US`` gives ``en``'s).

    Raises:
        UnsupportedLanguageError: no file for ``code``; the message lists the supported ones.
        DataError: the file is invalid; the message names the file and key.
    """
    files = _files()
    if code not in files:
        base = code.strip().replace("_", "-").split("-")[0].lower()  # a tag: "en-US", "hi_IN"
        if base in files and base != code:
            return load_language(base)
        raise UnsupportedLanguageError(code, list(files))
    path = files[code]
    raw = load_yaml(path)
    if not isinstance(raw, dict):
        raise DataError(f"{path}: a language file must be a mapping at the top level")
    try:
        data = LanguageData.model_validate(raw)
    except ValidationError as e:
        raise DataError(format_validation_error(path, e)) from None
    if data.code != code:
        raise DataError(f"{path}: key code: {data.code!r} does not match the file name {code!r}")
    return _with_gazetteer(data, path)


def _with_gazetteer(data: LanguageData, path: Path) -> LanguageData:
    """``data`` with the subjects gazetteer's aliases for its language added to
    ``extraction.subjects`` (factcheck/data/subjects.yaml; see extraction/gazetteer.py)."""
    extra = load_gazetteer().aliases_for(data.code)
    if not extra:
        return data
    subjects = merge_subjects(dict(data.extraction.subjects), extra, f"{path} + subjects.yaml")
    extraction = data.extraction.model_copy(update={"subjects": subjects})
    return data.model_copy(update={"extraction": extraction})
