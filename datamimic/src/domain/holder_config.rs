//! The person settings of an account, card, customer or policy holder: an adult in an age range.

use crate::Result;
use crate::domain::common::{DemographicConfig, PersonConfig};

/// The person settings of a holder in `demographic`'s age range, checked.
pub(crate) fn holder_config(demographic: DemographicConfig) -> Result<PersonConfig> {
    let config = PersonConfig {
        demographic: Some(demographic),
        ..PersonConfig::default()
    };
    config.validate()?;
    Ok(config)
}
