//! An entity `<variable>`'s `<param name="..." value="..."/>` children are its constructor's
//! arguments (`entity="Person(min_age=30)"`), and entities offer the read-only model
//! properties DATAMIMIC's showcase descriptors read (`user.email`, `invoice.invoice_id`).

use crate::{Scratch, fails, ok};

/// Runs `descriptor` and returns `output/t.csv`.
fn run_csv(s: &Scratch, descriptor: &str) -> String {
    s.write("d.xml", descriptor);
    ok(&s.0, &["run", "d.xml"]);
    std::fs::read_to_string(s.path("output/t.csv")).unwrap()
}

/// A seeded descriptor writing 100 ages of the Person variable given.
fn ages(variable: &str) -> String {
    format!(
        r#"<setup rngSeed="4">
  <generate name="t" count="100" target="CSV">
    {variable}
    <key name="age" script="p.age"/>
  </generate>
</setup>"#
    )
}

#[test]
fn params_are_the_entitys_constructor_arguments() {
    let s = Scratch::new("entity-params");
    let params = run_csv(
        &s,
        &ages(
            r#"<variable name="p" entity="Person">
      <param name="min_age" value="30"/>
      <param name="max_age" value=" 31"/>
    </variable>"#,
        ),
    );
    let constructed = run_csv(
        &s,
        &ages(r#"<variable name="p" entity="Person(min_age=30, max_age=31)"/>"#),
    );
    assert_eq!(params, constructed);
    let mixed = run_csv(
        &s,
        &ages(
            r#"<variable name="p" entity="Person(min_age=30)">
      <param name="max_age" value="31"/>
    </variable>"#,
        ),
    );
    assert_eq!(mixed, constructed);
    assert!(
        params.lines().skip(1).all(|a| a == "30" || a == "31"),
        "{params}"
    );
}

#[test]
fn a_bad_param_is_an_error_at_its_attribute() {
    let s = Scratch::new("entity-params-bad");
    for (params, message) in [
        (
            r#"<param name="segment" value="Premium"/>"#,
            "d.xml:4:20: `name`: unknown entity argument `segment`; supported: min_age, max_age, \
             female_quota, other_gender_quota, noble_quota, academic_title_quota",
        ),
        (
            r#"<param name="max_aeg" value="30"/>"#,
            "d.xml:4:20: `name`: unknown entity argument `max_aeg`; did you mean `max_age`?",
        ),
        (
            r#"<param name="min_age" value="old"/>"#,
            "d.xml:4:36: `value`: `min_age`: `old` is not a non-negative integer",
        ),
        (
            r#"<param name="female_quota" value="2"/>"#,
            "d.xml:4:41: `value`: `female_quota`: `2` is not a share between 0 and 1",
        ),
        (
            r#"<param name="min_age" value="20"/><param name="min_age" value="21"/>"#,
            "d.xml:4:54: `name`: `min_age` given twice",
        ),
        (
            r#"<param name="min_age"/>"#,
            "d.xml:4:7: `<param>` needs a `value` attribute",
        ),
        (
            r#"<param name="min_age" value="20" type="int"/>"#,
            "d.xml:4:40: unknown attribute `type` on `<param>`; allowed: name, value",
        ),
    ] {
        s.write(
            "d.xml",
            &ages(&format!(
                "<variable name=\"p\" entity=\"Person\">\n      {params}\n    </variable>"
            )),
        );
        let e = fails(&s.0, &["run", "d.xml"]);
        assert!(e.contains(message), "{params}: {e}");
    }
    s.write(
        "d.xml",
        &ages(
            r#"<variable name="p" entity="Person(min_age=20)">
      <param name="min_age" value="21"/>
    </variable>"#,
        ),
    );
    let e = fails(&s.0, &["run", "d.xml"]);
    assert!(
        e.contains("d.xml:4:20: `name`: `min_age` given twice: in the `entity` attribute or another `<param>`"),
        "{e}"
    );
}

/// The model properties, read natively and by the interpreter, are the records' own values,
/// and a whole record's columns stay its fields.
#[test]
fn model_properties_are_the_records_values() {
    let s = Scratch::new("entity-model-properties");
    s.write(
        "d.xml",
        r#"<setup rngSeed="8">
  <generate name="t" count="30" target="JSON">
    <variable name="u" entity="UserAccount"/>
    <variable name="i" entity="Invoice"/>
    <variable name="t" entity="Transaction"/>
    <variable name="c" entity="CRM"/>
    <key name="email" script="u.email"/>
    <key name="owner_email" script="u.owner.email"/>
    <key name="email_upper" script="u.email.upper()"/>
    <key name="registration_date" script="u.registration_date"/>
    <key name="created_at" script="u.created_at"/>
    <key name="preferences" script="u.preferences"/>
    <key name="two_factor" script="u.two_factor_enabled"/>
    <key name="invoice" script="i.invoice_id + ' ' + i.payment_terms"/>
    <key name="invoice_py" script="'|'.join([i.invoice_number, str(i.amount), str(i.gross_total), str(i.payment_terms_days)])"/>
    <key name="type" script="t.type"/>
    <key name="type_py" script="t.type.lower() + '|' + t.transaction_type"/>
    <key name="crm" script="c.given_name + ' ' + c.family_name"/>
    <key name="crm_full" script="c.contact.full_name"/>
    <key name="user" script="u"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let text = std::fs::read_to_string(s.path("output/t.json")).unwrap();
    let records: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(records.len(), 30);
    for r in &records {
        let text = |k: &str| {
            r[k].as_str()
                .unwrap_or_else(|| panic!("{k}: {r}"))
                .to_owned()
        };
        assert_eq!(text("email"), text("owner_email"));
        assert_eq!(text("email_upper"), text("email").to_uppercase());
        assert_eq!(text("registration_date"), text("created_at"));
        assert_eq!(r["preferences"]["two_factor_enabled"], r["two_factor"]);
        let (number, terms) = text("invoice")
            .split_once(' ')
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
            .unwrap();
        let parts: Vec<String> = text("invoice_py").split('|').map(str::to_owned).collect();
        assert_eq!(number, parts[0]);
        assert_eq!(parts[1], parts[2], "amount is the gross total");
        let expected_terms = match parts[3].as_str() {
            "0" => "Due on receipt".to_owned(),
            days => format!("Net {days}"),
        };
        assert_eq!(terms, expected_terms);
        let (lower, upper) = text("type_py")
            .split_once('|')
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
            .unwrap();
        assert_eq!(text("type"), upper);
        assert_eq!(lower, upper.to_lowercase());
        assert_eq!(text("crm"), text("crm_full"));
        let user = r["user"].as_object().unwrap();
        assert!(
            user.contains_key("owner") && !user.contains_key("email"),
            "{user:?}"
        );
    }
    // Some users have two-factor sign-in on, with its method among their preferences.
    assert!(
        records
            .iter()
            .any(|r| r["preferences"]["two_factor_method"].is_string())
    );
}

#[test]
fn an_unknown_property_still_names_the_nearest() {
    let s = Scratch::new("entity-model-properties-unknown");
    s.write(
        "d.xml",
        r#"<setup>
  <generate name="t" count="1" target="JSON">
    <variable name="p" entity="Payment"/>
    <key name="x" script="p.processor"/>
  </generate>
</setup>"#,
    );
    let e = fails(&s.0, &["run", "d.xml"]);
    assert!(
        e.contains("d.xml:4:29: `x`: script failed on record 0: `p` has no property `processor`"),
        "{e}"
    );
}
