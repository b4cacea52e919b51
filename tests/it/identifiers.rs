//! Identifiers pass their real check-digit rules, verified by independent implementations.
