//! Parsing `#[mimic(...)]` into typed attributes.
//!
//! Nothing here returns early: an unknown key, a duplicate or a value of the wrong kind is
//! recorded in the [`Ctxt`] and parsing goes on with the next key, so every mistake of an input
//! is reported together.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::{Attribute, Lit, LitStr, Path, Token};

use crate::ctxt::Ctxt;
use crate::range::{RangeSpec, parse_range};
use crate::suggest::{did_you_mean, quoted_list};
use crate::symbol::*;

/// A value that may be set once; the second `set` is a "duplicate" error at its key.
pub(crate) struct Attr<'c, T> {
    cx: &'c Ctxt,
    name: Symbol,
    value: Option<(Span, T)>,
}

impl<'c, T> Attr<'c, T> {
    fn none(cx: &'c Ctxt, name: Symbol) -> Self {
        Attr {
            cx,
            name,
            value: None,
        }
    }

    fn set(&mut self, key: &Path, value: T) {
        if self.value.is_some() {
            self.cx
                .error_spanned_by(key, format!("duplicate mimic attribute `{}`", self.name));
        } else {
            self.value = Some((key.span(), value));
        }
    }

    /// Sets the value if parsing it succeeded (a failure was already reported).
    fn set_parsed(&mut self, key: &Path, value: Option<T>) {
        if let Some(value) = value {
            self.set(key, value);
        }
    }

    pub(crate) fn get(self) -> Option<(Span, T)> {
        self.value
    }
}

/// The key span plus value of an attribute that was given.
pub(crate) type Given<T> = Option<(Span, T)>;

/// `#[mimic(...)]` on a struct or enum.
pub(crate) struct ContainerAttrs {
    pub(crate) dataset: Given<LitStr>,
    pub(crate) krate: Given<Path>,
    /// `config = PersonConfig`: the configuration type bound to `config` in attributes.
    pub(crate) config: Given<syn::Type>,
    /// `cells = false`: no derived `Cells` impl (the type writes its own). `cells` and
    /// `cells = true` say the default.
    pub(crate) cells: Given<bool>,
    /// `let(name: Type, ...)`: values generated before every field.
    pub(crate) lets: Vec<LetAttr>,
    /// `child_of(name: Parent)`, once per parent: also a child of `Parent`, which attributes
    /// read by `name`.
    pub(crate) child_of: Vec<crate::child::ChildOfAttr>,
}

/// `let(name: Type, source...)`: a value generated like a field, read by fields, not output.
pub(crate) struct LetAttr {
    pub(crate) name: syn::Ident,
    pub(crate) ty: syn::Type,
    pub(crate) attrs: FieldAttrs,
}

/// `weighted = match field { pattern => "table", ... }`: a table chosen by an earlier value.
#[derive(Clone)]
pub(crate) struct TableMatch {
    pub(crate) scrutinee: syn::Expr,
    pub(crate) arms: Vec<(syn::Pat, LitStr)>,
}

/// `#[mimic(...)]` on an enum variant.
pub(crate) struct VariantAttrs {
    pub(crate) weight: Given<Weight>,
    /// `chance = config.female_quota`: the variant's share of all records, read when the
    /// record is generated; the variants without one share what the chances leave.
    pub(crate) chance: Given<syn::Expr>,
    pub(crate) skip: Given<()>,
}

/// A decimal weight as written, kept exact.
#[derive(Clone)]
pub(crate) struct Weight {
    pub(crate) text: String,
    pub(crate) span: Span,
}

/// `with = path` or `with = path(a, b)`.
pub(crate) struct WithCall {
    pub(crate) path: Path,
    pub(crate) args: Vec<syn::Ident>,
}

/// `#[mimic(...)]` on a field.
pub(crate) struct FieldAttrs {
    pub(crate) weighted: Given<LitStr>,
    pub(crate) column: Given<LitStr>,
    pub(crate) row: Given<LitStr>,
    pub(crate) values: Given<Vec<TokenStream>>,
    pub(crate) weights: Given<Vec<Weight>>,
    pub(crate) pattern: Given<LitStr>,
    pub(crate) format: Given<LitStr>,
    pub(crate) with: Given<WithCall>,
    pub(crate) range: Given<(LitStr, RangeSpec)>,
    pub(crate) seq: Given<u64>,
    pub(crate) constant: Given<TokenStream>,
    pub(crate) skip: Given<()>,
    pub(crate) optional: Given<f64>,
    pub(crate) len: Given<(LitStr, RangeSpec)>,
    /// `len = lines`: as many values as an earlier `usize` value says.
    pub(crate) len_expr: Given<syn::Expr>,
    pub(crate) case: Given<Symbol>,
    /// Tables a `with` function reads, so services can check them.
    pub(crate) tables: Given<Vec<LitStr>>,
    /// `weighted = match field { ... }`.
    pub(crate) weighted_match: Given<TableMatch>,
    /// `from = person.given_name`: a copy of an earlier value.
    pub(crate) from: Given<syn::Expr>,
    /// `take = person.email`: an earlier value moved out, not copied.
    pub(crate) take: Given<syn::Expr>,
    /// `parent`: the parent of a `child_of` type, cloned.
    pub(crate) parent: Given<()>,
    /// `chance = 0.2` or `chance = config.noble_quota`: the source's value with this
    /// probability, otherwise `Default::default()`.
    pub(crate) chance: Given<syn::Expr>,
    /// `matching = gender`: only rows whose `on` column holds the value.
    pub(crate) matching: Given<syn::Expr>,
    pub(crate) on: Given<LitStr>,
    /// `range = config.min_age..=config.max_age`: bounds read when generating.
    pub(crate) range_expr: Given<syn::ExprRange>,
    /// `let(name: Type, ...)` on a field: values generated just before it.
    pub(crate) lets: Vec<LetAttr>,
}

impl ContainerAttrs {
    pub(crate) fn from_ast(cx: &Ctxt, attrs: &[Attribute]) -> ContainerAttrs {
        let mut dataset = Attr::none(cx, DATASET);
        let mut krate = Attr::none(cx, CRATE);
        let mut config = Attr::none(cx, CONFIG);
        let mut cells = Attr::none(cx, CELLS);
        let mut child_of = Vec::new();
        let mut lets = Vec::new();
        for_each_key(cx, attrs, "container", CONTAINER_KEYWORDS, |key, value| {
            if key == CHILD_OF {
                child_of.extend(crate::child::parse(cx, key, &value));
                return true;
            }
            if key == CELLS {
                if let Some(derive) = cells_switch(cx, &value) {
                    cells.set(key, derive);
                }
                return true;
            }
            if key == CONFIG {
                let form = "config = PersonConfig";
                match &value {
                    Some(tokens) => match syn::parse2::<syn::Type>(tokens.clone()) {
                        Ok(ty) => config.set(key, ty),
                        Err(_) => cx.error_spanned_by(
                            tokens,
                            format!("expected mimic `config` to be a type: `{form}`"),
                        ),
                    },
                    None => {
                        cx.error_spanned_by(key, format!("mimic `config` needs a value: `{form}`"))
                    }
                }
                return true;
            }
            if key == LET {
                lets.extend(let_attr(cx, key, &value));
                return true;
            }
            if key == DATASET {
                if let Some(lit) = lit_str(cx, key, DATASET, &value, "dataset = \"DE\"") {
                    let code = lit.value();
                    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
                        dataset.set(key, lit);
                    } else {
                        cx.error_spanned_by(&lit, "mimic `dataset` must be an upper-case two-letter ISO 3166-1 code: `dataset = \"DE\"`");
                    }
                }
            } else if key == CRATE {
                if let Some(lit) =
                    lit_str(cx, key, CRATE, &value, "crate = \"path::to::datamimic\"")
                {
                    match lit.parse::<Path>() {
                        Ok(path) => krate.set(key, path),
                        Err(_) => cx.error_spanned_by(
                            &lit,
                            "mimic `crate` must be a path: `crate = \"path::to::datamimic\"`",
                        ),
                    }
                }
            } else {
                return false;
            }
            true
        });
        ContainerAttrs {
            dataset: dataset.get(),
            krate: krate.get(),
            config: config.get(),
            cells: cells.get(),
            lets,
            child_of: crate::child::distinct_relations(cx, child_of),
        }
    }
}

impl VariantAttrs {
    pub(crate) fn from_ast(cx: &Ctxt, attrs: &[Attribute]) -> VariantAttrs {
        let mut weight = Attr::none(cx, WEIGHT);
        let mut chance = Attr::none(cx, CHANCE);
        let mut skip = Attr::none(cx, SKIP);
        for_each_key(cx, attrs, "variant", VARIANT_KEYWORDS, |key, value| {
            if key == WEIGHT {
                if let Some(w) = decimal(cx, key, WEIGHT, &value, "weight = 37.4") {
                    weight.set(key, w);
                }
            } else if key == CHANCE {
                chance.set_parsed(
                    key,
                    expression(
                        cx,
                        key,
                        CHANCE,
                        &value,
                        "chance = 0.2` or `chance = config.female_quota",
                    ),
                );
            } else if key == SKIP {
                if flag(cx, SKIP, &value) {
                    skip.set(key, ());
                }
            } else {
                return false;
            }
            true
        });
        VariantAttrs {
            weight: weight.get(),
            chance: chance.get(),
            skip: skip.get(),
        }
    }
}

impl FieldAttrs {
    pub(crate) fn from_ast(cx: &Ctxt, attrs: &[Attribute]) -> FieldAttrs {
        let mut weighted = Attr::none(cx, WEIGHTED);
        let mut column = Attr::none(cx, COLUMN);
        let mut row = Attr::none(cx, ROW);
        let mut values = Attr::none(cx, VALUES);
        let mut weights = Attr::none(cx, WEIGHTS);
        let mut pattern = Attr::none(cx, PATTERN);
        let mut format = Attr::none(cx, FORMAT);
        let mut with = Attr::none(cx, WITH);
        let mut tables = Attr::none(cx, TABLES);
        let mut range = Attr::none(cx, RANGE);
        let mut seq = Attr::none(cx, SEQ);
        let mut constant = Attr::none(cx, CONSTANT);
        let mut skip = Attr::none(cx, SKIP);
        let mut optional = Attr::none(cx, OPTIONAL);
        let mut len = Attr::none(cx, LEN);
        let mut len_expr = Attr::none(cx, LEN);
        let mut case = Attr::none(cx, Symbol("ascii_lowercase`, `lowercase` or `uppercase"));
        let mut weighted_match = Attr::none(cx, WEIGHTED);
        let mut from = Attr::none(cx, FROM);
        let mut take = Attr::none(cx, TAKE);
        let mut parent = Attr::none(cx, PARENT);
        let mut chance = Attr::none(cx, CHANCE);
        let mut matching = Attr::none(cx, MATCHING);
        let mut on = Attr::none(cx, ON);
        let mut range_expr = Attr::none(cx, RANGE);
        let mut lets = Vec::new();
        for_each_key(cx, attrs, "field", FIELD_KEYWORDS, |key, value| {
            if key == WEIGHTED && (weighted.value.is_some() || weighted_match.value.is_some()) {
                cx.error_spanned_by(key, "duplicate mimic attribute `weighted`");
            } else if key == WEIGHTED && starts_with_match(&value) {
                weighted_match.set_parsed(key, table_match(cx, &value));
            } else if key == RANGE && (range.value.is_some() || range_expr.value.is_some()) {
                cx.error_spanned_by(key, "duplicate mimic attribute `range`");
            } else if key == FROM {
                from.set_parsed(
                    key,
                    expression(cx, key, FROM, &value, "from = person.given_name"),
                );
            } else if key == TAKE {
                take.set_parsed(
                    key,
                    expression(cx, key, TAKE, &value, "take = person.email"),
                );
            } else if key == CHANCE {
                chance.set_parsed(
                    key,
                    expression(
                        cx,
                        key,
                        CHANCE,
                        &value,
                        "chance = 0.2` or `chance = config.quota",
                    ),
                );
            } else if key == MATCHING {
                matching.set_parsed(
                    key,
                    expression(cx, key, MATCHING, &value, "matching = gender"),
                );
            } else if key == ON {
                on.set_parsed(key, lit_str(cx, key, ON, &value, "on = \"gender\""));
            } else if key == LET {
                lets.extend(let_attr(cx, key, &value));
            } else if key == RANGE && is_range_expression(&value) {
                if let Some(tokens) = &value {
                    match syn::parse2::<syn::ExprRange>(tokens.clone()) {
                        Ok(expr) if expr.start.is_some() && expr.end.is_some() => range_expr.set(key, expr),
                        _ => cx.error_spanned_by(tokens, "mimic `range` needs both bounds: `range = config.min_age..=config.max_age`"),
                    }
                }
            } else if key == WEIGHTED {
                weighted.set_parsed(
                    key,
                    lit_str(
                        cx,
                        key,
                        WEIGHTED,
                        &value,
                        "weighted = \"common/person/family_name\"",
                    ),
                );
            } else if key == COLUMN {
                column.set_parsed(
                    key,
                    lit_str(cx, key, COLUMN, &value, "column = \"postal_code\""),
                );
            } else if key == ROW {
                row.set_parsed(key, lit_str(cx, key, ROW, &value, "row = \"home\""));
            } else if key == VALUES {
                values.set_parsed(key, literal_list(cx, key, VALUES, &value));
            } else if key == WEIGHTS {
                weights.set_parsed(key, decimal_list(cx, key, &value));
            } else if key == PATTERN {
                if let Some(lit) = lit_str(cx, key, PATTERN, &value, "pattern = \"###-##-####\"") {
                    match pattern_ok(&lit.value()) {
                        Ok(()) => pattern.set(key, lit),
                        Err(message) => {
                            cx.error_spanned_by(&lit, format!("invalid mimic `pattern`: {message}"))
                        }
                    }
                }
            } else if key == FORMAT {
                let form = "format = \"{given_name}.{family_name}@example.com\"";
                format.set_parsed(key, lit_str(cx, key, FORMAT, &value, form));
            } else if key == WITH {
                with.set_parsed(key, with_call(cx, key, &value));
            } else if key == TABLES {
                tables.set_parsed(key, table_list(cx, key, &value));
            } else if key == RANGE {
                range.set_parsed(
                    key,
                    range_value(cx, key, RANGE, &value, "range = \"18..=67\""),
                );
            } else if key == LEN && (len.value.is_some() || len_expr.value.is_some()) {
                cx.error_spanned_by(key, "duplicate mimic attribute `len`");
            } else if key == LEN && is_len_expression(&value) {
                len_expr.set_parsed(key, expression(cx, key, LEN, &value, "len = lines"));
            } else if key == LEN {
                if let Some((lit, spec)) = range_value(cx, key, LEN, &value, "len = \"1..=3\"") {
                    if spec.is_count() {
                        len.set(key, (lit, spec));
                    } else {
                        cx.error_spanned_by(&lit, "mimic `len` must be a range of non-negative integers: `len = \"1..=3\"`");
                    }
                }
            } else if key == SEQ {
                match &value {
                    None => seq.set(key, 1),
                    Some(tokens) => match syn::parse2::<syn::LitInt>(tokens.clone()).and_then(|l| l.base10_parse::<u64>()) {
                        Ok(start) => seq.set(key, start),
                        Err(_) => cx.error_spanned_by(tokens, "expected mimic `seq` to be a flag or a start number: `seq` or `seq = 1000`"),
                    },
                }
            } else if key == CONSTANT {
                match value {
                    Some(tokens) if syn::parse2::<SignedLit>(tokens.clone()).is_ok() => constant.set(key, tokens),
                    Some(tokens) => cx.error_spanned_by(&tokens, "expected mimic `constant` to be a literal: `constant = \"n/a\"` or `constant = 0`"),
                    None => cx.error_spanned_by(key, "mimic `constant` needs a value: `constant = \"n/a\"`"),
                }
            } else if key == SKIP {
                if flag(cx, SKIP, &value) {
                    skip.set(key, ());
                }
            } else if key == CHILD_OF {
                crate::child::override_not_first(cx, key);
            } else if key == PARENT {
                if flag(cx, PARENT, &value) {
                    parent.set(key, ());
                }
            } else if key == OPTIONAL {
                if let Some(w) = decimal(cx, key, OPTIONAL, &value, "optional = 0.1") {
                    match w.text.parse::<f64>() {
                        Ok(p) if (0.0..=1.0).contains(&p) => optional.set(key, p),
                        _ => cx.error_at(w.span, "mimic `optional` is the probability of `None`, between 0 and 1: `optional = 0.1`"),
                    }
                }
            } else if key == ASCII_LOWERCASE || key == LOWERCASE || key == UPPERCASE {
                let word = [ASCII_LOWERCASE, LOWERCASE, UPPERCASE]
                    .into_iter()
                    .find(|w| key == *w)
                    .expect("matched");
                if flag(cx, word, &value) {
                    case.set(key, word);
                }
            } else {
                return false;
            }
            true
        });
        FieldAttrs {
            weighted: weighted.get(),
            column: column.get(),
            row: row.get(),
            values: values.get(),
            weights: weights.get(),
            pattern: pattern.get(),
            format: format.get(),
            with: with.get(),
            range: range.get(),
            seq: seq.get(),
            constant: constant.get(),
            skip: skip.get(),
            optional: optional.get(),
            len: len.get(),
            len_expr: len_expr.get(),
            case: case.get(),
            tables: tables.get(),
            weighted_match: weighted_match.get(),
            from: from.get(),
            take: take.get(),
            parent: parent.get(),
            chance: chance.get(),
            matching: matching.get(),
            on: on.get(),
            range_expr: range_expr.get(),
            lets,
        }
    }
}

/// Calls `handle(key, value)` for every key of every `#[mimic(...)]`; `value` holds the
/// tokens after `=`, if any. `handle` returns `false` for keys it does not know.
fn for_each_key(
    cx: &Ctxt,
    attrs: &[Attribute],
    place: &str,
    known: &[Symbol],
    mut handle: impl FnMut(&Path, Option<TokenStream>) -> bool,
) {
    for attr in attrs.iter().filter(|a| a.path() == MIMIC) {
        if let syn::Meta::Path(_) = attr.meta {
            cx.error_spanned_by(attr, "expected `#[mimic(...)]` with at least one key");
            continue;
        }
        let result = attr.parse_nested_meta(|meta| {
            let value = take_value(meta.input)?;
            if !handle(&meta.path, value) {
                let name = meta.path.to_token_stream().to_string().replace(' ', "");
                let names: Vec<String> = known.iter().map(|k| k.0.to_owned()).collect();
                let hint = did_you_mean(&name, &names, || {
                    format!("; expected one of {}", quoted_list(&names))
                });
                cx.error_spanned_by(
                    &meta.path,
                    format!("unknown mimic {place} attribute `{name}`{hint}"),
                );
            }
            Ok(())
        });
        if let Err(err) = result {
            cx.syn_error(err);
        }
    }
}

/// Consumes `= tokens...` up to the next top-level comma, if the key has a value.
fn take_value(input: ParseStream<'_>) -> syn::Result<Option<TokenStream>> {
    // `let(name: Type, ...)`: the group is the value.
    if input.peek(syn::token::Paren) {
        return Ok(Some(TokenStream::from(input.parse::<TokenTree>()?)));
    }
    if !input.peek(Token![=]) {
        return Ok(None);
    }
    input.parse::<Token![=]>()?;
    let mut tokens = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        tokens.extend([input.parse::<TokenTree>()?]);
    }
    Ok(Some(tokens))
}

fn lit_str(
    cx: &Ctxt,
    key: &Path,
    name: Symbol,
    value: &Option<TokenStream>,
    form: &str,
) -> Option<LitStr> {
    match value {
        Some(tokens) => match syn::parse2::<LitStr>(tokens.clone()) {
            Ok(lit) => Some(lit),
            Err(_) => {
                cx.error_spanned_by(
                    tokens,
                    format!("expected mimic `{name}` attribute to be a string: `{form}`"),
                );
                None
            }
        },
        None => {
            cx.error_spanned_by(key, format!("mimic `{name}` needs a value: `{form}`"));
            None
        }
    }
}

fn flag(cx: &Ctxt, name: Symbol, value: &Option<TokenStream>) -> bool {
    match value {
        None => true,
        Some(tokens) => {
            cx.error_spanned_by(
                tokens,
                format!("mimic `{name}` takes no value: write `{name}`"),
            );
            false
        }
    }
}

/// `cells` (true), `cells = true` or `cells = false`.
fn cells_switch(cx: &Ctxt, value: &Option<TokenStream>) -> Option<bool> {
    let Some(tokens) = value else {
        return Some(true);
    };
    match syn::parse2::<syn::LitBool>(tokens.clone()) {
        Ok(lit) => Some(lit.value),
        Err(_) => {
            cx.error_spanned_by(
                tokens,
                "mimic `cells` takes `true` or `false`: `cells = false` leaves `Cells` to the type",
            );
            None
        }
    }
}

/// A non-negative number literal, kept as its decimal text.
fn decimal(
    cx: &Ctxt,
    key: &Path,
    name: Symbol,
    value: &Option<TokenStream>,
    form: &str,
) -> Option<Weight> {
    let Some(tokens) = value else {
        cx.error_spanned_by(key, format!("mimic `{name}` needs a value: `{form}`"));
        return None;
    };
    match syn::parse2::<Lit>(tokens.clone()) {
        Ok(Lit::Int(lit)) if lit.suffix().is_empty() => Some(Weight {
            text: lit.base10_digits().to_owned(),
            span: lit.span(),
        }),
        Ok(Lit::Float(lit)) if lit.suffix().is_empty() => Some(Weight {
            text: lit.base10_digits().to_owned(),
            span: lit.span(),
        }),
        _ => {
            cx.error_spanned_by(
                tokens,
                format!("expected mimic `{name}` attribute to be a non-negative number: `{form}`"),
            );
            None
        }
    }
}

fn decimal_list(cx: &Ctxt, key: &Path, value: &Option<TokenStream>) -> Option<Vec<Weight>> {
    let items = bracketed_items(cx, key, WEIGHTS, value, "weights = [3, 1.5, 0.5]")?;
    let mut weights = Vec::new();
    for item in items {
        weights.push(decimal(
            cx,
            key,
            WEIGHTS,
            &Some(item),
            "weights = [3, 1.5, 0.5]",
        )?);
    }
    Some(weights)
}

fn literal_list(
    cx: &Ctxt,
    key: &Path,
    name: Symbol,
    value: &Option<TokenStream>,
) -> Option<Vec<TokenStream>> {
    let items = bracketed_items(cx, key, name, value, "values = [\"a\", \"b\"]")?;
    let mut ok = true;
    for item in &items {
        if syn::parse2::<SignedLit>(item.clone()).is_err() {
            cx.error_spanned_by(
                item,
                "mimic `values` must be literals: `values = [\"a\", \"b\"]`",
            );
            ok = false;
        }
    }
    if items.is_empty() {
        cx.error_spanned_by(
            value,
            "mimic `values` needs at least one value: `values = [\"a\", \"b\"]`",
        );
        ok = false;
    }
    ok.then_some(items)
}

fn bracketed_items(
    cx: &Ctxt,
    key: &Path,
    name: Symbol,
    value: &Option<TokenStream>,
    form: &str,
) -> Option<Vec<TokenStream>> {
    let bad = |tokens: &dyn ToTokens| {
        cx.error_spanned_by(
            tokens,
            format!("expected mimic `{name}` attribute to be a list: `{form}`"),
        )
    };
    let Some(tokens) = value else {
        cx.error_spanned_by(key, format!("mimic `{name}` needs a value: `{form}`"));
        return None;
    };
    let mut iter = tokens.clone().into_iter();
    let (Some(TokenTree::Group(group)), None) = (iter.next(), iter.next()) else {
        bad(tokens);
        return None;
    };
    if group.delimiter() != proc_macro2::Delimiter::Bracket {
        bad(&group);
        return None;
    }
    let mut items = Vec::new();
    let mut current = TokenStream::new();
    for tree in group.stream() {
        match &tree {
            TokenTree::Punct(p) if p.as_char() == ',' => items.push(std::mem::take(&mut current)),
            _ => current.extend([tree]),
        }
    }
    if !current.is_empty() {
        items.push(current);
    }
    Some(items)
}

fn table_list(cx: &Ctxt, key: &Path, value: &Option<TokenStream>) -> Option<Vec<LitStr>> {
    let form = "tables = [\"common/person/salutation\"]";
    let items = bracketed_items(cx, key, TABLES, value, form)?;
    let mut keys = Vec::new();
    for item in items {
        keys.push(lit_str(cx, key, TABLES, &Some(item), form)?);
    }
    Some(keys)
}

fn with_call(cx: &Ctxt, key: &Path, value: &Option<TokenStream>) -> Option<WithCall> {
    let form = "with = path::to::function` or `with = function(earlier_field, ...)";
    let Some(tokens) = value else {
        cx.error_spanned_by(key, format!("mimic `with` needs a value: `{form}`"));
        return None;
    };
    match syn::parse2::<WithCall>(tokens.clone()) {
        Ok(call) => Some(call),
        Err(_) => {
            cx.error_spanned_by(
                tokens,
                format!("expected mimic `with` attribute to be a function path: `{form}`"),
            );
            None
        }
    }
}

impl Parse for WithCall {
    fn parse(input: ParseStream<'_>) -> syn::Result<WithCall> {
        let path: Path = input.parse()?;
        let mut args = Vec::new();
        if !input.is_empty() {
            let content;
            syn::parenthesized!(content in input);
            let list = content.parse_terminated(syn::Ident::parse, Token![,])?;
            args = list.into_iter().collect();
        }
        Ok(WithCall { path, args })
    }
}

fn range_value(
    cx: &Ctxt,
    key: &Path,
    name: Symbol,
    value: &Option<TokenStream>,
    form: &str,
) -> Option<(LitStr, RangeSpec)> {
    let lit = match value {
        Some(tokens) => match syn::parse2::<Lit>(tokens.clone()) {
            Ok(Lit::Str(lit)) => lit,
            Ok(Lit::Int(n)) if name.0 == LEN.0 => {
                LitStr::new(&format!("{0}..={0}", n.base10_digits()), n.span())
            }
            _ => {
                cx.error_spanned_by(
                    tokens,
                    format!("expected mimic `{name}` attribute to be a string: `{form}`"),
                );
                return None;
            }
        },
        None => {
            cx.error_spanned_by(key, format!("mimic `{name}` needs a value: `{form}`"));
            return None;
        }
    };
    match parse_range(&lit.value()) {
        Ok(spec) => Some((lit, spec)),
        Err(message) => {
            cx.error_spanned_by(
                &lit,
                format!("invalid mimic `{name}`: {message}; for example `{form}`"),
            );
            None
        }
    }
}

fn pattern_ok(pattern: &str) -> Result<(), String> {
    datamimic_codegen::compile_pattern(pattern).map(drop)
}

/// A literal, optionally negated (`-5`, `-0.5`).
pub(crate) struct SignedLit;

impl Parse for SignedLit {
    fn parse(input: ParseStream<'_>) -> syn::Result<SignedLit> {
        let negative = input.parse::<Option<Token![-]>>()?.is_some();
        let lit: Lit = input.parse()?;
        if negative && !matches!(lit, Lit::Int(_) | Lit::Float(_)) {
            return Err(syn::Error::new(lit.span(), "only numbers can be negative"));
        }
        Ok(SignedLit)
    }
}

/// Whether an attribute value is a `match` expression.
fn starts_with_match(value: &Option<TokenStream>) -> bool {
    matches!(value.as_ref().and_then(|t| t.clone().into_iter().next()), Some(TokenTree::Ident(i)) if i == "match")
}

/// Whether a `range` value is an expression (`config.min..=config.max`) rather than a string.
fn is_range_expression(value: &Option<TokenStream>) -> bool {
    value.as_ref().is_some_and(|tokens| {
        syn::parse2::<Lit>(tokens.clone()).is_err()
            && syn::parse2::<syn::ExprRange>(tokens.clone()).is_ok()
    })
}

/// An expression value (`from`, `chance`, `matching`).
fn expression(
    cx: &Ctxt,
    key: &Path,
    name: Symbol,
    value: &Option<TokenStream>,
    form: &str,
) -> Option<syn::Expr> {
    let Some(tokens) = value.as_ref().filter(|t| !t.is_empty()) else {
        cx.error_spanned_by(key, format!("mimic `{name}` needs a value: `{form}`"));
        return None;
    };
    match syn::parse2::<syn::Expr>(tokens.clone()) {
        Ok(expr) => Some(expr),
        Err(_) => {
            cx.error_spanned_by(
                tokens,
                format!("expected mimic `{name}` to be an expression: `{form}`"),
            );
            None
        }
    }
}

/// `weighted = match field { pattern => "table", ... }`, every arm naming a table.
fn table_match(cx: &Ctxt, value: &Option<TokenStream>) -> Option<TableMatch> {
    let tokens = value.as_ref()?;
    let form = "weighted = match gender { Gender::Female => \"common/person/given_name_female\", _ => \"common/person/given_name_male\" }";
    let expr = match syn::parse2::<syn::ExprMatch>(tokens.clone()) {
        Ok(expr) => expr,
        Err(err) => {
            cx.error_at(
                err.span(),
                format!("invalid mimic `weighted` match: {err}; for example `{form}`"),
            );
            return None;
        }
    };
    let mut arms = Vec::new();
    for arm in expr.arms {
        match *arm.body {
            syn::Expr::Lit(syn::ExprLit {
                lit: Lit::Str(table),
                ..
            }) => {
                arms.push((arm.pat, table));
            }
            body => cx.error_spanned_by(
                &body,
                format!("each arm of a mimic `weighted` match names a table: `{form}`"),
            ),
        }
    }
    Some(TableMatch {
        scrutinee: *expr.expr,
        arms,
    })
}

/// `let(name: Type, keys...)`, the keys being those of a field.
fn let_attr(cx: &Ctxt, key: &Path, value: &Option<TokenStream>) -> Option<LetAttr> {
    let form = "let(born: NaiveDate, range = \"1950-01-01..=2000-12-31\")";
    let group = match value
        .as_ref()
        .map(|t| t.clone().into_iter().collect::<Vec<_>>())
    {
        Some(trees) if matches!(trees.as_slice(), [TokenTree::Group(g)] if g.delimiter() == proc_macro2::Delimiter::Parenthesis) =>
        {
            let [TokenTree::Group(group)] = trees.as_slice() else {
                unreachable!()
            };
            group.clone()
        }
        Some(_) | None => {
            cx.error_spanned_by(
                key,
                format!("mimic `let` names a value, its type and where it comes from: `{form}`"),
            );
            return None;
        }
    };
    let parsed = syn::parse::Parser::parse2(
        |input: ParseStream<'_>| {
            let name: syn::Ident = input.parse()?;
            input.parse::<Token![:]>()?;
            let ty: syn::Type = input.parse()?;
            let rest = if input.is_empty() {
                TokenStream::new()
            } else {
                input.parse::<Token![,]>()?;
                input.parse::<TokenStream>()?
            };
            Ok((name, ty, rest))
        },
        group.stream(),
    );
    match parsed {
        Ok((name, ty, rest)) => {
            let attrs = if rest.is_empty() {
                FieldAttrs::from_ast(cx, &[])
            } else {
                FieldAttrs::from_ast(cx, &[syn::parse_quote!(#[mimic(#rest)])])
            };
            if let Some(inner) = attrs.lets.first() {
                cx.error_spanned_by(
                    &inner.name,
                    "a mimic `let` cannot hold another `let`; write them one after the other",
                );
            }
            Some(LetAttr { name, ty, attrs })
        }
        Err(err) => {
            cx.error_at(
                err.span(),
                format!("invalid mimic `let`: {err}; for example `{form}`"),
            );
            None
        }
    }
}

/// Whether a `len` value is an expression (`len = lines`) rather than a literal count or range.
fn is_len_expression(value: &Option<TokenStream>) -> bool {
    value
        .as_ref()
        .is_some_and(|tokens| syn::parse2::<Lit>(tokens.clone()).is_err())
}
