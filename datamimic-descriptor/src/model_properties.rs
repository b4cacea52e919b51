//! Properties DATAMIMIC's showcase descriptors read on entities that datamimic names or holds
//! differently (`user.email` is a UserAccount's `owner.email`, `invoice.invoice_id` an
//! Invoice's `invoice_number`). They are read-only: a script reading one gets the record's own
//! value, and the entity's columns (what a whole record writes) stay as they are.

use rhai::{Dynamic, Map};

/// How a property is found in a record.
enum Derived {
    /// The value at this path of fields.
    Alias(&'static [&'static str]),
    /// A value computed from the record's fields.
    Computed(fn(&Map) -> Option<Dynamic>),
}

/// Each entity's properties: (entity, property, how).
const PROPERTIES: &[(&str, &str, Derived)] = &[
    ("UserAccount", "email", Derived::Alias(&["owner", "email"])),
    (
        "UserAccount",
        "registration_date",
        Derived::Alias(&["created_at"]),
    ),
    (
        "UserAccount",
        "preferences",
        Derived::Computed(user_preferences),
    ),
    ("Invoice", "invoice_id", Derived::Alias(&["invoice_number"])),
    ("Invoice", "date", Derived::Alias(&["issue_date"])),
    ("Invoice", "amount", Derived::Alias(&["gross_total"])),
    (
        "Invoice",
        "payment_terms",
        Derived::Computed(invoice_payment_terms),
    ),
    ("Payment", "timestamp", Derived::Alias(&["initiated_at"])),
    (
        "CRM",
        "given_name",
        Derived::Alias(&["contact", "given_name"]),
    ),
    (
        "CRM",
        "family_name",
        Derived::Alias(&["contact", "family_name"]),
    ),
    ("CRM", "email", Derived::Alias(&["contact", "email"])),
    (
        "CRM",
        "interaction_history",
        Derived::Alias(&["interactions"]),
    ),
    (
        "DigitalWallet",
        "last_transaction_date",
        Derived::Alias(&["last_used"]),
    ),
    (
        "Transaction",
        "timestamp",
        Derived::Alias(&["transaction_date"]),
    ),
    ("Transaction", "type", Derived::Alias(&["transaction_type"])),
];

/// The entities with properties here, for [`crate::script_domains::entity_tag`].
pub(crate) fn entities() -> impl Iterator<Item = &'static str> {
    PROPERTIES
        .iter()
        .enumerate()
        .filter(|(i, (entity, _, _))| PROPERTIES[..*i].iter().all(|(e, _, _)| e != entity))
        .map(|(_, (entity, _, _))| *entity)
}

/// Every property of `record`, a record of `entity`, that it holds what it is made of, by
/// name.
pub(crate) fn values(entity: &str, record: &Map) -> Vec<(&'static str, Dynamic)> {
    PROPERTIES
        .iter()
        .filter(|(e, _, _)| *e == entity)
        .filter_map(|(_, name, _)| Some((*name, value(entity, name, record)?)))
        .collect()
}

/// Property `name` of `record`, a record of `entity`, when the entity has it here and the
/// record holds what it is made of.
pub(crate) fn value(entity: &str, name: &str, record: &Map) -> Option<Dynamic> {
    let (_, _, derived) = PROPERTIES
        .iter()
        .find(|(e, n, _)| *e == entity && *n == name)?;
    match derived {
        Derived::Alias(path) => {
            let (last, parents) = path.split_last()?;
            let mut map = record.clone();
            for step in parents {
                let next = map.get(*step)?.read_lock::<Map>()?.clone();
                map = next;
            }
            map.get(*last).filter(|v| !v.is_unit()).cloned()
        }
        Derived::Computed(compute) => compute(record),
    }
}

/// A user's account settings: whether two-factor sign-in is on, and its method when it is.
fn user_preferences(record: &Map) -> Option<Dynamic> {
    let enabled = record.get("two_factor_enabled")?.as_bool().ok()?;
    let mut preferences = Map::new();
    preferences.insert("two_factor_enabled".into(), enabled.into());
    if let Some(method) = record.get("two_factor_method").filter(|m| !m.is_unit()) {
        preferences.insert("two_factor_method".into(), method.clone());
    }
    Some(preferences.into())
}

/// An invoice's terms as invoices print them: `Due on receipt`, or `Net 30`.
fn invoice_payment_terms(record: &Map) -> Option<Dynamic> {
    let days = record.get("payment_terms_days")?.as_int().ok()?;
    Some(
        match days {
            0 => "Due on receipt".to_owned(),
            days => format!("Net {days}"),
        }
        .into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use datamimic_export::entities;

    fn record(entity: &str, index: u64) -> Map {
        let built = entities::find(entity)
            .unwrap()
            .build(&Default::default())
            .unwrap();
        let value = crate::record::entity_value(built.as_ref(), index).unwrap();
        value.read_lock::<Map>().unwrap().clone()
    }

    /// Every property of every record is a value, never missing or null.
    #[test]
    fn every_property_is_a_value_of_the_record() {
        for (entity, name, _) in PROPERTIES {
            for index in 0..200 {
                let record = record(entity, index);
                assert!(
                    !record.contains_key(*name),
                    "{entity}.{name} is a field already"
                );
                let value = value(entity, name, &record)
                    .unwrap_or_else(|| panic!("{entity}.{name} of record {index}"));
                assert!(!value.is_unit(), "{entity}.{name} of record {index}");
            }
        }
    }

    #[test]
    fn aliases_and_computed_values_are_the_records() {
        let user = record("UserAccount", 3);
        let owner = user["owner"].read_lock::<Map>().unwrap().clone();
        assert_eq!(
            value("UserAccount", "email", &user).unwrap().to_string(),
            owner["email"].to_string()
        );
        let preferences = value("UserAccount", "preferences", &user).unwrap();
        let preferences = preferences.read_lock::<Map>().unwrap().clone();
        assert_eq!(
            preferences["two_factor_enabled"].as_bool().unwrap(),
            user["two_factor_enabled"].as_bool().unwrap()
        );
        let invoice = record("Invoice", 5);
        assert_eq!(
            value("Invoice", "invoice_id", &invoice)
                .unwrap()
                .to_string(),
            invoice["invoice_number"].to_string()
        );
        let mut terms = invoice.clone();
        terms.insert("payment_terms_days".into(), Dynamic::from_int(30));
        assert_eq!(
            value("Invoice", "payment_terms", &terms)
                .unwrap()
                .to_string(),
            "Net 30"
        );
        terms.insert("payment_terms_days".into(), Dynamic::from_int(0));
        assert_eq!(
            value("Invoice", "payment_terms", &terms)
                .unwrap()
                .to_string(),
            "Due on receipt"
        );
        assert!(value("Invoice", "nothing", &invoice).is_none());
        let names: Vec<&str> = values("Transaction", &record("Transaction", 0))
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        assert_eq!(names, ["timestamp", "type"]);
    }
}
