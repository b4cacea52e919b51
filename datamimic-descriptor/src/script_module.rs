//! Python files a descriptor runs with `<execute uri="script/lib.scr.py"/>`: their functions,
//! classes and constants join the names every later script sees, as in DATAMIMIC's global
//! context. A class subclassing `BaseLiteralGenerator` (with `generate(self)`) is usable as
//! `generator="Name(args)"`, one subclassing `Converter` or `CustomConverter` (with
//! `convert(self, value)`) as `converter="Name(args)"`; both base classes are importable
//! under their DATAMIMIC module paths.

use ruff_python_ast::{Expr, Stmt};
use rustpython_vm::bytecode::CodeObject;
use rustpython_vm::compiler::{self, CompileOpts, Mode};

/// A compiled `.scr.py` file and the names it defines at its top level.
#[derive(Debug)]
pub struct PythonFile {
    /// The file as the descriptor names it (for errors).
    pub uri: String,
    pub(crate) code: CodeObject,
    /// Every top-level name: functions, classes, assignments and imports.
    pub names: Vec<String>,
    /// The top-level classes.
    pub classes: Vec<String>,
}

/// A syntax error in a Python file, at its 1-based line and column.
#[derive(Debug)]
pub struct PythonFileError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// One line.
    pub message: String,
}

impl PythonFile {
    /// Parses and compiles `text`, the content of `uri`.
    pub fn compile(uri: &str, text: &str) -> Result<PythonFile, PythonFileError> {
        let parsed = ruff_python_parser::parse_module(text).map_err(|e| {
            let offset = usize::from(e.location.start()).min(text.len());
            let before = &text[..offset];
            PythonFileError {
                line: before.matches('\n').count() + 1,
                col: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
                message: e.error.to_string(),
            }
        })?;
        let mut names = Vec::new();
        let mut classes = Vec::new();
        for stmt in &parsed.syntax().body {
            defined(stmt, &mut names, &mut classes);
        }
        let code =
            compiler::compile(text, Mode::Exec, uri, CompileOpts::default()).map_err(|e| {
                PythonFileError {
                    line: 1,
                    col: 1,
                    message: e.to_string(),
                }
            })?;
        Ok(PythonFile {
            uri: uri.to_owned(),
            code,
            names,
            classes,
        })
    }
}

/// The names a top-level statement binds.
fn defined(stmt: &Stmt, names: &mut Vec<String>, classes: &mut Vec<String>) {
    match stmt {
        Stmt::FunctionDef(f) => names.push(f.name.id.to_string()),
        Stmt::ClassDef(c) => {
            names.push(c.name.id.to_string());
            classes.push(c.name.id.to_string());
        }
        Stmt::Assign(a) => a.targets.iter().for_each(|t| targets(t, names)),
        Stmt::AnnAssign(a) => targets(&a.target, names),
        Stmt::Import(i) => {
            for alias in &i.names {
                let name = alias.asname.as_ref().unwrap_or(&alias.name).id.to_string();
                names.push(name.split('.').next().unwrap_or_default().to_owned());
            }
        }
        Stmt::ImportFrom(i) => {
            for alias in &i.names {
                names.push(alias.asname.as_ref().unwrap_or(&alias.name).id.to_string());
            }
        }
        Stmt::If(i) => {
            i.body.iter().for_each(|s| defined(s, names, classes));
            for clause in &i.elif_else_clauses {
                clause.body.iter().for_each(|s| defined(s, names, classes));
            }
        }
        Stmt::Try(t) => {
            t.body.iter().for_each(|s| defined(s, names, classes));
            t.orelse.iter().for_each(|s| defined(s, names, classes));
        }
        _ => {}
    }
}

fn targets(target: &Expr, names: &mut Vec<String>) {
    match target {
        Expr::Name(n) => names.push(n.id.to_string()),
        Expr::Tuple(t) => t.elts.iter().for_each(|e| targets(e, names)),
        Expr::List(l) => l.elts.iter().for_each(|e| targets(e, names)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_names_and_classes() {
        let file = PythonFile::compile(
            "lib.scr.py",
            "import random\nfrom x.y import Base as B\nRATE = 2\n\ndef f(a):\n    return a * RATE\n\nclass G(B):\n    def generate(self):\n        return 1\n",
        )
        .unwrap();
        assert_eq!(file.names, ["random", "B", "RATE", "f", "G"]);
        assert_eq!(file.classes, ["G"]);
        let e = PythonFile::compile("bad.scr.py", "def f(:\n    pass\n").unwrap_err();
        assert_eq!((e.line, e.col), (1, 7));
    }
}
