//! Built-in domain models, written with `#[derive(Mimic)]` like users' own entities.
