//! `generate --with`: an entity and its children, one file each, joined by keys.

use std::collections::HashMap;

use crate::{Scratch, fails, ok};

/// The rows of a CSV file as maps from column to cell.
pub(crate) fn rows(path: &std::path::Path) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}

fn cents(text: &str) -> i64 {
    (text.parse::<f64>().unwrap() * 100.0).round() as i64
}

#[test]
fn accounts_and_their_transactions_are_keyed_and_consistent() {
    let s = Scratch::new("related-accounts");
    for dataset in ["US", "DE"] {
        ok(
            &s.0,
            &[
                "generate",
                "BankAccount",
                "-n",
                "3000",
                "-d",
                dataset,
                "-s",
                "5",
                "--with",
                "Transaction=0..6",
                "-o",
                "bank",
            ],
        );
        assert_eq!(s.files("bank"), ["BankAccount.csv", "Transaction.csv"]);
        let accounts = rows(&s.path("bank/BankAccount.csv"));
        let transactions = rows(&s.path("bank/Transaction.csv"));
        assert_eq!(accounts.len(), 3000);
        for (i, account) in accounts.iter().enumerate() {
            assert_eq!(account["id"], (i + 1).to_string());
        }
        let mut per_account: HashMap<usize, Vec<&HashMap<String, String>>> = HashMap::new();
        for (k, tx) in transactions.iter().enumerate() {
            assert_eq!(tx["id"], (k + 1).to_string(), "child ids run 1, 2, 3, ...");
            let parent: usize = tx["bank_account_id"].parse().unwrap();
            per_account.entry(parent).or_default().push(tx);
        }
        // Every count from 0 to 6 occurs, and children follow their parents' order.
        let mut counts = vec![0; 7];
        for (i, account) in accounts.iter().enumerate() {
            let booked = per_account.remove(&(i + 1)).unwrap_or_default();
            counts[booked.len()] += 1;
            for tx in &booked {
                assert_eq!(tx["account.account_number"], account["account_number"]);
                assert_eq!(tx["account.iban"], account["iban"]);
                assert_eq!(tx["currency"], account["currency"]);
                assert!(tx["transaction_date"] >= account["created_date"]);
                assert!(tx["transaction_date"] <= account["last_transaction_date"]);
            }
            assert!(
                booked
                    .windows(2)
                    .all(|w| w[0]["transaction_date"] <= w[1]["transaction_date"])
            );
            if let Some(last) = booked.last() {
                assert_eq!(cents(&last["balance_after"]), cents(&account["balance"]));
            }
        }
        assert!(per_account.is_empty(), "every transaction has its account");
        assert!(counts.iter().all(|&n| n > 300), "{counts:?}");
    }
}

#[test]
fn related_sets_are_identical_for_threads_and_page_sizes() {
    let s = Scratch::new("related-repro");
    for format in ["csv", "json", "ndjson", "xml"] {
        let mut outputs = Vec::new();
        for (threads, page) in [("1", "10000"), ("2", "7"), ("2", "1"), ("3", "333")] {
            let dir = format!("{format}-{threads}-{page}");
            ok(
                &s.0,
                &[
                    "generate",
                    "Person",
                    "-n",
                    "1500",
                    "-s",
                    "9",
                    "-f",
                    format,
                    "--threads",
                    threads,
                    "--page-size",
                    page,
                    "--with",
                    "BankAccount=0..3",
                    "--with",
                    "Transaction=0..4",
                    "--with",
                    "CreditCard=1",
                    "-o",
                    &dir,
                ],
            );
            let read =
                |name: &str| std::fs::read(s.path(&format!("{dir}/{name}.{format}"))).unwrap();
            outputs.push([
                read("Person"),
                read("BankAccount"),
                read("Transaction"),
                read("CreditCard"),
            ]);
        }
        assert!(outputs.windows(2).all(|w| w[0] == w[1]), "{format} differs");
    }
}

#[test]
fn order_items_add_up_to_their_orders() {
    let s = Scratch::new("related-orders");
    ok(
        &s.0,
        &[
            "generate",
            "Order",
            "-n",
            "2000",
            "-s",
            "3",
            "-d",
            "DE",
            "--with",
            "OrderItem",
            "-o",
            "shop",
        ],
    );
    let orders = rows(&s.path("shop/Order.csv"));
    let items = rows(&s.path("shop/OrderItem.csv"));
    let mut sums: HashMap<String, i64> = HashMap::new();
    for item in &items {
        let order = &orders[item["order_row_id"].parse::<usize>().unwrap() - 1];
        assert_eq!(item["order_id"], order["order_id"]);
        *sums.entry(item["order_row_id"].clone()).or_default() +=
            cents(&item["line.line_total"]) + cents(&item["line.tax_amount"]);
    }
    assert_eq!(sums.len(), orders.len(), "every order has items");
    for order in &orders {
        assert_eq!(
            cents(&order["total_amount"]),
            sums[&order["row_id"]] + cents(&order["shipping_amount"])
                - cents(&order["discount_amount"])
        );
    }
}

#[test]
fn a_child_file_without_rows_still_has_its_columns() {
    let s = Scratch::new("related-empty");
    ok(
        &s.0,
        &[
            "generate",
            "BankAccount",
            "-n",
            "5",
            "-s",
            "1",
            "--with",
            "Transaction=0",
            "-o",
            "out",
        ],
    );
    let text = std::fs::read_to_string(s.path("out/Transaction.csv")).unwrap();
    assert_eq!(text.lines().count(), 1);
    assert!(
        text.starts_with("id,bank_account_id,transaction_id,"),
        "{text}"
    );
}

#[test]
fn mistakes_in_with_are_clear_errors() {
    let s = Scratch::new("related-errors");
    std::fs::create_dir(s.path("dir")).unwrap();
    let cases: [(&[&str], &str); 8] = [
        (
            &["--with", "Transaction=1"],
            "give a directory (or an SQLite database) with `--output`",
        ),
        (
            &["--with", "Transaction=1", "-o", "dir", "-f", "sqlite"],
            "is a directory: related sets in SQLite go to one database file",
        ),
        (
            &["--with", "Transction=1", "-o", "x"],
            "`Transction` is not a child entity of `BankAccount`; its children: Transaction",
        ),
        (
            &["--with", "Transaction", "-o", "x"],
            "how many `Transaction` per `BankAccount`?",
        ),
        (
            &["--with", "Transaction=5..2", "-o", "x"],
            "the minimum is above the maximum",
        ),
        (
            &["--with", "Transaction=a..2", "-o", "x"],
            "`a` is not a count",
        ),
        (
            &["--with", "Transaction=1..200000", "-o", "x"],
            "at most 100000 children per record",
        ),
        (
            &[
                "--with",
                "Transaction=1",
                "--with",
                "Transaction=2",
                "-o",
                "x",
            ],
            "`Transaction` is given twice",
        ),
    ];
    for (extra, message) in cases {
        let mut args = vec!["generate", "BankAccount", "-n", "3"];
        args.extend_from_slice(extra);
        let error = fails(&s.0, &args);
        assert!(error.contains(message), "{args:?}: {error}");
    }
    let error = fails(
        &s.0,
        &[
            "generate",
            "Order",
            "-n",
            "3",
            "--with",
            "OrderItem=2",
            "-o",
            "x",
        ],
    );
    assert!(error.contains("write `--with OrderItem`"), "{error}");
    let error = fails(
        &s.0,
        &[
            "generate", "City", "-n", "3", "--with", "Order=2", "-o", "x",
        ],
    );
    assert!(error.contains("`City` has no child entities"), "{error}");
    assert!(s.files("x").is_empty(), "nothing written");
    assert!(s.files("dir").is_empty(), "nothing written");
    assert_eq!(s.files("."), ["dir"]);
}

#[test]
fn sqlite_holds_one_table_per_entity_with_declared_foreign_keys() {
    let s = Scratch::new("related-sqlite");
    let mut files = Vec::new();
    for (threads, page) in [("1", "10000"), ("2", "3"), ("3", "250")] {
        let file = format!("shop-{threads}-{page}.sqlite");
        ok(
            &s.0,
            &[
                "generate",
                "Person",
                "-n",
                "800",
                "-s",
                "4",
                "-d",
                "DE",
                "--threads",
                threads,
                "--page-size",
                page,
                "--with",
                "BankAccount=0..3",
                "--with",
                "CreditCard=1..2",
                "--with",
                "Transaction=1..3",
                "-o",
                &file,
            ],
        );
        files.push(std::fs::read(s.path(&file)).unwrap());
    }
    assert!(
        files.windows(2).all(|w| w[0] == w[1]),
        "the database differs"
    );
    let names = s.files(".");
    assert!(
        names
            .iter()
            .all(|n| n.starts_with("shop-") && n.ends_with(".sqlite")),
        "{names:?}"
    );
    let db = rusqlite::Connection::open(s.path("shop-1-10000.sqlite")).unwrap();
    let tables: Vec<String> = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        tables,
        ["Person", "BankAccount", "CreditCard", "Transaction"]
    );
    // A grandchild's key references its parent's table, a level down.
    let (table, from, to): (String, String, String) = db
        .query_row("PRAGMA foreign_key_list(\"Transaction\")", [], |r| {
            Ok((r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap();
    assert_eq!(
        (table.as_str(), from.as_str(), to.as_str()),
        ("BankAccount", "bank_account_id", "id")
    );
    for child in ["BankAccount", "CreditCard"] {
        let (table, from, to): (String, String, String) = db
            .query_row(&format!("PRAGMA foreign_key_list({child})"), [], |r| {
                Ok((r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap();
        assert_eq!(
            (table.as_str(), from.as_str(), to.as_str()),
            ("Person", "person_id", "id")
        );
    }
    let violations: i64 = db
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(violations, 0);
    let count = |sql: &str| -> i64 { db.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM Person"), 800);
    assert_eq!(
        count(
            "SELECT count(*) FROM CreditCard c JOIN Person p ON c.person_id = p.id AND c.\"card_holder.full_name\" = p.full_name"
        ),
        count("SELECT count(*) FROM CreditCard")
    );
    assert_eq!(
        count("SELECT min(n) FROM (SELECT count(*) AS n FROM CreditCard GROUP BY person_id)"),
        1
    );
    assert_eq!(
        count("SELECT max(n) FROM (SELECT count(*) AS n FROM CreditCard GROUP BY person_id)"),
        2
    );
    // Accounts are opened on or after the holder's 18th birthday.
    assert_eq!(
        count(
            "SELECT count(*) FROM BankAccount a JOIN Person p ON a.person_id = p.id WHERE substr(a.created_date, 1, 10) < date(p.birthdate, '+18 years')"
        ),
        0
    );
}

/// The related models are written with their parents by the same mechanism: a patient's
/// encounters and record, an order's invoice.
#[test]
fn the_related_models_are_written_with_their_parents() {
    let s = Scratch::new("related-models");
    for (parent, withs, key) in [(
        "Patient",
        ["Encounter=0..3", "MedicalRecord"],
        "patient_row_id",
    )] {
        let out = format!("out-{parent}");
        ok(
            &s.0,
            &[
                "generate", parent, "-n", "200", "-s", "9", "--with", withs[0], "--with", withs[1],
                "-o", &out,
            ],
        );
        let parents = rows(&s.path(&format!("{out}/{parent}.csv")));
        assert_eq!(parents.len(), 200);
        let (many, one) = (withs[0].split('=').next().unwrap(), withs[1]);
        let ones = rows(&s.path(&format!("{out}/{one}.csv")));
        assert_eq!(ones.len(), 200, "one {one} per {parent}");
        for (i, row) in ones.iter().enumerate() {
            assert_eq!(row[key], (i + 1).to_string());
        }
        let children = rows(&s.path(&format!("{out}/{many}.csv")));
        assert!(children.iter().all(|c| {
            let p: usize = c[key].parse().unwrap();
            (1..=200).contains(&p)
        }));
        assert!(!children.is_empty());
    }
    ok(
        &s.0,
        &[
            "generate", "Order", "-n", "300", "-s", "9", "--with", "Invoice", "-o", "shop",
        ],
    );
    let orders = rows(&s.path("shop/Order.csv"));
    let invoices = rows(&s.path("shop/Invoice.csv"));
    // An insurance claim is DATAMIMIC's `Claim`.
    ok(
        &s.0,
        &[
            "generate",
            "InsurancePolicy",
            "-n",
            "50",
            "-s",
            "9",
            "--with",
            "Claim=0..3",
            "-o",
            "cover",
        ],
    );
    assert_eq!(
        s.files("cover"),
        ["InsuranceClaim.csv", "InsurancePolicy.csv"]
    );
    let policies = rows(&s.path("cover/InsurancePolicy.csv"));
    let claims = rows(&s.path("cover/InsuranceClaim.csv"));
    assert!(!claims.is_empty());
    for claim in &claims {
        let policy = &policies[claim["insurance_policy_row_id"].parse::<usize>().unwrap() - 1];
        assert_eq!(claim["policy_id"], policy["id"]);
    }
    for invoice in &invoices {
        let order = &orders[invoice["order_row_id"].parse::<usize>().unwrap() - 1];
        assert_eq!(invoice["order_id"], order["order_id"]);
        assert_ne!(order["status"], "CANCELLED");
    }
    let cancelled = orders.iter().filter(|o| o["status"] == "CANCELLED").count();
    assert!(cancelled > 0);
    assert_eq!(invoices.len() + cancelled, orders.len());
    fails(
        &s.0,
        &[
            "generate",
            "Order",
            "-n",
            "3",
            "--with",
            "Invoice=2",
            "-o",
            "x",
        ],
    );
}
