//! Services of the policy's related records: claims, insured persons and risk profiles, each
//! drawing a policy of its own. For records of a given policy use `for_policy`.

use crate::domain::service::plain_service;

use super::{InsuranceClaim, Insured, RiskProfile};

plain_service!(
    /// Generates [`InsuranceClaim`]s (`Claim`), each under a policy it draws; for claims of a
    /// given policy use [`InsuranceClaim::for_policy`].
    InsuranceClaimService,
    InsuranceClaim
);
plain_service!(
    /// Generates [`Insured`] persons, each under a policy it draws; for a given policy use
    /// [`Insured::for_policy`].
    InsuredService,
    Insured
);
plain_service!(
    /// Generates [`RiskProfile`]s, each of the holder of a policy it draws; for a given policy
    /// use [`RiskProfile::for_policy`].
    RiskProfileService,
    RiskProfile
);
