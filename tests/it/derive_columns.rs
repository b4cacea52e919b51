//! The columns `#[derive(Mimic)]` and `#[derive(Columnar)]` declare: serde's names and order,
//! `flatten`d fields in place, and no declaration where serde may change the shape.

use datamimic::{Cells, Column, Columnar, Mimic};

#[derive(serde::Serialize, Columnar)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(dead_code)]
enum Status {
    Active,
    OnLeave,
}

#[derive(serde::Serialize, Columnar)]
struct Badge {
    code: String,
    level: u32,
}

#[derive(serde::Serialize, Columnar)]
#[serde(rename_all = "camelCase")]
struct Visit {
    visit_id: u64,
    #[serde(rename = "when")]
    on: chrono::NaiveDate,
    #[serde(skip)]
    #[allow(dead_code)]
    internal: f64,
    status: Status,
    #[serde(flatten)]
    badge: Badge,
    notes: Option<Vec<&'static str>>,
}

#[derive(Mimic, serde::Serialize, Debug)]
struct Member {
    #[mimic(seq)]
    member_id: u64,
    #[mimic(optional = 0.5, pattern = "M-####")]
    referrer: Option<String>,
    #[mimic(len = "0..=2", values = ["red", "blue"])]
    colors: Vec<&'static str>,
}

#[derive(Mimic, serde::Serialize, Debug)]
struct Sometimes {
    #[mimic(optional = 0.5, pattern = "##")]
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<String>,
}

#[test]
fn a_struct_is_its_fields_under_serde_names_with_flattened_fields_in_place() {
    assert_eq!(
        Visit::column(),
        Column::Struct(vec![
            ("visitId", Column::U64),
            ("when", Column::Date),
            ("status", Column::Text),
            ("code", Column::Text),
            ("level", Column::U32),
            ("notes", Column::List(Box::new(Column::Text))),
        ])
    );
    let _ = Visit {
        visit_id: 1,
        on: chrono::NaiveDate::MIN,
        internal: 0.0,
        status: Status::Active,
        badge: Badge {
            code: String::new(),
            level: 0,
        },
        notes: None,
    };
}

#[test]
fn derived_entities_report_their_columns_through_cells() {
    let expected = Column::Struct(vec![
        ("member_id", Column::U64),
        ("referrer", Column::Text),
        ("colors", Column::List(Box::new(Column::Text))),
    ]);
    assert_eq!(Member::columns(), Some(expected));
    // A field serde may leave out: the columns are read from records instead.
    assert_eq!(Sometimes::columns(), None);
}
