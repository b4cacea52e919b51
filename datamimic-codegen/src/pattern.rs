//! Parsing identifier patterns (`###-##-####`) into literal text and runs of symbols; shared by
//! the derive (at compile time) and the runtime, so both give the same values.

/// One piece of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternPiece {
    /// Text copied as is (escapes removed).
    Literal(String),
    /// `count` symbols of one kind: `#` digit, `%` digit 1-9, `?` letter, `*` letter or digit.
    Run {
        /// The pattern character.
        symbol: char,
        /// How many in a row (at most 255).
        count: u8,
    },
}

/// Splits `pattern` into pieces: `#`, `%`, `?` and `*` are symbols, `\x` is the character `x`,
/// anything else stands for itself.
pub fn compile_pattern(pattern: &str) -> Result<Vec<PatternPiece>, String> {
    if pattern.is_empty() {
        return Err("the pattern is empty".to_owned());
    }
    let mut pieces: Vec<PatternPiece> = Vec::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        let literal = match c {
            '\\' => Some(
                chars
                    .next()
                    .ok_or("the pattern ends with a lone `\\`; write `\\\\` for a backslash")?,
            ),
            '#' | '%' | '?' | '*' => None,
            other => Some(other),
        };
        match (literal, pieces.last_mut()) {
            (Some(ch), Some(PatternPiece::Literal(text))) => text.push(ch),
            (Some(ch), _) => pieces.push(PatternPiece::Literal(ch.to_string())),
            (None, Some(PatternPiece::Run { symbol, count }))
                if *symbol == c && *count < u8::MAX =>
            {
                *count += 1
            }
            (None, _) => pieces.push(PatternPiece::Run {
                symbol: c,
                count: 1,
            }),
        }
    }
    Ok(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_runs_and_literals() {
        let pieces = compile_pattern("+1 %##-\\#?*").unwrap();
        assert_eq!(
            pieces,
            vec![
                PatternPiece::Literal("+1 ".into()),
                PatternPiece::Run {
                    symbol: '%',
                    count: 1
                },
                PatternPiece::Run {
                    symbol: '#',
                    count: 2
                },
                PatternPiece::Literal("-#".into()),
                PatternPiece::Run {
                    symbol: '?',
                    count: 1
                },
                PatternPiece::Run {
                    symbol: '*',
                    count: 1
                },
            ]
        );
        assert!(compile_pattern("").is_err());
        assert!(compile_pattern("ab\\").unwrap_err().contains("lone"));
        assert_eq!(
            compile_pattern("a\\\\").unwrap(),
            vec![PatternPiece::Literal("a\\".into())]
        );
    }
}
