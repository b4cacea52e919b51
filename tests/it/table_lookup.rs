//! Looking up baked tables by key and dataset code, with fallback and strict mode.

use datamimic::{
    DatasetCode, Error, MimicRng, Strictness, fallback_warnings, reset_fallback_log,
    supported_datasets, tables,
};
use rand::RngExt;

use crate::support::table_from_csv;

#[test]
fn resolves_a_country_variant() {
    let de = tables::COMMON_PERSON_FAMILY_NAME
        .resolve_with("DE", Strictness::Strict)
        .unwrap();
    assert_eq!(de.key(), "common/person/family_name");
    assert_eq!(de.country(), Some("DE"));
    assert_eq!(de.source(), "datasets/common/person/family_name_DE.csv");
    assert_eq!(
        de.value(0),
        "Müller",
        "no byte-order mark leaks into the first value"
    );
    // Codes are case-insensitive, like datamimic's.
    assert!(std::ptr::eq(
        de,
        tables::COMMON_PERSON_FAMILY_NAME
            .resolve_with("de", Strictness::Strict)
            .unwrap()
    ));
}

#[test]
fn unknown_code_falls_back_to_us_with_one_warning() {
    reset_fallback_log();
    let family = &tables::COMMON_PERSON_GIVEN_NAME_MALE;
    for _ in 0..3 {
        let table = family.resolve_with("ZZ", Strictness::Fallback).unwrap();
        assert_eq!(table.country(), Some("US"));
    }
    let warnings: Vec<_> = fallback_warnings()
        .into_iter()
        .filter(|(table, _)| *table == "common/person/given_name_male")
        .collect();
    assert_eq!(
        warnings,
        [(
            "common/person/given_name_male",
            DatasetCode::parse("ZZ").unwrap()
        )]
    );
}

#[test]
fn strict_mode_names_the_table_the_code_and_the_alternatives() {
    let err = tables::COMMON_PERSON_FAMILY_NAME
        .resolve_with("ZZ", Strictness::Strict)
        .unwrap_err();
    let Error::UnsupportedDataset {
        table,
        requested,
        available,
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(
        (*table, requested.as_str()),
        ("common/person/family_name", "ZZ")
    );
    assert!(available.contains(&"DE") && available.contains(&"US"));
    let message = err.to_string();
    assert!(
        message.contains("`common/person/family_name`")
            && message.contains("`ZZ`")
            && message.contains("DE"),
        "{message}"
    );
}

#[test]
fn invalid_codes_are_errors() {
    for code in ["", "U", "USA", "1A", "Ü1"] {
        let err = tables::COMMON_PERSON_FAMILY_NAME.resolve(code).unwrap_err();
        assert!(
            matches!(err, Error::InvalidDatasetCode { .. }),
            "{code:?}: {err:?}"
        );
    }
}

#[test]
fn supported_datasets_is_the_intersection() {
    let names = supported_datasets(&[&tables::COMMON_PERSON_FAMILY_NAME]);
    let with_titles = supported_datasets(&[
        &tables::COMMON_PERSON_FAMILY_NAME,
        &tables::COMMON_PERSON_GIVEN_NAME_MALE,
    ]);
    assert!(with_titles.iter().all(|c| names.contains(c)));
    assert!(with_titles.contains(&"US") && with_titles.contains(&"DE"));
    let mut sorted = with_titles.clone();
    sorted.sort();
    assert_eq!(sorted, with_titles);
}

#[test]
fn lookup_macro_finds_tables_and_columns_at_compile_time() {
    let family: &datamimic::TableFamily = datamimic::__table!("common/person/family_name");
    assert_eq!(family.key(), "common/person/family_name");
    const VALUE: usize = datamimic::__table!("common/person/family_name", "value");
    assert_eq!(VALUE, 0);
    assert_eq!(
        datamimic::tables::ALL
            .iter()
            .filter(|f| f.key() == family.key())
            .count(),
        1
    );
}

#[test]
fn rows_keep_their_cells_together() {
    let table = table_from_csv(
        "fixture/city",
        "# coherent tuples\ncity,state,postal_code,weight\nDresden,SN,01067,5\nAach,RP,54298,0\n",
    );
    assert_eq!(table.columns(), ["city", "state", "postal_code"]);
    let mut rng = MimicRng::seed_from_u64(9);
    for _ in 0..100 {
        let row = table.sample_row(&mut rng);
        assert_eq!(
            row.get("city"),
            Some("Dresden"),
            "zero-weight rows are never drawn"
        );
        assert_eq!(
            row.get("postal_code"),
            Some("01067"),
            "leading zeros are kept"
        );
        assert_eq!(row.cell(1), "SN");
        assert_eq!(row.get("country"), None);
    }
    let value: &str = rng.sample(table);
    assert_eq!(value, "Dresden");
}

#[test]
fn decimal_weights_are_exact() {
    let table = table_from_csv("fixture/decimal", "a,37.4\nb,0.0025\nc,2501922\n");
    assert_eq!(table.weight_decimals(), 4);
    assert_eq!(table.scaled_weight(0), 374_000);
    assert_eq!(table.scaled_weight(1), 25);
    assert_eq!(table.scaled_weight(2), 25_019_220_000);
    assert_eq!(table.scaled_total_weight(), 25_019_594_025);
}

#[test]
fn tables_built_at_run_time_reject_bad_input() {
    use datamimic::Table;
    let row = |v: &str| vec![v.to_owned()];
    let cases = [
        (
            Table::build_leaked("t", &["value"], vec![row("a")], &["1", "2"]),
            "1 rows need as many weights",
        ),
        (
            Table::build_leaked("t", &["value"], vec![vec![]], &["1"]),
            "a row has 0 cells for 1 columns",
        ),
        (
            Table::build_leaked("t", &["value"], vec![row("a")], &["-1"]),
            "negative",
        ),
        (
            Table::build_leaked("t", &["value"], vec![row("a"), row("b")], &["0", "0.0"]),
            "all weights are zero",
        ),
        (Table::build_leaked("t", &["value"], vec![], &[]), "0 rows"),
    ];
    for (result, needle) in cases {
        let err = result.unwrap_err();
        assert!(
            matches!(err, Error::Constraint(_)) && err.to_string().contains(needle),
            "{err}"
        );
    }
}
