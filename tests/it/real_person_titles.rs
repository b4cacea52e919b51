//! Titles, salutations and Vietnamese middle names of generated people held to the figures
//! under `tests/it/reference/`, each file naming its sources (issue 12): the doctorate forms
//! by field, women's salutations by marital status, the nobility of GB, ES and IT by rank.

use std::collections::HashMap;

use datamimic::domain::common::{Gender, Person, PersonConfig, PersonService};

/// Records drawn per country for a share.
const SAMPLE: u64 = 20_000;

/// The rows of a reference CSV (`#` lines are its sources), header first.
fn reference(text: &'static str) -> Vec<Vec<&'static str>> {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .map(|line| line.split(',').collect())
        .collect()
}

/// Four standard errors of a share over `n` draws, and at least a tenth of a point.
fn tolerance(expected: f64, n: usize) -> f64 {
    (4.0 * (expected * (1.0 - expected) / n as f64).sqrt()).max(0.001)
}

fn people(country: &str, config: PersonConfig) -> Vec<Person> {
    let service = PersonService::with_config(country, config)
        .unwrap()
        .seed(23);
    (0..SAMPLE).map(|i| service.record(i)).collect()
}

fn adults(country: &str) -> Vec<Person> {
    people(
        country,
        PersonConfig {
            min_age: 30,
            max_age: 70,
            ..PersonConfig::default()
        },
    )
}

/// Share of `people` for which `field` is `value`.
fn share(people: &[&Person], field: impl Fn(&Person) -> &str, value: &str) -> f64 {
    people.iter().filter(|p| field(p) == value).count() as f64 / people.len() as f64
}

fn of_sex(people: &[Person], gender: Gender) -> Vec<&Person> {
    people.iter().filter(|p| p.gender == gender).collect()
}

/// Reference rows grouped by their first cell.
fn by_key(rows: &[Vec<&'static str>]) -> HashMap<&'static str, Vec<(&'static str, f64)>> {
    let mut grouped: HashMap<&str, Vec<(&str, f64)>> = HashMap::new();
    for row in rows {
        grouped
            .entry(row[0])
            .or_default()
            .push((row[1], row[2].parse().unwrap()));
    }
    grouped
}

/// Every doctorate holder writes a form of their country, at the share of the doctorates of
/// the fields that write it (CH, SE) or alone where one form serves every field.
#[test]
fn titled_people_write_their_countrys_doctorate_forms_at_the_field_shares() {
    let rows = reference(include_str!("reference/academic_title_form.csv"));
    assert_eq!(rows[0], ["country", "title", "share"]);
    let forms = by_key(&rows[1..]);
    assert_eq!(forms.len(), 11);
    for (country, expected) in &forms {
        let titled = people(
            country,
            PersonConfig {
                min_age: 30,
                max_age: 70,
                academic_title_quota: Some(1.0),
                ..PersonConfig::default()
            },
        );
        let titled: Vec<&Person> = titled.iter().collect();
        for p in &titled {
            assert!(
                expected.iter().any(|(form, _)| *form == p.academic_title),
                "{country}: {:?} is not a doctorate form",
                p.academic_title
            );
        }
        for (form, expected) in expected {
            let seen = share(&titled, |p| p.academic_title, form);
            assert!(
                (seen - expected).abs() <= tolerance(*expected, titled.len()),
                "{country} {form}: generated {seen:.4}, published {expected:.4}"
            );
        }
    }
}

/// US and GB women are Mrs (married, widowed), Ms (divorced, separated) or Miss (never
/// married) at the published marital shares; men are Mr.
#[test]
fn womens_salutations_follow_the_published_marital_status() {
    let rows = reference(include_str!("reference/salutation_female_share.csv"));
    assert_eq!(rows[0], ["country", "salutation", "share"]);
    for (country, expected) in by_key(&rows[1..]) {
        let generated = adults(country);
        let women = of_sex(&generated, Gender::Female);
        for (form, expected) in &expected {
            let seen = share(&women, |p| p.salutation, form);
            assert!(
                (seen - expected).abs() <= tolerance(*expected, women.len()),
                "{country} {form}: generated {seen:.4}, published {expected:.4}"
            );
        }
        let total: f64 = expected.iter().map(|(_, s)| s).sum();
        assert!((total - 1.0).abs() < 0.001, "{country}: {total}");
        let men = of_sex(&generated, Gender::Male);
        let mr = if country == "US" { "Mr." } else { "Mr" };
        assert_eq!(share(&men, |p| p.salutation, mr), 1.0, "{country}");
    }
}

/// Where a language has one form per sex, every man and every woman carries it.
#[test]
fn one_salutation_per_sex_elsewhere() {
    let forms = [
        ("DE", "Herr", "Frau"),
        ("AT", "Herr", "Frau"),
        ("CH", "Herr", "Frau"),
        ("FR", "M.", "Mme"),
        ("ES", "Sr.", "Sra."),
        ("IT", "Sig.", "Sig.ra"),
        ("NL", "Dhr.", "Mevr."),
        ("PL", "Pan", "Pani"),
        ("SE", "Herr", "Fru"),
        ("VN", "Ông", "Bà"),
    ];
    for (country, male, female) in forms {
        let generated = adults(country);
        for (gender, form) in [(Gender::Male, male), (Gender::Female, female)] {
            let of_gender = of_sex(&generated, gender);
            assert!(of_gender.len() > SAMPLE as usize / 3, "{country}");
            assert_eq!(
                share(&of_gender, |p| p.salutation, form),
                1.0,
                "{country} {form}"
            );
        }
    }
}

/// British titled people follow the hereditary peerage by rank; women bear the female form.
#[test]
fn british_nobility_follows_the_peerage_by_rank() {
    let rows = reference(include_str!("reference/nobility_title_gb.csv"));
    assert_eq!(rows[0], ["male", "female", "share"]);
    let noble = people(
        "GB",
        PersonConfig {
            noble_quota: 1.0,
            ..PersonConfig::default()
        },
    );
    let (men, women) = (of_sex(&noble, Gender::Male), of_sex(&noble, Gender::Female));
    for row in &rows[1..] {
        let expected: f64 = row[2].parse().unwrap();
        for (group, title) in [(&men, row[0]), (&women, row[1])] {
            let seen = share(group, |p| p.nobility_title, title);
            assert!(
                (seen - expected).abs() <= tolerance(expected, group.len()),
                "{title}: generated {seen:.4}, published {expected:.4}"
            );
        }
    }
    assert_eq!(rows.len(), 6);
}

/// Spanish and Italian titled people follow the published counts by rank (ES titles in force,
/// IT titled people of the Kingdom); men bear the male form, women the female form.
#[test]
fn spanish_and_italian_nobility_follow_the_counts_by_rank() {
    let rows = reference(include_str!("reference/nobility_title_rank.csv"));
    assert_eq!(rows[0], ["country", "male", "female", "share"]);
    let mut countries: Vec<&str> = rows[1..].iter().map(|row| row[0]).collect();
    countries.dedup();
    assert_eq!(countries, ["ES", "IT"]);
    for country in countries {
        let noble = people(
            country,
            PersonConfig {
                noble_quota: 1.0,
                ..PersonConfig::default()
            },
        );
        let (men, women) = (of_sex(&noble, Gender::Male), of_sex(&noble, Gender::Female));
        let ranks: Vec<&Vec<&str>> = rows[1..].iter().filter(|row| row[0] == country).collect();
        let total: f64 = ranks.iter().map(|row| row[3].parse::<f64>().unwrap()).sum();
        assert!((total - 1.0).abs() < 0.001, "{country}: {total}");
        for (group, column) in [(&men, 1), (&women, 2)] {
            assert!(group.len() > SAMPLE as usize / 3, "{country}");
            let known: usize = ranks
                .iter()
                .map(|row| {
                    group
                        .iter()
                        .filter(|p| p.nobility_title == row[column])
                        .count()
                })
                .sum();
            assert_eq!(known, group.len(), "{country}: a title outside the ranks");
            for row in &ranks {
                let expected: f64 = row[3].parse().unwrap();
                let seen = share(group, |p| p.nobility_title, row[column]);
                assert!(
                    (seen - expected).abs() <= tolerance(expected, group.len()),
                    "{country} {}: generated {seen:.4}, published {expected:.4}",
                    row[column]
                );
            }
        }
    }
}

/// The US has no nobility and Austria abolished its titles in 1919: nobody there has one,
/// whatever the quota.
#[test]
fn nobody_has_a_nobility_title_where_the_country_has_none() {
    for country in ["US", "AT"] {
        let generated = people(
            country,
            PersonConfig {
                noble_quota: 1.0,
                ..PersonConfig::default()
            },
        );
        assert!(
            generated.iter().all(|p| p.nobility_title.is_empty()),
            "{country}"
        );
    }
}

/// Vietnamese middle names come out at their shares in the sample the table counts.
#[test]
fn vietnamese_middle_names_follow_the_sample_counts() {
    let rows = reference(include_str!("reference/vn_middle_name_share.csv"));
    assert_eq!(rows[0], ["sex", "middle_name", "share"]);
    let generated = adults("VN");
    for (sex, expected) in by_key(&rows[1..]) {
        let gender = if sex == "male" {
            Gender::Male
        } else {
            Gender::Female
        };
        let group = of_sex(&generated, gender);
        for (middle, expected) in &expected {
            let seen = share(&group, |p| p.full_name.middle(), middle);
            assert!(
                (seen - expected).abs() <= tolerance(*expected, group.len()),
                "{sex} {middle}: generated {seen:.4}, sample {expected:.4}"
            );
        }
    }
}
