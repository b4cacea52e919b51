//! The `datamimic` command.

fn main() {}
