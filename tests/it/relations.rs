//! Related records: children generated for their parents (`datamimic::ChildOf`).
//!
//! Each invariant is checked over 100,000 parents for US and DE: the children carry their
//! parent's keys, dates follow the parent's and each other, running balances end at the
//! parent's balance, totals add up to the cent, and a parent's children are the same however
//! the parents are visited.

use std::collections::HashMap;

use chrono::{Datelike, Duration};
use datamimic::domain::common::Person;
use datamimic::domain::ecommerce::{Order, OrderItem};
use datamimic::domain::finance::{BankAccount, CreditCard, Transaction, TransactionService};
use datamimic::{ChildCount, Clock, Service};

const PARENTS: u64 = 100_000;
const COUNTRIES: [&str; 2] = ["US", "DE"];

fn service<T: datamimic::Mimic>(country: &str, seed: u64) -> Service<T> {
    Service::<T>::new().dataset(country).unwrap().seed(seed)
}

/// Runs `check` on parents 0..PARENTS on two threads (parents are independent).
fn each_parent(check: impl Fn(u64) + Sync) {
    std::thread::scope(|s| {
        for half in 0..2u64 {
            let check = &check;
            s.spawn(move || {
                for i in (half..PARENTS).step_by(2) {
                    check(i);
                }
            });
        }
    });
}

fn cents(amount: f64) -> i64 {
    (amount * 100.0).round() as i64
}

#[test]
fn transactions_carry_their_account_in_order_and_walk_to_its_balance() {
    let now = Clock::anchor().now();
    let per_account = ChildCount::between(0, 12).unwrap();
    for country in COUNTRIES {
        let accounts = service::<BankAccount>(country, 11);
        let transactions = service::<Transaction>(country, 11);
        let symbol = if country == "DE" { "€" } else { "$" };
        let counts = std::sync::Mutex::new(HashMap::<usize, u64>::new());
        each_parent(|i| {
            let account = accounts.record(i);
            let booked = transactions.children(&account, i, per_account);
            *counts.lock().unwrap().entry(booked.len()).or_default() += 1;
            let opened = account.created_date;
            let mut balance: Option<i64> = None;
            for (k, tx) in booked.iter().enumerate() {
                assert_eq!(tx.account.account_number, account.account_number);
                assert_eq!(tx.account.iban, account.iban);
                assert_eq!(tx.account.account_type, account.account_type);
                assert_eq!(
                    (tx.currency, tx.currency_symbol),
                    (account.currency, symbol)
                );
                assert!(tx.amount > 0.0, "{tx:?}");
                assert!(opened <= tx.transaction_date, "{tx:?} before {opened}");
                assert!(tx.transaction_date <= account.last_transaction_date);
                if k > 0 {
                    let before = &booked[k - 1];
                    assert!(before.transaction_date <= tx.transaction_date);
                    let walked = balance.unwrap() + tx.balance_change_cents();
                    assert_eq!(cents(tx.balance_after), walked, "{before:?} then {tx:?}");
                }
                assert!(tx.balance_after >= 0.0, "{tx:?}");
                balance = Some(cents(tx.balance_after));
                if tx.status == "pending" {
                    assert!(now - tx.transaction_date <= Duration::days(3), "{tx:?}");
                }
                let credit = matches!(tx.transaction_type, "DEPOSIT" | "REFUND")
                    || (tx.transaction_type == "TRANSFER" && tx.direction == "credit");
                assert_eq!(tx.direction == "credit", credit, "{tx:?}");
            }
            if let Some(newest) = booked.last() {
                assert_eq!(newest.transaction_date, account.last_transaction_date);
                assert_eq!(cents(newest.balance_after), cents(account.balance));
                let change: i64 = booked.iter().map(|t| t.balance_change_cents()).sum();
                let opening = cents(booked[0].balance_after) - booked[0].balance_change_cents();
                assert!(opening >= 0);
                assert_eq!(opening + change, cents(account.balance));
            }
        });
        let counts = counts.into_inner().unwrap();
        assert_eq!(counts.keys().min(), Some(&0));
        assert_eq!(counts.keys().max(), Some(&12));
        assert_eq!(counts.values().sum::<u64>(), PARENTS);
        // Uniform over 13 counts: each near 1/13 of the accounts.
        assert!(
            counts.values().all(|&n| n.abs_diff(PARENTS / 13) < 800),
            "{counts:?}"
        );
    }
}

#[test]
fn accounts_and_cards_belong_to_their_holder() {
    let today = Clock::anchor().today();
    let now = Clock::anchor().now();
    for country in COUNTRIES {
        let people = service::<Person>(country, 5);
        let accounts = service::<BankAccount>(country, 5);
        let cards = service::<CreditCard>(country, 5);
        each_parent(|i| {
            let person = people.record(i);
            let adult = person
                .birthdate
                .with_year(person.birthdate.year() + 18)
                .unwrap_or(person.birthdate + Duration::days(18 * 365 + 5))
                .and_hms_opt(0, 0, 0)
                .unwrap()
                .and_utc();
            let opened_from = adult.min(now);
            for account in accounts.children(&person, i, ChildCount::between(1, 3).unwrap()) {
                assert!(
                    account.created_date >= opened_from,
                    "{person:?} {account:?}"
                );
                assert!(account.created_date <= now);
            }
            let issued = cards.children(&person, i, 2);
            assert_eq!(issued.len(), 2);
            for card in issued {
                assert_eq!(card.card_holder, person);
                assert!(card.issue_date >= opened_from.date_naive().min(today));
                assert!(card.issue_date <= today && today <= card.expiration_date);
            }
        });
    }
}

#[test]
fn order_items_are_the_lines_of_their_order_and_add_up_to_the_cent() {
    for country in COUNTRIES {
        let orders = service::<Order>(country, 8);
        let items = service::<OrderItem>(country, 8);
        each_parent(|i| {
            let order = orders.record(i);
            // The order fixes the count, whatever is asked.
            let lines = items.children(&order, i, 0);
            assert_eq!(lines.len(), order.product_list.len());
            let mut sum = 0;
            for (k, item) in lines.iter().enumerate() {
                assert_eq!(item.order_id, order.order_id);
                assert_eq!(item.line_number as usize, k + 1);
                assert_eq!(item.line, order.product_list[k]);
                assert_eq!(
                    item.line.line_total.cents(),
                    item.line.price.cents() * i64::from(item.line.quantity)
                );
                sum += item.line.line_total.cents() + item.line.tax_amount.cents();
            }
            assert_eq!(
                order.total_amount.cents(),
                sum + order.shipping_amount.cents() - order.discount_amount.cents()
            );
            assert!(lines.iter().copied().eq(order.items()));
        });
    }
}

#[test]
fn a_parents_children_do_not_depend_on_the_order_parents_are_visited_in() {
    let accounts = service::<BankAccount>("DE", 3);
    let transactions = service::<Transaction>("DE", 3);
    let count = ChildCount::between(1, 20).unwrap();
    let forward: Vec<Vec<Transaction>> = (0..200)
        .map(|i| transactions.children(&accounts.record(i), i, count))
        .collect();
    let mut backward: Vec<Vec<Transaction>> = (0..200)
        .rev()
        .map(|i| transactions.children(&accounts.record(i), i, count))
        .collect();
    backward.reverse();
    assert_eq!(forward, backward);
    // A writer can count the children up front, without making them.
    for (i, booked) in forward.iter().enumerate() {
        assert_eq!(
            transactions.drawn_count::<BankAccount>(i as u64, count),
            booked.len()
        );
        let account = accounts.record(i as u64);
        assert_eq!(
            transactions.child_count(&account, i as u64, count),
            booked.len()
        );
    }
    assert!(forward.iter().any(|b| b.len() == 1) && forward.iter().any(|b| b.len() == 20));
    // The sequential form gives each parent the next index.
    let mut sequential = TransactionService::new("DE").unwrap().seed(3);
    let mut account_service = Service::<BankAccount>::new().dataset("DE").unwrap().seed(3);
    for expected in forward.iter().take(50) {
        let account = account_service.generate();
        assert_eq!(&sequential.for_account(&account, count), expected);
    }
    // Another seed, another set; another parent index, other children.
    let reseeded = service::<Transaction>("DE", 4);
    assert_ne!(reseeded.children(&accounts.record(0), 0, count), forward[0]);
    assert_ne!(
        transactions.children(&accounts.record(0), 1, 5),
        transactions.children(&accounts.record(0), 0, 5)
    );
}

#[test]
fn children_do_not_replay_the_streams_of_records() {
    // A child of parent i and record i of the same seed come from different streams.
    let accounts = service::<BankAccount>("US", 9);
    let people = service::<Person>("US", 9);
    let same = (0..1_000)
        .filter(|&i| {
            let person = people.record(i);
            accounts.children(&person, i, 1)[0].account_number == accounts.record(i).account_number
        })
        .count();
    assert_eq!(same, 0);
}

/// The related models through the same mechanism: an order's reviews and invoice, a policy's
/// insured people and risk profile, a patient's encounters and record, each carrying its
/// parent's key, with the counts the parent decides.
#[test]
fn the_related_models_are_children_of_their_parents() {
    use datamimic::domain::ecommerce::{Invoice, Review};
    use datamimic::domain::healthcare::{Encounter, MedicalRecord, Patient};
    use datamimic::domain::insurance::{InsurancePolicy, Insured, RiskProfile};
    let up_to_three = ChildCount::between(0, 3).unwrap();
    for country in COUNTRIES {
        let orders = service::<Order>(country, 5);
        let (reviews, invoices) = (
            service::<Review>(country, 5),
            service::<Invoice>(country, 5),
        );
        let policies = service::<InsurancePolicy>(country, 6);
        let insured = service::<Insured>(country, 6);
        let profiles = service::<RiskProfile>(country, 6);
        let patients = service::<Patient>(country, 7);
        let encounters = service::<Encounter>(country, 7);
        let records = service::<MedicalRecord>(country, 7);
        for i in 0..PARENTS {
            let order = orders.record(i);
            let written = reviews.children(&order, i, up_to_three);
            if !Review::reviewable(&order) {
                assert!(written.is_empty(), "{country} order {i}: {}", order.status);
            }
            // Written by the customer who ordered, about a product of the order, after it.
            assert!(written.iter().all(|r| {
                r.order_id == order.order_id
                    && r.customer_id == order.user_id
                    && order
                        .product_list
                        .iter()
                        .any(|line| line.product_id == r.product_id && line.sku == r.sku)
                    && r.review_date > order.date
            }));
            let billed = invoices.children(&order, i, up_to_three);
            assert_eq!(billed.len(), usize::from(Invoice::is_billed(order.status)));
            assert!(billed.iter().all(|b| b.order_id == order.order_id));

            let policy = policies.record(i);
            let people = insured.children(&policy, i, up_to_three);
            assert!(people.len() <= 3 && people.iter().all(|p| p.policy_id == policy.id));
            let profile = profiles.children(&policy, i, up_to_three);
            assert_eq!(profile.len(), 1);
            assert_eq!(profile[0].policy_id, policy.id);

            let patient = patients.record(i);
            let visits = encounters.children(&patient, i, up_to_three);
            assert!(visits.iter().all(|e| e.patient_id == patient.patient_id));
            assert!(visits.windows(2).all(|w| w[0].admission <= w[1].admission));
            let record = records.children(&patient, i, up_to_three);
            assert_eq!(record.len(), 1);
            assert_eq!(record[0].patient_id, patient.patient_id);
        }
    }
}

/// A policy's claims: none before it starts, one at most on a life policy, each loss inside
/// the policy's period and not after today, reported after the loss, the covered amount
/// within the coverage's limit, listed by loss date.
fn check_claims(parents: u64) {
    use datamimic::domain::insurance::{InsuranceClaim, InsurancePolicy};
    let today = Clock::anchor().today();
    let asked = ChildCount::between(0, 4).unwrap();
    for country in COUNTRIES {
        let policies = service::<InsurancePolicy>(country, 12);
        let claims = service::<InsuranceClaim>(country, 12);
        let mut total = 0;
        for i in 0..parents {
            let policy = policies.record(i);
            let filed = claims.children(&policy, i, asked);
            total += filed.len();
            let drawn = claims.drawn_count::<InsurancePolicy>(i, asked);
            let expected = match (policy.status, policy.product.code) {
                ("pending", _) => 0,
                (_, "LIFE") => drawn.min(1),
                _ => drawn,
            };
            assert_eq!(filed.len(), expected, "{country} {policy:?}");
            for claim in &filed {
                assert_eq!(claim.policy_id, policy.id);
                assert_eq!(claim.claimant, policy.policy_holder.full_name);
                assert_eq!(claim.product_code, policy.product.code);
                assert!(
                    policy
                        .coverages
                        .iter()
                        .any(|c| c.code == claim.coverage_code)
                );
                assert!(policy.start_date <= claim.loss_date, "{claim:?}");
                assert!(claim.loss_date <= policy.end_date.min(today), "{claim:?}");
                assert!(claim.loss_date <= claim.reported_date && claim.reported_date <= today);
                assert!(claim.covered_amount <= claim.coverage_limit, "{claim:?}");
                assert!(claim.paid_amount <= claim.covered_amount);
            }
            assert!(filed.windows(2).all(|w| w[0].loss_date <= w[1].loss_date));
        }
        assert!(total as u64 > parents, "{country}: {total} claims");
    }
}

#[test]
fn claims_lie_inside_their_policy_and_its_limits() {
    check_claims(PARENTS);
}

/// A customer's orders carry its account and address, lie between its first and last order
/// days (the newest on the last) in order, have a status that fits their age, and number no
/// more than the customer placed; their reviews are the customer's, after delivery.
fn check_customer_orders(parents: u64) {
    use datamimic::domain::ecommerce::{Customer, Invoice, Review};
    let now = Clock::anchor().now();
    let asked = ChildCount::between(0, 5).unwrap();
    for country in COUNTRIES {
        let customers = service::<Customer>(country, 13);
        let orders = service::<Order>(country, 13);
        let reviews = service::<Review>(country, 13);
        let mut order_index = 0;
        let (mut placed, mut reviewed) = (0, 0);
        for i in 0..parents {
            let customer = customers.record(i);
            let made = orders.children(&customer, i, asked);
            assert!(made.len() <= customer.order_count as usize, "{customer:?}");
            assert!(made.len() <= orders.drawn_count::<Customer>(i, asked));
            for order in &made {
                assert_eq!(order.user_id, customer.customer_id);
                assert_eq!(order.shipping_address, customer.address);
                let day = order.date.date_naive();
                assert!(customer.first_order_date.is_some_and(|d| d <= day));
                assert!(customer.last_order_date.is_some_and(|d| day <= d));
                assert!(order.date <= now);
                let age = (now - order.date).num_seconds();
                // Older than three weeks: closed (delivered, returned, cancelled: not billed);
                // younger than a day: still open.
                let closed =
                    Review::is_delivered(order.status) || !Invoice::is_billed(order.status);
                if age > 21 * 86_400 {
                    assert!(closed, "{country}: {} is {age} s old", order.status);
                }
                if age < 86_400 {
                    assert!(
                        !Review::is_delivered(order.status),
                        "{country}: {}",
                        order.status
                    );
                }
                for review in reviews.children(order, order_index, ChildCount::exactly(2)) {
                    assert_eq!(review.customer_id, customer.customer_id);
                    assert_eq!(review.order_id, order.order_id);
                    assert!(review.review_date >= order.date + Duration::days(3));
                    assert!(review.review_date <= now);
                    reviewed += 1;
                }
                order_index += 1;
            }
            if let Some(newest) = made.last() {
                assert_eq!(Some(newest.date.date_naive()), customer.last_order_date);
            }
            assert!(made.windows(2).all(|w| w[0].date <= w[1].date));
            placed += made.len();
        }
        assert!(
            placed as u64 > parents && reviewed > 0,
            "{country}: {placed} {reviewed}"
        );
    }
}

#[test]
fn a_customers_orders_are_its_own() {
    check_customer_orders(PARENTS);
}

/// A patient's encounters, several per patient through the relation: each diagnoses only the
/// patient's own conditions and prescribes only drugs the patient takes, for one of its
/// diagnoses; they are listed by admission, none before birth or after today, each discharged
/// after its admission; the patient's record lists its conditions as problems and its drugs,
/// each for one of those problems.
#[test]
fn a_patients_encounters_diagnose_its_own_conditions_in_order() {
    use datamimic::domain::healthcare::{Encounter, MedicalRecord, Patient};
    let now = Clock::anchor().now();
    let up_to_four = ChildCount::between(0, 4).unwrap();
    for country in COUNTRIES {
        let patients = service::<Patient>(country, 14);
        let encounters = service::<Encounter>(country, 14);
        let records = service::<MedicalRecord>(country, 14);
        let diagnosed = std::sync::atomic::AtomicU64::new(0);
        each_parent(|i| {
            let patient = patients.record(i);
            let visits = encounters.children(&patient, i, up_to_four);
            let conditions: Vec<_> = patient.conditions.iter().collect();
            let medications: Vec<_> = patient.medications.iter().collect();
            for e in &visits {
                assert_eq!(e.patient_id, patient.patient_id);
                assert!(e.admission.date_naive() >= patient.birthdate);
                assert!(e.admission <= now);
                assert!(e.discharge.is_none_or(|d| e.admission < d && d <= now));
                for d in &e.diagnoses {
                    assert!(conditions.contains(&d), "{country} patient {i}: {}", d.name);
                }
                for p in &e.prescriptions {
                    assert!(
                        medications.contains(&&p.medication),
                        "{country} patient {i}"
                    );
                    assert!(e.diagnoses.iter().any(|d| d.icd10_code == p.diagnosis_code));
                }
                if !e.diagnoses.is_empty() {
                    diagnosed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
            }
            assert!(visits.windows(2).all(|w| w[0].admission <= w[1].admission));
            let record = records.children(&patient, i, up_to_four);
            assert_eq!(record.len(), 1);
            let record = &record[0];
            assert_eq!(record.patient_id, patient.patient_id);
            let problems: Vec<_> = record.problems.iter().map(|p| &p.condition).collect();
            assert_eq!(problems, conditions, "{country} patient {i}");
            for m in &record.medications {
                assert!(medications.contains(&&m.medication));
                assert!(
                    problems.iter().any(|c| c.icd10_code == m.for_condition),
                    "{country} patient {i}: {}",
                    m.for_condition
                );
            }
        });
        let diagnosed = diagnosed.into_inner();
        assert!(
            diagnosed > PARENTS / 10,
            "{country}: {diagnosed} encounters diagnosed"
        );
    }
}
