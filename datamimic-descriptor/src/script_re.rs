//! Python's `re` module for scripts, on the `regex-automata` crate (RustPython's own `re` is
//! Python code of its standard library, which the sandbox leaves out): `compile`, `search`,
//! `match`, `fullmatch`, `findall`, `finditer`, `sub`, `subn`, `split`, `escape`, the flags
//! `I`, `M`, `S`, `X` and `A`, and match objects (`group`, `groups`, `groupdict`, `start`,
//! `end`, `span`, `m[1]`). Positions are characters, as in Python.
//!
//! The syntax is Python's where the regex engine has it (classes, groups, `(?P<name>…)`,
//! non-greedy repetition, inline flags); backreferences and lookaround, which need a
//! backtracking engine, are refused with `re.error` naming the pattern. A match finds the
//! leftmost match Python's would, preferring alternatives in order. Nothing here draws
//! random numbers or reads the host, so results are the same in every run.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};
use rustpython_vm::builtins::{PyDictRef, PyStrRef};
use rustpython_vm::compiler::Mode;
use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};

/// Python's flag values.
const IGNORECASE: u32 = 2;
const MULTILINE: u32 = 8;
const DOTALL: u32 = 16;
const VERBOSE: u32 = 64;
const ASCII: u32 = 256;

/// The most compiled patterns a thread keeps (a script compiling a fresh pattern per record
/// would otherwise grow the cache without end).
const MAX_CACHED: usize = 512;

/// A compiled pattern: one regex to search, one anchored at the end to match whole.
struct Compiled {
    search: Regex,
    whole: Regex,
}

thread_local! {
    static PATTERNS: RefCell<HashMap<(String, u32), Arc<Compiled>>> = RefCell::new(HashMap::new());
}

/// The module's Python half: the classes and functions, on the Rust primitives below.
const RE_PY: &str = r#"
class error(Exception):
    pass

I = IGNORECASE = 2
M = MULTILINE = 8
S = DOTALL = 16
X = VERBOSE = 64
A = ASCII = 256
U = UNICODE = 32
NOFLAG = 0

class Match:
    def __init__(self, pattern, string, spans, pos, endpos):
        self.re = pattern
        self.string = string
        self._spans = spans
        self.pos = pos
        self.endpos = endpos
        self.lastindex = None
        for i in range(len(spans) - 1, 0, -1):
            if spans[i] is not None:
                self.lastindex = i
                break
    def _index(self, group):
        if isinstance(group, str):
            if group not in self.re.groupindex:
                raise IndexError("no such group")
            return self.re.groupindex[group]
        if not isinstance(group, int) or group < 0 or group >= len(self._spans):
            raise IndexError("no such group")
        return group
    def _text(self, group, default=None):
        span = self._spans[self._index(group)]
        return default if span is None else self.string[span[0]:span[1]]
    def group(self, *groups):
        if not groups:
            return self._text(0)
        if len(groups) == 1:
            return self._text(groups[0])
        return tuple(self._text(g) for g in groups)
    def __getitem__(self, group):
        return self._text(group)
    def groups(self, default=None):
        return tuple(self._text(i, default) for i in range(1, len(self._spans)))
    def groupdict(self, default=None):
        return {name: self._text(i, default) for name, i in self.re.groupindex.items()}
    def span(self, group=0):
        span = self._spans[self._index(group)]
        return (-1, -1) if span is None else span
    def start(self, group=0):
        return self.span(group)[0]
    def end(self, group=0):
        return self.span(group)[1]
    def expand(self, template):
        return _expand(self, template)
    def __bool__(self):
        return True
    def __repr__(self):
        return f"<re.Match object; span={self.span()!r}, match={self.group()!r}>"

def _expand(match, template):
    out = []
    i = 0
    n = len(template)
    while i < n:
        c = template[i]
        if c != "\\" or i + 1 == n:
            out.append(c)
            i += 1
            continue
        d = template[i + 1]
        if d == "g":
            close = template.find(">", i + 2)
            if i + 2 >= n or template[i + 2] != "<" or close < 0:
                raise error(f"missing group name in replacement {template!r}")
            name = template[i + 3:close]
            group = int(name) if name.isdigit() else name
            out.append(match.group(group) or "")
            i = close + 1
        elif d.isdigit():
            j = i + 1
            while j < n and j < i + 3 and template[j].isdigit():
                j += 1
            out.append(match.group(int(template[i + 1:j])) or "")
            i = j
        else:
            escapes = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "\\": "\\"}
            out.append(escapes.get(d, "\\" + d))
            i += 2
    return "".join(out)

class Pattern:
    def __init__(self, pattern, flags=0):
        if isinstance(pattern, Pattern):
            pattern = pattern.pattern
        if not isinstance(pattern, str):
            raise TypeError("datamimic's `re` takes string patterns only")
        self.pattern = pattern
        self._flags = int(flags)
        self.flags = self._flags | 32
        self.groups, self.groupindex = _compile(pattern, self._flags)
    def _find(self, string, pos, endpos, mode):
        if not isinstance(string, str):
            raise TypeError(f"expected string, got {type(string).__name__}")
        n = len(string)
        endpos = n if endpos is None else max(0, min(endpos, n))
        pos = max(0, min(pos, endpos))
        spans = _find(self.pattern, self._flags, string, pos, endpos, mode)
        return None if spans is None else Match(self, string, spans, pos, endpos)
    def search(self, string, pos=0, endpos=None):
        return self._find(string, pos, endpos, 0)
    def match(self, string, pos=0, endpos=None):
        return self._find(string, pos, endpos, 1)
    def fullmatch(self, string, pos=0, endpos=None):
        return self._find(string, pos, endpos, 2)
    def finditer(self, string, pos=0, endpos=None):
        n = len(string) if endpos is None else endpos
        while pos <= n:
            m = self._find(string, pos, endpos, 0)
            if m is None:
                return
            yield m
            start, end = m.span()
            pos = end + 1 if end == start else end
    def findall(self, string, pos=0, endpos=None):
        out = []
        for m in self.finditer(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group())
            elif self.groups == 1:
                out.append(m.group(1) or "")
            else:
                out.append(m.groups(""))
        return out
    def subn(self, repl, string, count=0):
        out = []
        last = 0
        done = 0
        for m in self.finditer(string):
            if count and done >= count:
                break
            start, end = m.span()
            out.append(string[last:start])
            out.append(repl(m) if callable(repl) else _expand(m, repl))
            last = end
            done += 1
        out.append(string[last:])
        return "".join(out), done
    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]
    def split(self, string, maxsplit=0):
        out = []
        last = 0
        done = 0
        for m in self.finditer(string):
            if maxsplit and done >= maxsplit:
                break
            start, end = m.span()
            out.append(string[last:start])
            out.extend(m.groups())
            last = end
            done += 1
        out.append(string[last:])
        return out
    def __repr__(self):
        return f"re.compile({self.pattern!r})"

def compile(pattern, flags=0):
    return pattern if isinstance(pattern, Pattern) and not flags else Pattern(pattern, flags)

def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)

def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)

def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)

def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)

def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)

def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)

def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)

def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)

def escape(pattern):
    return "".join("\\" + c if not (c.isalnum() or c == "_") and ord(c) < 128 else c for c in pattern)

def purge():
    pass
"#;

/// Builds the `re` module.
pub(crate) fn module(vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let dict: PyDictRef = vm.ctx.new_dict();
    dict.set_item("__name__", vm.ctx.new_str("re").into(), vm)?;
    dict.set_item("_compile", vm.new_function("_compile", compile).into(), vm)?;
    dict.set_item("_find", vm.new_function("_find", find).into(), vm)?;
    let scope = rustpython_vm::scope::Scope::with_builtins(None, dict.clone(), vm);
    let code = vm
        .compile(RE_PY, Mode::Exec, "<datamimic re>".to_owned())
        .map_err(|e| vm.new_runtime_error(e.to_string()))?;
    vm.run_code_obj(code, scope)?;
    Ok(vm.new_module("re", dict, None).into())
}

/// Python's syntax where it differs from the regex engine's: `\Z` is the end of the text.
fn translate(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('Z') => out.push_str("\\z"),
            Some(next) => {
                out.push('\\');
                out.push(next);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Compiles `pattern` under Python `flags`, or says why it cannot be.
fn build(pattern: &str, flags: u32) -> Result<Compiled, String> {
    let config = syntax::Config::new()
        .case_insensitive(flags & IGNORECASE != 0)
        .multi_line(flags & MULTILINE != 0)
        .dot_matches_new_line(flags & DOTALL != 0)
        .ignore_whitespace(flags & VERBOSE != 0)
        .unicode(flags & ASCII == 0)
        .utf8(true);
    let translated = translate(pattern);
    let make = |text: &str| {
        Regex::builder()
            .syntax(config)
            .build(text)
            .map_err(|e| describe(pattern, &e))
    };
    Ok(Compiled {
        search: make(&translated)?,
        whole: make(&format!("(?:{translated})\\z"))?,
    })
}

/// The engine's complaint in one line, naming what Python has and datamimic's `re` lacks.
fn describe(pattern: &str, e: &regex_automata::meta::BuildError) -> String {
    let detail = e
        .syntax_error()
        .map_or_else(|| e.to_string(), ToString::to_string);
    let lacking = if pattern.contains("(?=")
        || pattern.contains("(?!")
        || pattern.contains("(?<=")
        || pattern.contains("(?<!")
    {
        " (datamimic's `re` has no lookaround)"
    } else if pattern.contains("(?P=") || detail.contains("backreference") {
        " (datamimic's `re` has no backreferences)"
    } else {
        ""
    };
    let last = detail.lines().last().unwrap_or_default().trim();
    let first = last.strip_prefix("error: ").unwrap_or(last);
    format!("bad pattern {pattern:?}{lacking}: {first}")
}

/// The compiled `pattern` under `flags`, from this thread's cache.
fn cached(pattern: &str, flags: u32) -> Result<Arc<Compiled>, String> {
    PATTERNS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let key = (pattern.to_owned(), flags);
        if let Some(c) = cache.get(&key) {
            return Ok(c.clone());
        }
        let c = Arc::new(build(pattern, flags)?);
        if cache.len() >= MAX_CACHED {
            cache.clear();
        }
        cache.insert(key, c.clone());
        Ok(c)
    })
}

/// `pattern` as UTF-8 text, or a Python error.
fn text_of<'s>(s: &'s PyStrRef, vm: &VirtualMachine) -> PyResult<&'s str> {
    s.to_str()
        .ok_or_else(|| vm.new_value_error("re: the text is not valid UTF-8"))
}

/// `_compile(pattern, flags)`: the number of groups and the named groups; a bad pattern
/// raises `re.error`.
fn compile(pattern: PyStrRef, flags: u32, vm: &VirtualMachine) -> PyResult<(usize, PyObjectRef)> {
    let text = text_of(&pattern, vm)?;
    let compiled = cached(text, flags).map_err(|message| {
        let raised = vm
            .import("re", 0)
            .and_then(|re| re.get_attr("error", vm))
            .and_then(|class| class.call((message.clone(),), vm));
        match raised.ok().and_then(|e| e.downcast().ok()) {
            Some(e) => e,
            None => vm.new_value_error(message),
        }
    })?;
    let info = compiled.search.group_info();
    let groups = info.group_len(regex_automata::PatternID::ZERO) - 1;
    let names = vm.ctx.new_dict();
    for (index, name) in info
        .pattern_names(regex_automata::PatternID::ZERO)
        .enumerate()
    {
        if let Some(name) = name {
            names.set_item(name, vm.ctx.new_int(index).into(), vm)?;
        }
    }
    Ok((groups, names.into()))
}

/// `_find(pattern, flags, string, pos, endpos, mode)`: mode 0 searches, 1 matches at `pos`, 2 matches
/// `pos..endpos` whole. Returns the groups' character spans (`None` for a group that did not
/// take part) or `None`.
fn find(
    pattern: PyStrRef,
    flags: u32,
    string: PyStrRef,
    pos: usize,
    endpos: usize,
    mode: u32,
    vm: &VirtualMachine,
) -> PyResult<PyObjectRef> {
    let compiled = cached(text_of(&pattern, vm)?, flags).map_err(|m| vm.new_value_error(m))?;
    let text = text_of(&string, vm)?;
    // Python counts characters; the engine bytes.
    let offsets = (!text.is_ascii()).then(|| byte_offsets(text));
    let to_byte = |c: usize| offsets.as_ref().map_or(c, |o| o[c.min(o.len() - 1)]);
    let to_char = |b: usize| {
        offsets
            .as_ref()
            .map_or(b, |o| o.partition_point(|&x| x < b))
    };
    // The text ends at `endpos`, as Python reads it.
    let hay = &text[..to_byte(endpos)];
    let start = to_byte(pos);
    let caps = match mode {
        0 => captures(&compiled.search, hay, start, false),
        1 => captures(&compiled.search, hay, start, true),
        _ => captures(&compiled.whole, hay, start, true),
    };
    let Some(caps) = caps else {
        return Ok(vm.ctx.none());
    };
    let spans: Vec<PyObjectRef> = (0..caps.group_len())
        .map(|i| match caps.get_group(i) {
            Some(span) => vm
                .new_tuple((to_char(span.start), to_char(span.end)))
                .into(),
            None => vm.ctx.none(),
        })
        .collect();
    Ok(vm.ctx.new_list(spans).into())
}

/// Byte offsets of character positions, for a text that is not all ASCII.
fn byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// Runs `regex` on `hay` from byte `start`, anchored or not.
fn captures(regex: &Regex, hay: &str, start: usize, anchored: bool) -> Option<Captures> {
    let mut caps = regex.create_captures();
    let input = Input::new(hay).range(start..).anchored(if anchored {
        Anchored::Yes
    } else {
        Anchored::No
    });
    regex.search_captures(&input, &mut caps);
    caps.is_match().then_some(caps)
}
