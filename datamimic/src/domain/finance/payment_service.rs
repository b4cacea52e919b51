//! PaymentService and DigitalWalletService, thin wrappers over [`Service`](crate::Service).

use crate::domain::service::plain_service;

use super::{DigitalWallet, Payment};

plain_service!(
    /// Generates [`Payment`]s.
    PaymentService,
    Payment
);
plain_service!(
    /// Generates [`DigitalWallet`]s.
    DigitalWalletService,
    DigitalWallet
);
