//! Naming conventions per country in generated people (issue 12): two surnames in Spain,
//! family name first with a middle name in Viet Nam, surname particles in the Netherlands,
//! and "Given Family" everywhere else.

use std::collections::HashMap;

use datamimic::domain::common::{Gender, Person, PersonService};
use datamimic::{Table, tables};

fn people(country: &str, seed: u64, n: u64) -> Vec<Person> {
    let service = PersonService::new(country).unwrap().seed(seed);
    (0..n).map(|i| service.record(i)).collect()
}

fn table(family: &'static datamimic::TableFamily, country: &str) -> &'static Table {
    let table = family.resolve(country).unwrap();
    assert_eq!(table.country(), Some(country));
    table
}

/// Each value's share of the table's total weight.
fn table_shares(table: &'static Table) -> HashMap<&'static str, f64> {
    let mut shares = HashMap::new();
    for row in table.iter() {
        *shares.entry(row.value()).or_default() += table.probability(row.index());
    }
    shares
}

#[test]
fn spaniards_carry_two_surnames_drawn_from_the_surname_table() {
    let surnames = table(&tables::COMMON_PERSON_FAMILY_NAME, "ES");
    let shares = table_shares(surnames);
    let people = people("ES", 5, 40_000);
    let mut second_counts: HashMap<&str, u64> = HashMap::new();
    for p in &people {
        let second = p.full_name.second_family();
        assert!(shares.contains_key(second), "{}: {second}", p.full_name);
        assert_eq!(
            p.full_name.to_string(),
            format!("{} {} {second}", p.given_name, p.family_name)
        );
        assert!(!p.full_name.is_family_first());
        assert_eq!(p.name, p.full_name);
        *second_counts.entry(second).or_default() += 1;
    }
    // The maternal surname follows the surname distribution, like the paternal one.
    let mut by_share: Vec<(&str, f64)> = shares.iter().map(|(k, v)| (*k, *v)).collect();
    by_share.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (name, share) in by_share.iter().take(5) {
        let got = second_counts.get(name).copied().unwrap_or(0) as f64 / people.len() as f64;
        assert!(
            (got / share - 1.0).abs() < 0.25,
            "second surname {name}: {got:.4} vs table {share:.4}"
        );
    }
    // The two surnames are independent draws: usually different, sometimes equal.
    let same = people
        .iter()
        .filter(|p| p.family_name == p.full_name.second_family())
        .count();
    assert!(
        same < people.len() / 20,
        "{same} with twice the same surname"
    );
}

#[test]
fn vietnamese_names_put_the_family_first_and_carry_a_middle_name_of_the_sex() {
    let middles = [
        table(&tables::COMMON_PERSON_MIDDLE_NAME_MALE, "VN"),
        table(&tables::COMMON_PERSON_MIDDLE_NAME_FEMALE, "VN"),
    ];
    let middle_sets: Vec<Vec<&str>> = middles
        .iter()
        .map(|t| t.iter().map(|r| r.value()).collect())
        .collect();
    let people = people("VN", 9, 20_000);
    let mut women_thi = 0;
    let mut women = 0;
    for p in &people {
        let middle = p.full_name.middle();
        assert!(p.full_name.is_family_first());
        assert_eq!(
            p.full_name.to_string(),
            format!("{} {middle} {}", p.family_name, p.given_name)
        );
        match p.gender {
            Gender::Male => assert!(middle_sets[0].contains(&middle), "{}", p.full_name),
            Gender::Female => {
                assert!(middle_sets[1].contains(&middle), "{}", p.full_name);
                women += 1;
                women_thi += usize::from(middle.split(' ').any(|w| w == "Thị"));
            }
            Gender::Other => {}
        }
        if p.gender == Gender::Male {
            assert!(!middle.split(' ').any(|w| w == "Thị"), "{}", p.full_name);
        }
    }
    // Thị, the most common middle name of women, comes out at its share of the table.
    let table_thi: f64 = table_shares(middles[1])
        .iter()
        .filter(|(name, _)| name.split(' ').any(|w| w == "Thị"))
        .map(|(_, share)| share)
        .sum();
    let thi_share = women_thi as f64 / women as f64;
    assert!(table_thi > 0.5, "{table_thi}");
    assert!(
        (thi_share / table_thi - 1.0).abs() < 0.05,
        "Thị share {thi_share} vs table {table_thi}"
    );
}

#[test]
fn dutch_surname_particles_stay_in_lower_case_after_the_given_name() {
    const PARTICLES: [&str; 6] = ["van ", "de ", "den ", "der ", "ter ", "te "];
    let surnames = table(&tables::COMMON_PERSON_FAMILY_NAME, "NL");
    let with_particle = |name: &str| PARTICLES.iter().any(|p| name.starts_with(p));
    let table_share: f64 = table_shares(surnames)
        .iter()
        .filter(|(name, _)| with_particle(name))
        .map(|(_, share)| share)
        .sum();
    let people = people("NL", 4, 40_000);
    let generated = people
        .iter()
        .filter(|p| with_particle(p.family_name))
        .count() as f64
        / people.len() as f64;
    assert!(
        table_share > 0.1,
        "particle share of the table {table_share}"
    );
    assert!(
        (generated / table_share - 1.0).abs() < 0.05,
        "{generated} vs {table_share}"
    );
    for p in people.iter().filter(|p| with_particle(p.family_name)) {
        assert_eq!(
            p.full_name.to_string(),
            format!("{} {}", p.given_name, p.family_name)
        );
    }
}

#[test]
fn other_countries_write_given_then_family_with_nothing_else() {
    for country in ["US", "DE", "GB", "FR", "IT", "NL", "AT", "CH", "PL", "SE"] {
        for p in people(country, 2, 2_000) {
            assert_eq!(
                p.full_name.to_string(),
                format!("{} {}", p.given_name, p.family_name),
                "{country}"
            );
            assert!(p.full_name.middle().is_empty() && p.full_name.second_family().is_empty());
        }
    }
}
