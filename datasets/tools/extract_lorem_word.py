"""common/text/lorem_word.csv and tests/it/reference/lorem_word_frequency.csv.

The words are Faker's English lorem words (faker@40.63.0 `faker/providers/lorem/en_US/__init__.py`,
`word_list`: the words `file_name()` and `file_path()` are made of, so a file name reads as
Faker's does), less its function words, each weighted by how often it occurs in English text.

- Frequency: wordfreq 3.1.1's large English list (`wordfreq/data/large_en.msgpack.gz`; R. Speer,
  wordfreq, built from Wikipedia, OpenSubtitles 2018 and SUBTLEX subtitles, NewsCrawl 2014 and
  GlobalVoices news, Google Books Ngrams 2012, OSCAR web text, Twitter and Reddit; data licence
  CC BY-SA 4.0). wordfreq stores each word in a bucket of 0.01 orders of magnitude (centibels),
  so a frequency is good to about 1 %; words are looked up case-folded, as wordfreq counts them
  ("American" as "american").
- Stop-word rule: a word of the Glasgow Information Retrieval Group's English stop list (as
  scikit-learn 1.5.2 ships it, `sklearn/feature_extraction/_stop_words.py`, 318 words; read with
  `ast`, nothing imported) is left out. Text frequency is led by function words ("the" alone held
  9 % of the list's mass), and no one names a file "the.pdf" or a folder "/of/and/": a file or
  folder is named by a content word. The rule is the published list as it stands, no word added
  or taken out by hand.

Run: /tmp/dmvenv/bin/python datasets/tools/extract_lorem_word.py (needs `msgpack` in the venv and,
in $DM_SRC, the faker wheel and `pip download --no-deps wordfreq==3.1.1 scikit-learn==1.5.2`)
"""
from __future__ import annotations

import ast
import gzip
import io
import zipfile
from pathlib import Path

import msgpack

from _lib import SRC, write_value_weight
from extract_faker_vocabularies import FAKER, faker

WORDFREQ = SRC / "wordfreq-3.1.1-py3-none-any.whl"
SKLEARN = SRC / "scikit_learn-1.5.2-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"
REFERENCE = Path(__file__).resolve().parents[2] / "tests/it/reference/lorem_word_frequency.csv"
SOURCE = ("wordfreq 3.1.1 (R. Speer), large English list: word frequencies over Wikipedia, subtitles, news, "
          "books, web text, Twitter and Reddit; CC BY-SA 4.0")
STOP_SOURCE = "Glasgow IR Group English stop list (318 words, as in scikit-learn 1.5.2)"


def wheel(path: Path) -> zipfile.ZipFile:
    if not path.exists():
        raise SystemExit(f"missing {path}: pip download --no-deps -d $DM_SRC wordfreq==3.1.1 scikit-learn==1.5.2")
    return zipfile.ZipFile(path)


def frequencies_per_billion() -> dict[str, float]:
    """Word -> occurrences per billion words, from wordfreq's centibel buckets."""
    packed = wheel(WORDFREQ).read("wordfreq/data/large_en.msgpack.gz")
    buckets = msgpack.unpackb(gzip.GzipFile(fileobj=io.BytesIO(packed)).read(), raw=False)
    header, buckets = buckets[0], buckets[1:]
    assert header == {"format": "cB", "version": 1}, header
    # Bucket i holds the words of frequency 10^(-i/100).
    return {word: 10 ** (9 - i / 100) for i, words in enumerate(buckets) for word in words}


def stop_words() -> frozenset[str]:
    """The Glasgow stop list: the string literals of scikit-learn's ENGLISH_STOP_WORDS."""
    source = wheel(SKLEARN).read("sklearn/feature_extraction/_stop_words.py").decode("utf-8")
    tree = ast.parse(source)
    words = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    assert len(words) == 318, len(words)
    return frozenset(words)


def main() -> None:
    per_billion = frequencies_per_billion()
    stop = stop_words()
    words = faker("lorem", "word_list", "en_US")
    assert len(set(words)) == len(words), "Faker's list repeats a word"
    missing = [w for w in words if w.casefold() not in per_billion]
    if missing:
        raise SystemExit(f"not in wordfreq's English list: {missing}")
    dropped = sorted(w for w in words if w.casefold() in stop)
    rows = [(w, round(per_billion[w.casefold()], 1)) for w in words if w.casefold() not in stop]
    write_value_weight(
        "common/text/lorem_word.csv",
        [f"Source: {FAKER} faker/providers/lorem/en_US/__init__.py word_list (MIT; the words); weights: {SOURCE}",
         f"Left out: the {len(dropped)} of Faker's words on the {STOP_SOURCE}",
         "weight: occurrences per billion words of English text"],
        rows,
        sort="value",
    )
    total = sum(n for _, n in rows)
    top = sorted(rows, key=lambda r: (-r[1], r[0]))[:20]
    reference = ["# Source: " + SOURCE + "; stop words left out: " + STOP_SOURCE,
                 "# The 20 most frequent of Faker's lorem words that are not stop words: each one's share of the "
                 "list's frequency mass; written by datasets/tools/extract_lorem_word.py",
                 "word,share"]
    reference += [f"{w},{n / total:.6f}" for w, n in top]
    REFERENCE.write_text("\n".join(reference) + "\n", encoding="utf-8")
    print(f"{len(rows)} words ({len(dropped)} stop words left out); top: "
          + ", ".join(f"{w} {n / total:.2%}" for w, n in top[:10]))


if __name__ == "__main__":
    main()
