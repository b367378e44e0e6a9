"""How to cite the book: a formatted reference and a BibTeX entry for one edition and build.

The words (title, author, the sentence that carries the source) are ``cite.*`` labels in the
page's language; the year of the edition, the version of the code and the date of the build are
arguments, so nothing here is typed in and a wave's edition cites its own year. The source the
facts and figures come from is the ``source`` of ``published/figures.meta.yaml``.

Examples
--------
>>> cite = citation(label, year=2023, version="0.1.0", built=date(2026, 12, 8))   # doctest: +SKIP
>>> cite.bibtex.splitlines()[0]                                                   # doctest: +SKIP
'@misc{bank-marketing-digitalization-2023,'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from report_lib.present.escape import markdown_text
from report_lib.present.labels import Labels

BIBTEX_SPECIAL = str.maketrans({c: f"\\{c}" for c in "&%$#_{}"})
"""Characters BibTeX (LaTeX) reads as markup inside a braced field, escaped with a backslash."""


@dataclass(frozen=True)
class Citation:
    """One edition's citation: the reference as plain text and as a BibTeX entry."""

    reference: str
    bibtex: str

    def markdown(self) -> str:
        """Return the reference (escaped: shown as written) and the BibTeX entry in a fenced code block."""
        return f"{markdown_text(self.reference)}\n\n```bibtex\n{self.bibtex}\n```\n"


def _bibtex_field(value: str) -> str:
    return value.translate(BIBTEX_SPECIAL)


def citation(label: Labels, year: int, version: str, built: date) -> Citation:
    """Return the citation of the book in ``label``'s language.

    Parameters
    ----------
    label
        Labels of the page's language (``cite.*``) and the dataset whose figures' source is cited.
    year
        The edition's year: the year of the survey the book is built from (2023 for the
        published report; a wave's ``year``).
    version
        The version of the code (``report-lib``'s, from ``pyproject.toml``).
    built
        The date the page was built.
    """
    source = label.dataset.metadata["figures"]["source"]["short_" + label.lang]
    fields = {"year": year, "version": version, "built": built.isoformat(), "built_year": built.year,
              "source": source, "title": label("cite.title").format(year=year), "author": label("cite.author")}
    reference = label("cite.reference").format(**fields)
    entries = {
        "author": "{" + _bibtex_field(fields["author"]) + "}",  # double braces: an organisation, not a person's name
        "title": _bibtex_field(fields["title"]),
        "year": str(built.year),
        "version": _bibtex_field(version),
        "date": fields["built"],
        "note": _bibtex_field(label("cite.note").format(**fields)),
        "language": label("cite.bibtex_language"),
    }
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in entries.items())
    return Citation(reference, f"@misc{{bank-marketing-digitalization-{year}-{label.lang},\n{body}\n}}")
