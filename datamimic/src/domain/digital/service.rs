//! UserAccountService and CrmService, thin wrappers over [`Service`](crate::Service).

use crate::domain::service::plain_service;

use super::{CrmRecord, UserAccount};

plain_service!(
    /// Generates [`UserAccount`]s.
    UserAccountService,
    UserAccount
);
plain_service!(
    /// Generates [`CrmRecord`]s (`CRM`).
    CrmService,
    CrmRecord
);
