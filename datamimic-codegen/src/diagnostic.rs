//! Problems found while reading datasets, reported as `path:line: message`.

use std::fmt;

/// One problem in one dataset file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, as given to the baker (relative to the crate when run from a build script).
    pub path: String,
    /// 1-based line number, when the problem belongs to one line.
    pub line: Option<u64>,
    /// Lowercase description without a final period.
    pub message: String,
}

impl Diagnostic {
    /// A problem at `path:line`.
    pub fn at_line(path: &str, line: u64, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_owned(),
            line: Some(line),
            message: message.into(),
        }
    }

    /// A problem that concerns the whole file.
    pub fn in_file(path: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_owned(),
            line: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// Every problem found in one bake, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Whether nothing was reported.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Record one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// The messages rendered as `path:line: message`, one per entry.
    pub fn lines(&self) -> Vec<String> {
        self.0.iter().map(ToString::to_string).collect()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.0 {
            writeln!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}
