//! Realism, coherence and identifiers of the ecommerce and public and sector domain.
