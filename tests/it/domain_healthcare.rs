//! Realism, coherence and identifiers of the healthcare domain.
