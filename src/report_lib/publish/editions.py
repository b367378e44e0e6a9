"""The sources of one language edition of the site, generated under ``_build/edition-<lang>/``.

Both editions come from the one page source and the one notebook pipeline
(:mod:`report_lib.publish.notebooks`): every page of ``_toc.yml`` is read in the edition's
language (:func:`report_lib.publish.languages.page_for_language`) and executed with the
parameter ``lang`` set to it, so code cells exist once and glued values come out in the
edition's language; the bank-type variants are rendered the same way
(:mod:`report_lib.publish.variants`). :func:`write_editions` plans every edition
(:func:`plan_edition`), runs all their notebooks as one batch and writes each edition's toc
(:func:`finish_edition`). The folder then holds a small book Jupyter Book renders
without executing again: executed notebooks, a ``_config.yml`` whose title (the edition's,
:func:`report_lib.page.edition_text.book_title`; Sphinx puts it in every page's ``<title>``), Sphinx
``language`` and search language are the edition's, and a ``_toc.yml`` whose part captions
come from the labels (``toc.<caption in snake case>``). The Chinese edition searches with
jieba and the report's own words (:mod:`report_lib.publish.search_words`). Nothing here is
committed; an executed page is reused while :mod:`report_lib.publish.cache` says it is fresh.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable

import yaml

from report_lib.data.dataset import load_dataset
from report_lib.page.edition_text import book_title
from report_lib.present.labels import Labels
from report_lib.publish import cache, notebooks
from report_lib.publish.jobs import PageJob, render_edition_job
from report_lib.publish.languages import EDITIONS, SITE_FOLDER, edition_root
from report_lib.publish.lock import write_if_changed
from report_lib.publish.search_words import write_user_dictionary
from report_lib.publish.toc import page_source, read_toc
from report_lib.publish.variants import Segment, VariantJob, plan as plan_variants, remove_stale, write_toc

SPHINX_LANGUAGE = {"en": "en", "zh": "zh_CN"}
SEARCH_LANGUAGE = {"en": "en", "zh": "zh"}
SEARCH_WORDS = "search-words.txt"


def other_edition_prefix(lang: str) -> str:
    """Return the path from the ``lang`` site's root to the other language's site root (``zh/`` or ``../``)."""
    other = next(e for e in EDITIONS if e != lang)
    here, there = SITE_FOLDER[lang], SITE_FOLDER[other]
    up = "../" * len([p for p in here.split("/") if p])
    return up + (there + "/" if there else "")


def edition_config(root: Path, lang: str, data_dir: Path, folder: Path) -> dict:
    """Return the ``_config.yml`` of the ``lang`` edition: rendered (not executed), titled and searched in ``lang``."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    dataset = load_dataset(data_dir)
    label, other = Labels(dataset, lang), Labels(dataset, next(e for e in EDITIONS if e != lang))
    config["title"], config["author"] = book_title(data_dir, label), label("book.author")
    config.setdefault("execute", {})["execute_notebooks"] = "off"
    config["only_build_toc_files"] = True
    sphinx = config.setdefault("sphinx", {}).setdefault("config", {})
    sphinx["language"] = SPHINX_LANGUAGE[lang]
    sphinx["html_search_language"] = SEARCH_LANGUAGE[lang]
    if lang == "zh":
        words = write_user_dictionary(data_dir, folder / "_build" / SEARCH_WORDS)
        sphinx["html_search_options"] = {"dict": str(words)}
    sphinx["templates_path"] = [str((root / p).resolve()) for p in sphinx.get("templates_path", [])]
    sphinx["report_other_edition"] = {"prefix": other_edition_prefix(lang), "lang": other.lang,
                                      "text": other("language.name"), "title": other("language.read_in")}
    return config


def caption_key(caption: str) -> str:
    """Return the label key of a toc part caption: ``The report`` -> ``toc.the_report``."""
    return "toc." + re.sub(r"\W+", "_", caption.strip().lower()).strip("_")


def translate_captions(toc_path: Path, label: Labels, target: Path) -> Path:
    """Write the toc at ``toc_path`` to ``target`` with every part caption in the label's language; return it."""
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    for part in toc.get("parts", []):
        if "caption" in part:
            part["caption"] = label(caption_key(part["caption"]))
    write_if_changed(target, yaml.safe_dump(toc, allow_unicode=True, sort_keys=False))
    return target


@dataclass
class EditionPlan:
    """What generating one edition takes: its folder, its pages and variants to execute, and its toc."""

    lang: str
    folder: Path
    pages: list[PageJob]
    variants: list[VariantJob] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)

    @property
    def jobs(self) -> list[PageJob | VariantJob]:
        """Every notebook of the edition: the variants (most of the work), then the pages."""
        return [*self.variants, *self.pages]


def plan_edition(root: Path, data_dir: Path, lang: str, variants: bool = True) -> EditionPlan:
    """Write the ``lang`` edition's ``_config.yml`` and return the notebooks it needs (variants when the toc has a report part)."""
    folder = edition_root(root, lang)
    folder.mkdir(parents=True, exist_ok=True)
    config = edition_config(root, lang, data_dir, folder)
    write_if_changed(folder / "_config.yml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    toc = read_toc(root)
    edition = EditionPlan(lang, folder, [PageJob(page, page_source(root, page), lang) for page in toc.all_pages])
    if toc.report and variants:
        edition.variants, edition.segments, _ = plan_variants(root, data_dir, lang)
    return edition


def finish_edition(root: Path, data_dir: Path, edition: EditionPlan) -> Path:
    """Write the edition's toc (with its bank-type part, whose stale notebooks are removed); return its folder."""
    label = Labels(load_dataset(data_dir), edition.lang)
    toc_path = root / "_toc.yml"
    if edition.variants:
        remove_stale(edition.folder, edition.variants)
        toc_path = write_toc(root, edition.variants, edition.segments, label, edition.folder)
    translate_captions(toc_path, label, edition.folder / "_toc.yml")
    return edition.folder


def write_editions(root: Path, data_dir: Path, langs: tuple[str, ...] = EDITIONS, variants: bool = True,
                   workers: int = notebooks.WORKERS,
                   log: Callable[[str], None] | None = None) -> dict[str, Path | Exception]:
    """Generate the sources of the ``langs`` editions; return each edition's folder, or the error that stopped it.

    Every page and variant of every edition runs in one batch (:func:`report_lib.publish.notebooks.run_all`),
    so the workers and their kept kernels serve all of them; a failing notebook stops only its
    own edition, whose error names the page and the cell.
    """
    results: dict[str, Path | Exception] = {}
    plans = []
    for lang in langs:
        try:
            plans.append(plan_edition(root, data_dir, lang, variants))
        except Exception as error:  # one edition's broken plan must not cost the other its build
            results[lang] = error
    jobs = [job for edition in plans for job in edition.jobs]
    owner = [edition.lang for edition in plans for _ in edition.jobs]
    work = partial(render_edition_job, root=root, data_dir=data_dir, environment=cache.environment_key(root))
    failed: dict[int, str] = {}
    try:
        notebooks.run_all(jobs, work, "pages", workers, log, check=partial(work, check_only=True))
    except notebooks.ExecutionError as error:
        failed = error.failures
    for edition in plans:
        messages = [message for index, message in failed.items() if owner[index] == edition.lang]
        try:
            results[edition.lang] = (notebooks.ExecutionError("\n".join(messages)) if messages
                                     else finish_edition(root, data_dir, edition))
        except Exception as error:
            results[edition.lang] = error
    return results


def clear_edition(root: Path, lang: str) -> None:
    """Delete the generated sources of the ``lang`` edition (the next build executes every page again)."""
    shutil.rmtree(edition_root(root, lang), ignore_errors=True)
