//! Generated e-mail addresses against the published shares of mailbox providers (Mapp,
//! *Global Provider Report 2019* for US, GB, DE, FR and PL; MindTake's surveys for United
//! Internet Media of 2023 for AT and CH; SendGrid's *2019 Email Benchmark and Engagement Study*
//! for IT and ES): `reference/email_providers.csv`, written with the tables by
//! `datasets/tools/extract_email_domain.py`, lists each provider's share and its domains.

use std::collections::HashMap;

use datamimic::domain::common::PersonService;

/// Persons generated per country.
const PERSONS: u64 = 50_000;

/// Largest relative distance between a generated share and its published share.
const TOLERANCE: f64 = 0.25;

/// A provider of the reference: name, published share and the domains the table gives it.
type Provider = (&'static str, f64, Vec<&'static str>);

#[test]
fn email_domains_follow_the_published_provider_shares() {
    let mut by_country: HashMap<&str, Vec<Provider>> = HashMap::new();
    for line in include_str!("reference/email_providers.csv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("country,"))
    {
        let cells: Vec<&str> = line.split(',').collect();
        let [country, provider, share, domains] = cells[..] else {
            panic!("reference row of four cells: {line}");
        };
        by_country.entry(country).or_default().push((
            provider,
            share.parse().unwrap(),
            domains.split('|').collect(),
        ));
    }
    assert_eq!(by_country.len(), 9);
    for (country, providers) in &by_country {
        let service = PersonService::new(country).unwrap().seed(11);
        let mut domains: HashMap<String, u64> = HashMap::new();
        for i in 0..PERSONS {
            let email = service.record(i).email.to_string();
            let (_, domain) = email.rsplit_once('@').expect("an e-mail has a domain");
            *domains.entry(domain.to_owned()).or_default() += 1;
        }
        for (provider, published, names) in providers {
            let drawn: u64 = names
                .iter()
                .map(|d| domains.get(*d).copied().unwrap_or(0))
                .sum();
            let generated = drawn as f64 / PERSONS as f64;
            assert!(
                (generated / published - 1.0).abs() <= TOLERANCE,
                "{country} {provider}: {generated:.4} generated vs {published:.4} published"
            );
        }
    }
}
