//! Which adjectives suit which categories, so no one sells "Wireless Motor Oil": technical and
//! organic adjectives are kept to the categories they describe, hardware adjectives stay off
//! food and drink; every other adjective suits every category. Hand-set rules over the
//! adjectives of `ecommerce/product_adjective`.

/// Categories an adjective is limited to, or `None` when it suits every category.
fn limited_to(adjective: &str) -> Option<&'static [&'static str]> {
    const WIRELESS: &[&str] = &["ELECTRONICS", "OFFICE_SUPPLIES"];
    const TECHNICAL: &[&str] = &[
        "ELECTRONICS",
        "AUTOMOTIVE",
        "HOME_GOODS",
        "OFFICE_SUPPLIES",
        "SPORTS",
        "TOYS",
        "HEALTH",
    ];
    const ENERGY: &[&str] = &["ELECTRONICS", "HOME_GOODS", "AUTOMOTIVE"];
    const ORGANIC: &[&str] = &[
        "FOOD",
        "BEVERAGES",
        "BEAUTY",
        "HEALTH",
        "CLOTHING",
        "PET_SUPPLIES",
    ];
    match adjective {
        "Wireless" | "kabellos" => Some(WIRELESS),
        "Smart" | "smart" | "Digital" | "digital" | "Analog" | "analog" => Some(TECHNICAL),
        "energieeffizient" => Some(ENERGY),
        "Organic" | "bio" => Some(ORGANIC),
        _ => None,
    }
}

/// Adjectives of hardware that do not describe food or drink (`Maultaschen tragbar`).
fn hardware(adjective: &str) -> bool {
    matches!(
        adjective,
        "Portable"
            | "tragbar"
            | "Heavy-Duty"
            | "robust"
            | "strapazierfähig"
            | "Compact"
            | "kompakt"
            | "Customizable"
            | "individualisierbar"
            | "Advanced"
            | "Pro"
            | "Professional"
            | "professionell"
    )
}

/// Whether `adjective` suits products of `category`.
pub(crate) fn suits(adjective: &str, category: &str) -> bool {
    let edible = matches!(category, "FOOD" | "BEVERAGES");
    !(edible && hardware(adjective))
        && limited_to(adjective).is_none_or(|categories| categories.contains(&category))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oil_is_not_wireless() {
        assert!(!suits("Wireless", "AUTOMOTIVE"));
        assert!(suits("Wireless", "ELECTRONICS"));
        assert!(suits("Premium", "AUTOMOTIVE"));
        assert!(!suits("bio", "ELECTRONICS"));
        assert!(!suits("tragbar", "FOOD"));
    }
}
