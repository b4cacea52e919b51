//! Loans: the annuity payment, an amortisation schedule exact to the cent, dates in order.
//! Investments: ISINs that pass their check, totals that add up exactly.
//!
//! Each check runs over 10,000 records for US and DE; the annuity is recomputed here from
//! the formula, independent of the library's code.

use std::collections::HashSet;

use chrono::{Datelike, Days, NaiveDate};
use datamimic::Clock;
use datamimic::domain::ecommerce::Money;
use datamimic::domain::finance::{InvestmentService, Loan, LoanService};

const RECORDS: u64 = 10_000;

/// The loans of `country` on a fixed clock, records 0..RECORDS.
fn each_loan(country: &str, clock: Clock, check: impl Fn(&Loan)) {
    let service = LoanService::new(country).unwrap().seed(17).clock(clock);
    for i in 0..RECORDS {
        check(&service.record(i));
    }
}

/// `P·r/(1−(1+r)^−n)` in currency units.
fn annuity(principal: f64, annual_percent: f64, months: u32) -> f64 {
    let r = annual_percent / 100.0 / 12.0;
    principal * r / (1.0 - (1.0 + r).powi(-(months as i32)))
}

/// `start` plus `months` months, on the same day or the month's last day.
fn months_after(start: NaiveDate, months: u32) -> NaiveDate {
    let index = start.year() * 12 + start.month0() as i32 + months as i32;
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
    (0..4)
        .find_map(|back| NaiveDate::from_ymd_opt(year, month, start.day() - back))
        .unwrap()
}

#[test]
fn payments_follow_the_annuity_and_the_schedule_repays_the_principal_exactly() {
    for country in ["US", "DE"] {
        let clock = Clock::anchor();
        let today = clock.today();
        each_loan(country, clock, |loan| {
            let expected = annuity(
                loan.principal.as_f64(),
                loan.annual_rate_percent,
                loan.term_months,
            );
            let diff = (loan.monthly_payment.as_f64() - expected).abs();
            assert!(diff <= 0.005 + 1e-9, "{country}: {loan:?} vs {expected}");
            assert_eq!(loan.schedule.len(), loan.term_months as usize);
            let repaid: Money = loan.schedule.iter().map(|i| i.principal).sum();
            assert_eq!(repaid, loan.principal, "{country}");
            assert_eq!(loan.schedule.last().unwrap().balance, Money::ZERO);
            let mut balance = loan.principal;
            for (k, installment) in loan.schedule.iter().enumerate() {
                assert_eq!(installment.number as usize, k + 1);
                assert_eq!(
                    installment.payment,
                    installment.interest + installment.principal
                );
                // Interest on the balance before the instalment, rounded to the cent.
                let interest = balance.as_f64() * loan.annual_rate_percent / 1200.0;
                assert!((installment.interest.as_f64() - interest).abs() <= 0.005 + 1e-6);
                balance = balance - installment.principal;
                assert_eq!(installment.balance, balance);
                assert_eq!(
                    installment.date,
                    months_after(loan.start_date, k as u32 + 1)
                );
                if k + 1 < loan.schedule.len() {
                    assert_eq!(installment.payment, loan.monthly_payment);
                    assert!(installment.balance > Money::ZERO);
                }
            }
            // The last instalment only absorbs rounding: within a few dollars of the others.
            let last = loan.schedule.last().unwrap().payment;
            assert!((last.as_f64() - loan.monthly_payment.as_f64()).abs() < 20.0);
            assert!(loan.start_date < today);
            // Running: paid out within the term before today.
            assert!(months_after(loan.start_date, loan.term_months) >= today);
            // Paid out to an adult (unless they turned 18 today or yesterday).
            let birth = loan.borrower.birthdate;
            let adult = NaiveDate::from_ymd_opt(birth.year() + 18, birth.month(), birth.day())
                .or_else(|| NaiveDate::from_ymd_opt(birth.year() + 18, birth.month(), 28))
                .unwrap();
            assert!(loan.start_date >= adult || adult >= today - Days::new(1));
        });
    }
}

#[test]
fn types_rates_and_currencies_are_the_countrys() {
    for (country, currency, types) in [
        (
            "US",
            "USD",
            &["MORTGAGE", "AUTO", "PERSONAL", "STUDENT"][..],
        ),
        (
            "DE",
            "EUR",
            &["BAUFINANZIERUNG", "RATENKREDIT", "AUTOKREDIT"][..],
        ),
    ] {
        let seen = std::sync::Mutex::new(HashSet::new());
        each_loan(country, Clock::anchor(), |loan| {
            assert_eq!(loan.currency, currency);
            assert!(types.contains(&loan.loan_type), "{}", loan.loan_type);
            assert!(loan.annual_rate_percent > 1.0 && loan.annual_rate_percent < 15.0);
            assert_eq!(
                f64::from(loan.annual_rate_bp()) / 100.0,
                loan.annual_rate_percent
            );
            assert!(loan.principal >= Money::from_cents(100_000));
            assert_eq!(loan.principal.cents() % 10_000, 0, "whole hundreds");
            if loan.loan_type == "STUDENT" {
                // Federal Direct loans: one statutory rate.
                assert_eq!(loan.annual_rate_percent, 6.53);
            }
            seen.lock().unwrap().insert(loan.loan_type);
        });
        assert_eq!(seen.into_inner().unwrap().len(), types.len(), "{country}");
    }
}

#[test]
fn start_dates_follow_the_clock() {
    let now = chrono::DateTime::parse_from_rfc3339("2031-03-31T10:00:00Z")
        .unwrap()
        .to_utc();
    let clock = Clock::fixed(now);
    each_loan("US", clock, |loan| {
        assert!(loan.start_date < clock.today());
        assert!(months_after(loan.start_date, loan.term_months) >= clock.today());
    });
}

/// ISO 6166: letters become 10..35, the digits written out pass the Luhn check.
fn isin_ok(isin: &str) -> bool {
    if isin.len() != 12
        || !isin
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
    {
        return false;
    }
    let digits: Vec<u32> = isin
        .chars()
        .flat_map(|c| {
            let v = c.to_digit(36).unwrap();
            if v < 10 {
                vec![v]
            } else {
                vec![v / 10, v % 10]
            }
        })
        .collect();
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                (2 * d) / 10 + (2 * d) % 10
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// CUSIP: every second character value doubled, digit sums plus the check digit end in 0.
fn cusip_ok(cusip: &str) -> bool {
    let sum: u32 = cusip
        .chars()
        .take(8)
        .enumerate()
        .map(|(i, c)| {
            let v = c.to_digit(36).unwrap() * (1 + (i as u32 % 2));
            v / 10 + v % 10
        })
        .sum();
    (10 - sum % 10) % 10 == cusip[8..].parse::<u32>().unwrap()
}

#[test]
fn investment_totals_add_up_and_isins_check_out() {
    assert!(isin_ok("US0378331005") && isin_ok("DE0007164600") && !isin_ok("DE0007164601"));
    assert!(cusip_ok("037833100") && !cusip_ok("037833101"));
    for (country, currency) in [("US", "USD"), ("DE", "EUR")] {
        let service = InvestmentService::new(country).unwrap().seed(23);
        let mut isins = HashSet::new();
        for i in 0..RECORDS {
            let account = service.record(i);
            assert_eq!(account.currency, currency);
            assert!((1..=10).contains(&account.holdings.len()));
            let mut total = Money::ZERO;
            for holding in &account.holdings {
                assert!(isin_ok(&holding.isin), "{}", holding.isin);
                assert!(holding.isin.starts_with(country));
                if country == "US" {
                    assert!(cusip_ok(&holding.isin[2..11]), "{}", holding.isin);
                } else {
                    assert_eq!(&holding.isin[2..5], "000");
                }
                assert!(holding.quantity >= 1 && holding.price >= Money::from_cents(200));
                assert_eq!(
                    holding.value.cents(),
                    holding.price.cents() * i64::from(holding.quantity)
                );
                assert!(!holding.instrument.is_empty());
                total = total + holding.value;
                isins.insert(holding.isin.clone());
            }
            assert_eq!(account.total_value, total);
        }
        assert!(
            isins.len() > 50_000,
            "{country}: {} distinct ISINs",
            isins.len()
        );
    }
}
