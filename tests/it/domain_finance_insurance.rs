//! Realism, coherence and identifiers of the finance and insurance domain.
