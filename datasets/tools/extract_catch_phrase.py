"""common/organization/catch_phrase_{adjective,descriptor,noun}.csv: the three word lists of
Faker's `catch_phrase` (an adjective, a descriptor and a noun of marketing jargon), from
faker@40.63.0's base company provider (`catch_phrase_words`, MIT), read with ast (faker is
never imported). Every word has weight 1, as Faker draws them uniformly.

Run: python3 datasets/tools/extract_catch_phrase.py   (needs the faker wheel in $DM_SRC)
"""
from __future__ import annotations

import ast

from _lib import read_text, write_value_weight

POSITIONS = ("adjective", "descriptor", "noun")


def catch_phrase_words() -> tuple:
    tree = ast.parse(read_text("faker", "faker/providers/company/__init__.py"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == "Provider":
            for statement in node.body:
                target = getattr(statement, "target", None) or (
                    statement.targets[0] if isinstance(statement, ast.Assign) else None
                )
                if isinstance(target, ast.Name) and target.id == "catch_phrase_words":
                    return ast.literal_eval(statement.value)
    raise SystemExit("faker's company provider has no `catch_phrase_words`")


def main() -> None:
    lists = catch_phrase_words()
    assert len(lists) == len(POSITIONS), len(lists)
    for position, words in zip(POSITIONS, lists):
        write_value_weight(
            f"common/organization/catch_phrase_{position}.csv",
            [
                f"Source: faker@40.63.0 faker/providers/company/__init__.py catch_phrase_words[{POSITIONS.index(position)}] (MIT)",
                f"The {position} of Faker's catch phrases (adjective descriptor noun); weights: uniform, as Faker draws them",
            ],
            ((word, 1) for word in words),
            sort="value",
        )


if __name__ == "__main__":
    main()
