//! The keywords of `#[mimic(...)]`, as typed constants.

use std::fmt;

use syn::{Ident, Path};

/// One attribute keyword.
#[derive(Copy, Clone)]
pub(crate) struct Symbol(pub(crate) &'static str);

pub(crate) const MIMIC: Symbol = Symbol("mimic");

// Container.
pub(crate) const DATASET: Symbol = Symbol("dataset");
pub(crate) const CRATE: Symbol = Symbol("crate");
pub(crate) const CONFIG: Symbol = Symbol("config");
/// On the container: derive `Cells`, the fast CSV row writer.
pub(crate) const CELLS: Symbol = Symbol("cells");
/// On the container or a field: a value that fields read but that is not itself a field.
pub(crate) const LET: Symbol = Symbol("let");
/// On the container: the type is generated as the child of a parent it reads. On a field,
/// `child_of = name` opens the field's value as a child of that relation.
pub(crate) const CHILD_OF: Symbol = Symbol("child_of");
/// In `child_of(...)`: the function that puts one parent's children in order.
pub(crate) const FINISH: Symbol = Symbol("finish");
/// In `child_of(...)`: how many children a parent gets, whatever the caller asks.
pub(crate) const COUNT: Symbol = Symbol("count");
/// In `child_of(...)`: the most children a parent takes of those asked for.
pub(crate) const AT_MOST: Symbol = Symbol("at_most");
/// In `child_of(...)`: the function that makes the parent of a record on its own.
pub(crate) const ALONE: Symbol = Symbol("alone");

// Variant.
pub(crate) const WEIGHT: Symbol = Symbol("weight");

// Field sources.
pub(crate) const WEIGHTED: Symbol = Symbol("weighted");
pub(crate) const VALUES: Symbol = Symbol("values");
pub(crate) const PATTERN: Symbol = Symbol("pattern");
pub(crate) const FORMAT: Symbol = Symbol("format");
pub(crate) const WITH: Symbol = Symbol("with");
pub(crate) const RANGE: Symbol = Symbol("range");
pub(crate) const SEQ: Symbol = Symbol("seq");
pub(crate) const CONSTANT: Symbol = Symbol("constant");
pub(crate) const SKIP: Symbol = Symbol("skip");
pub(crate) const FROM: Symbol = Symbol("from");
pub(crate) const TAKE: Symbol = Symbol("take");
/// The parent of a `child_of` type, cloned.
pub(crate) const PARENT: Symbol = Symbol("parent");

// Field modifiers.
pub(crate) const COLUMN: Symbol = Symbol("column");
pub(crate) const ROW: Symbol = Symbol("row");
pub(crate) const WEIGHTS: Symbol = Symbol("weights");
pub(crate) const TABLES: Symbol = Symbol("tables");
pub(crate) const OPTIONAL: Symbol = Symbol("optional");
pub(crate) const CHANCE: Symbol = Symbol("chance");
pub(crate) const MATCHING: Symbol = Symbol("matching");
pub(crate) const ON: Symbol = Symbol("on");
pub(crate) const LEN: Symbol = Symbol("len");
pub(crate) const ASCII_LOWERCASE: Symbol = Symbol("ascii_lowercase");
pub(crate) const LOWERCASE: Symbol = Symbol("lowercase");
pub(crate) const UPPERCASE: Symbol = Symbol("uppercase");

/// Every field keyword, for "did you mean" suggestions.
pub(crate) const FIELD_KEYWORDS: &[Symbol] = &[
    WEIGHTED,
    VALUES,
    PATTERN,
    FORMAT,
    WITH,
    RANGE,
    SEQ,
    CONSTANT,
    SKIP,
    FROM,
    TAKE,
    PARENT,
    COLUMN,
    ROW,
    WEIGHTS,
    TABLES,
    OPTIONAL,
    CHANCE,
    MATCHING,
    ON,
    LET,
    LEN,
    ASCII_LOWERCASE,
    LOWERCASE,
    UPPERCASE,
    CHILD_OF,
];
pub(crate) const CONTAINER_KEYWORDS: &[Symbol] = &[DATASET, CRATE, CONFIG, LET, CELLS, CHILD_OF];
pub(crate) const VARIANT_KEYWORDS: &[Symbol] = &[WEIGHT, CHANCE, SKIP];

impl PartialEq<Symbol> for Ident {
    fn eq(&self, word: &Symbol) -> bool {
        self == word.0
    }
}

impl PartialEq<Symbol> for Path {
    fn eq(&self, word: &Symbol) -> bool {
        self.is_ident(word.0)
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl PartialEq<Symbol> for &Path {
    fn eq(&self, word: &Symbol) -> bool {
        self.is_ident(word.0)
    }
}
