"""common/text/lorem_word.csv and tests/it/reference/lorem_word_frequency.csv.

The words are Faker's English lorem words (faker@40.63.0 `faker/providers/lorem/en_US/__init__.py`,
`word_list`: the words `file_name()` and `file_path()` are made of, so a file name reads as
Faker's does). Each is weighted by how often it occurs in English text: its frequency in
wordfreq 3.1.1's large English list (`wordfreq/data/large_en.msgpack.gz`; R. Speer, wordfreq,
built from Wikipedia, OpenSubtitles 2018 and SUBTLEX subtitles, NewsCrawl 2014 and GlobalVoices
news, Google Books Ngrams 2012, OSCAR web text, Twitter and Reddit; data licence CC BY-SA 4.0).
wordfreq stores each word in a bucket of 0.01 orders of magnitude (centibels), so a frequency is
good to about 1 %; words are looked up case-folded, as wordfreq counts them ("American" as
"american").

Run: /tmp/dmvenv/bin/python datasets/tools/extract_lorem_word.py (needs `msgpack` in the venv, the
faker and wordfreq wheels in $DM_SRC: `pip download --no-deps wordfreq==3.1.1`)
"""
from __future__ import annotations

import gzip
import io
from pathlib import Path

import msgpack

from _lib import SRC, write_value_weight
from extract_faker_vocabularies import FAKER, faker

WHEEL = SRC / "wordfreq-3.1.1-py3-none-any.whl"
REFERENCE = Path(__file__).resolve().parents[2] / "tests/it/reference/lorem_word_frequency.csv"
SOURCE = ("wordfreq 3.1.1 (R. Speer), large English list: word frequencies over Wikipedia, subtitles, news, "
          "books, web text, Twitter and Reddit; CC BY-SA 4.0")


def frequencies_per_billion() -> dict[str, float]:
    """Word -> occurrences per billion words, from wordfreq's centibel buckets."""
    import zipfile

    if not WHEEL.exists():
        raise SystemExit(f"missing {WHEEL}: pip download --no-deps -d $DM_SRC wordfreq==3.1.1")
    packed = zipfile.ZipFile(WHEEL).read("wordfreq/data/large_en.msgpack.gz")
    buckets = msgpack.unpackb(gzip.GzipFile(fileobj=io.BytesIO(packed)).read(), raw=False)
    header, buckets = buckets[0], buckets[1:]
    assert header == {"format": "cB", "version": 1}, header
    # Bucket i holds the words of frequency 10^(-i/100).
    return {word: 10 ** (9 - i / 100) for i, words in enumerate(buckets) for word in words}


def main() -> None:
    per_billion = frequencies_per_billion()
    words = faker("lorem", "word_list", "en_US")
    assert len(set(words)) == len(words), "Faker's list repeats a word"
    missing = [w for w in words if w.casefold() not in per_billion]
    if missing:
        raise SystemExit(f"not in wordfreq's English list: {missing}")
    rows = [(w, round(per_billion[w.casefold()], 1)) for w in words]
    write_value_weight(
        "common/text/lorem_word.csv",
        [f"Source: {FAKER} faker/providers/lorem/en_US/__init__.py word_list (MIT; the words); weights: {SOURCE}",
         "weight: occurrences per billion words of English text"],
        rows,
        sort="value",
    )
    total = sum(n for _, n in rows)
    top = sorted(rows, key=lambda r: (-r[1], r[0]))[:20]
    reference = ["# Source: " + SOURCE,
                 "# The 20 most frequent of Faker's lorem words: each one's share of the list's frequency mass",
                 "word,share"]
    reference += [f"{w},{n / total:.6f}" for w, n in top]
    REFERENCE.write_text("\n".join(reference) + "\n", encoding="utf-8")
    print(f"{len(rows)} words; top: {', '.join(w for w, _ in top[:5])}")


if __name__ == "__main__":
    main()
