"""The vocabularies behind DATAMIMIC's `DataFakerGenerator` methods that need a table, and
DATAMIMIC's department names:

- common/organization/job.csv: occupation titles weighted by the people employed in each
  (`job()`), from the U.S. Census Bureau's ACS 2018 table B24114;
- common/color/color_name.csv: the CSS/X11 named colours Faker draws `color_name()` from;
- common/text/emoji.csv: Faker's emoji (`emoji()`), taken from Unicode's emoji list;
- common/file/file_extension.csv (`category,extension,weight`): Faker's file extensions by
  category (`file_extension(category=...)`);
- common/vehicle/license_plate_format_US.csv: the US plate serial formats Faker's en_US
  `license_plate()` uses (`#` a digit, `?` a letter), weighted by how many states use each;
- common/organization/department_VN.csv: DATAMIMIC's `DepartmentNameGenerator` names (VN from
  its department_VN.csv; DE is weighted by `extract_de_department.py`).

Faker's cryptocurrencies, its English lorem words and the US department names are weighted by
their own scripts (`extract_cryptocurrency.py`, `extract_lorem_word.py`, `extract_department.py`),
which read the lists with the helpers below.

Faker's and DATAMIMIC's lists are read with ast or as text from their wheels (nothing is
imported); the ACS table from its data and legend files in $DM_SRC/acs/.

Run: python3 datasets/tools/extract_faker_vocabularies.py   (needs both wheels and
$DM_SRC/acs/B24114_{DATA,LEGEND}.csv)
"""
from __future__ import annotations

import ast

from _lib import SRC, dm_csv, read_text, write_table, write_value_weight

FAKER = "faker@40.63.0"


def class_attrs(pkg: str, member: str, class_name: str) -> dict:
    """Literal attributes of `class_name` in `member` (assignments and annotated ones)."""
    tree = ast.parse(read_text(pkg, member))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            out = {}
            for statement in node.body:
                if isinstance(statement, ast.AnnAssign) and statement.value is not None:
                    target, value = statement.target, statement.value
                elif isinstance(statement, ast.Assign) and len(statement.targets) == 1:
                    target, value = statement.targets[0], statement.value
                else:
                    continue
                if not isinstance(target, ast.Name):
                    continue
                try:
                    out[target.id] = ast.literal_eval(value)
                except ValueError:
                    # OrderedDict((pairs)): a dict of the literal pairs.
                    if isinstance(value, ast.Call) and value.args:
                        try:
                            out[target.id] = dict(ast.literal_eval(value.args[0]))
                        except ValueError:
                            pass
            return out
    raise SystemExit(f"{member} has no class {class_name}")


def faker(provider: str, attribute: str, locale: str | None = None):
    member = f"faker/providers/{provider}/{locale + '/' if locale else ''}__init__.py"
    attrs = class_attrs("faker", member, "Provider")
    if attribute not in attrs:
        raise SystemExit(f"{member} has no literal `{attribute}`")
    return attrs[attribute]


def uniform(values):
    return ((v, 1) for v in values)


def acs_occupations():
    """(title, employed) of ACS 2018 table B24114 for the United States, from the Census
    Bureau's data and legend files in $DM_SRC/acs/ (copied from the data.census.gov API
    extract in gabrieljohndusing/NCNW-Project-Datasets, data-sets/census/us/acs-acs1/data/2018/)."""
    import csv

    labels = {
        row["VARIABLE"]: row["LABEL"]
        for row in csv.DictReader((SRC / "acs/B24114_LEGEND.csv").open(encoding="utf-8"))
    }
    (row,) = list(csv.DictReader((SRC / "acs/B24114_DATA.csv").open(encoding="utf-8")))
    assert row["NAME"] == "United States", row["NAME"]
    total = int(row["B24114_001E"])
    out = []
    for variable, value in row.items():
        if variable.startswith("B24114_") and variable.endswith("E") and variable != "B24114_001E":
            prefix, title = labels[variable].rsplit("!!", 1)
            assert prefix == "Estimate!!Total", labels[variable]
            out.append((title, int(value)))
    # The detailed occupations add up to the total: no subtotal is counted twice.
    assert sum(n for _, n in out) == total, (sum(n for _, n in out), total)
    return out


def department_lists() -> dict:
    """DepartmentNameGenerator's two lists, by the locale branch that assigns them."""
    member = "datamimic_ce/domains/common/literal_generators/department_name_generator.py"
    tree = ast.parse(read_text("datamimic", member))
    lists = [
        ast.literal_eval(n.value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Assign)
        and isinstance(n.targets[0], ast.Attribute)
        and n.targets[0].attr == "_department_data"
    ]
    assert len(lists) == 2, lists
    return {"US": lists[0], "DE": lists[1]}


def main() -> None:
    source = f"Source: {FAKER} faker/providers"
    write_value_weight(
        "common/organization/job.csv",
        [
            "Source: U.S. Census Bureau, American Community Survey 2018 1-year, table B24114 (Detailed occupation for the civilian employed population 16 years and over), United States; public domain",
            "Occupation titles of the Census 2018 occupation classification (on SOC 2018); weight: people employed in the occupation",
        ],
        acs_occupations(),
    )
    colors = faker("color", "all_colors")
    write_value_weight(
        "common/color/color_name.csv",
        [
            f"{source}/color/__init__.py all_colors (MIT): the CSS Color Module named colours (X11 names)",
            "Colour names; weights: uniform, as Faker draws them",
        ],
        uniform(colors.keys()),
        sort="value",
    )
    write_value_weight(
        "common/text/emoji.csv",
        [
            f"{source}/emoji/__init__.py emojis (MIT), from Unicode's emoji list",
            "Emoji; weights: uniform, as Faker draws them",
        ],
        uniform(faker("emoji", "emojis")),
        sort="value",
    )
    # `file_extensions` maps each category to the class's `<category>_file_extensions`.
    extensions = {
        category: faker("file", f"{category}_file_extensions")
        for category in ("audio", "image", "office", "text", "video")
    }
    write_table(
        "common/file/file_extension.csv",
        [
            f"{source}/file/__init__.py file_extensions (MIT)",
            "File extensions by category; weights: uniform, as Faker draws them",
        ],
        ["category", "extension", "weight"],
        sorted([category, ext, 1] for category, exts in extensions.items() for ext in exts),
    )
    write_value_weight(
        "common/vehicle/license_plate_format_US.csv",
        [
            f"{source}/automotive/en_US/__init__.py license_formats (MIT; Faker cites Wikipedia's United States license plate designs and serial formats)",
            "Plate serial formats (# a digit, ? a letter, others literal); weight: the number of states and territories listing the format",
        ],
        uniform(faker("automotive", "license_formats", "en_US")),
    )
    dm_source = "Source: datamimic-ce@4.3.0 (MIT)"
    for dataset, names in department_lists().items():
        if dataset in ("US", "DE"):
            continue  # weighted by extract_department.py and extract_de_department.py
        write_value_weight(
            f"common/organization/department_{dataset}.csv",
            [
                f"{dm_source} datamimic_ce/domains/common/literal_generators/department_name_generator.py ({'en' if dataset == 'US' else 'de'})",
                "Department names; weights: uniform, as DATAMIMIC draws them",
            ],
            uniform(names),
            sort="value",
        )
    write_value_weight(
        "common/organization/department_VN.csv",
        [
            f"{dm_source} datamimic_ce/domains/domain_data/common/organization/department_VN.csv",
            "Department names; weights: uniform, as DATAMIMIC draws them",
        ],
        uniform(row[0] for row in dm_csv("common/organization/department_VN.csv")),
        sort="value",
    )


if __name__ == "__main__":
    main()
