"""How many respondents a survey wave has, in all and per bank type: known, not inferred.

With respondent-level answers the size of each bank type is a count, so the book prints it
instead of the sizes :mod:`report_lib.analysis.sample_sizes` infers from printed shares. A
combined group (state-owned plus joint-stock banks) is the sum of its parts. Counted once per
wave content (the key of :func:`report_lib.analysis.wave_dataset.wave_key`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from report_lib.analysis.sample_sizes import COMBINED
from report_lib.analysis.segments import MARKET
from report_lib.analysis.wave_dataset import loaded_wave, wave_key
from report_lib.data.dataset import Dataset
from report_lib.data.survey.wave import has_wave


@lru_cache(maxsize=4)
def _counts(data_dir: Path, content: str) -> tuple[tuple[str, int], ...]:  # content: only part of the cache key
    wave = loaded_wave(data_dir, content)  # the wave the figures were computed from: validated once
    per_segment = wave.responses.group_by("segment").aggregate(n=wave.responses.count()).to_pandas()
    counts = {str(s): int(n) for s, n in zip(per_segment["segment"], per_segment["n"])}
    sizes = {MARKET: sum(counts.values()), **{s: counts.get(s, 0) for s in wave.bank_types}}
    sizes.update({group: sum(sizes.get(p, 0) for p in parts) for group, parts in COMBINED.items()})
    return tuple(sizes.items())


def known_sizes(dataset: Dataset) -> dict[str, int] | None:
    """Respondents of the dataset's wave: ``{"all": n, <bank type>: n, <combined group>: n}``.

    ``None`` without a wave.
    """
    folder = Path(dataset.data_dir)
    if not has_wave(folder):
        return None
    return dict(_counts(folder.resolve(), wave_key(folder)))
