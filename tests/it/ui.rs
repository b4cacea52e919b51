//! Compile errors of `#[derive(Mimic)]`: one case per message in `tests/ui/`, with the
//! expected compiler output committed next to it. Regenerate with `TRYBUILD=overwrite cargo
//! test --test it ui` after a toolchain update, and review the diff.

#[test]
fn derive_errors_point_at_the_mistake() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
