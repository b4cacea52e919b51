//! The shape every domain service shares: a thin wrapper over [`Service`](crate::Service)
//! with DATAMIMIC CE's methods. Written once here and expanded per entity.

/// The methods of an entity service; the service wraps a `Service<$entity>` in `inner`.
macro_rules! service_methods {
    ($entity:ty) => {
        /// Makes the run reproducible from `seed` (and the fixed clock anchor).
        pub fn seed(mut self, seed: u64) -> Self {
            self.inner = self.inner.seed(seed);
            self
        }

        /// Seeds the run from an injected generator.
        pub fn rng<R: rand::Rng + ?Sized>(mut self, rng: &mut R) -> Self {
            self.inner = self.inner.rng(rng);
            self
        }

        /// Fixes "now" (`reference_now`: ages, dates).
        pub fn clock(mut self, clock: $crate::Clock) -> Self {
            self.inner = self.inner.clock(clock);
            self
        }

        /// Strict mode (no US fallback) or fallback; checks the dataset again.
        pub fn strictness(mut self, strictness: $crate::Strictness) -> $crate::Result<Self> {
            self.inner = self.inner.strictness(strictness)?;
            Ok(self)
        }

        /// The tables that lack the dataset and draw from their US variant instead; see
        /// [`Service::fallbacks`](crate::Service::fallbacks).
        pub fn fallbacks(&self) -> Vec<$crate::Fallback> {
            self.inner.fallbacks()
        }

        /// The next record.
        pub fn generate(&mut self) -> $entity {
            self.inner.generate()
        }

        /// The next `n` records.
        pub fn generate_batch(&mut self, n: usize) -> Vec<$entity> {
            self.inner.generate_batch(n)
        }

        /// An endless lazy stream of the next records, in constant memory.
        pub fn iter(&mut self) -> $crate::Iter<'_, $entity> {
            self.inner.iter()
        }

        /// Record `index`, the same as in a sequential run.
        pub fn record(&self, index: u64) -> $entity {
            self.inner.record(index)
        }

        /// The dataset codes every table of the entity supports.
        pub fn supported_datasets() -> Vec<&'static str> {
            $crate::Service::<$entity>::supported_datasets()
        }

        /// The underlying generic service.
        pub fn service(&self) -> &$crate::Service<$entity> {
            &self.inner
        }

        /// The underlying generic service, configured (for example to hand to a pipeline).
        pub fn into_service(self) -> $crate::Service<$entity> {
            self.inner
        }
    };
}
pub(crate) use service_methods;

/// Defines a service whose only parameters are dataset, seed (or rng) and clock; `check`
/// names an extra check of the built service.
macro_rules! plain_service {
    ($(#[$doc:meta])* $service:ident, $entity:ty $(, check = $check:path)?) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $service {
            inner: $crate::Service<$entity>,
        }

        impl $service {
            /// Records of `dataset`, unseeded; fails for an invalid code, or in strict mode
            /// for a country the tables lack.
            pub fn new(dataset: &str) -> $crate::Result<$service> {
                let inner = $crate::Service::<$entity>::new().dataset(dataset)?;
                $($check(&inner)?;)?
                Ok($service { inner })
            }

            $crate::domain::service::service_methods!($entity);
        }
    };
}
pub(crate) use plain_service;
