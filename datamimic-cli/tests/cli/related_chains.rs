//! `generate --with` chains: a child's own children (a customer's orders' reviews, a person's
//! accounts' transactions), keyed level by level.

use std::collections::HashMap;

use crate::related::rows;
use crate::{Scratch, ok};

#[test]
fn a_customers_orders_and_their_reviews_join_level_by_level() {
    let s = Scratch::new("related-chain-shop");
    ok(
        &s.0,
        &[
            "generate",
            "Customer",
            "-n",
            "1000",
            "-s",
            "3",
            "--with",
            "Order=1..5",
            "--with",
            "Review=0..3",
            "-o",
            "shop",
        ],
    );
    assert_eq!(s.files("shop"), ["Customer.csv", "Order.csv", "Review.csv"]);
    let customers = rows(&s.path("shop/Customer.csv"));
    let orders = rows(&s.path("shop/Order.csv"));
    let reviews = rows(&s.path("shop/Review.csv"));
    assert_eq!(customers.len(), 1000);
    let mut per_customer: HashMap<&str, usize> = HashMap::new();
    for (k, order) in orders.iter().enumerate() {
        assert_eq!(order["row_id"], (k + 1).to_string());
        let customer = &customers[order["customer_row_id"].parse::<usize>().unwrap() - 1];
        assert_eq!(order["customer_row_id"], customer["row_id"]);
        assert_eq!(order["user_id"], customer["customer_id"]);
        assert_eq!(order["shipping_address.street"], customer["address.street"]);
        assert!(order["date"][..10] <= customer["last_order_date"][..]);
        assert!(order["date"][..10] >= customer["first_order_date"][..]);
        *per_customer.entry(&customer["row_id"]).or_default() += 1;
    }
    for customer in &customers {
        let placed = per_customer
            .get(customer["row_id"].as_str())
            .copied()
            .unwrap_or(0);
        let most = customer["order_count"].parse::<usize>().unwrap().min(5);
        assert!(placed <= most, "{placed} orders of {customer:?}");
        if most > 0 {
            assert!(placed >= 1);
        }
    }
    assert!(!reviews.is_empty());
    let mut last_parent = 0;
    for (k, review) in reviews.iter().enumerate() {
        assert_eq!(review["id"], (k + 1).to_string());
        let parent: usize = review["order_row_id"].parse().unwrap();
        assert!(parent >= last_parent, "reviews follow their orders");
        last_parent = parent;
        let order = &orders[parent - 1];
        assert_eq!(review["order_row_id"], order["row_id"]);
        assert_eq!(review["order_id"], order["order_id"]);
        // Written by the customer who ordered, after delivery.
        assert_eq!(review["customer_id"], order["user_id"]);
        assert!(review["review_date"] > order["date"]);
    }
}

#[test]
fn a_persons_accounts_and_their_transactions_join_level_by_level() {
    let s = Scratch::new("related-chain-bank");
    ok(
        &s.0,
        &[
            "generate",
            "Person",
            "-n",
            "500",
            "-s",
            "8",
            "-d",
            "DE",
            "--with",
            "BankAccount=1..2",
            "--with",
            "Transaction=5..10",
            "-o",
            "bank",
        ],
    );
    let people = rows(&s.path("bank/Person.csv"));
    let accounts = rows(&s.path("bank/BankAccount.csv"));
    let transactions = rows(&s.path("bank/Transaction.csv"));
    let mut per_person = vec![0; people.len()];
    for account in &accounts {
        per_person[account["person_id"].parse::<usize>().unwrap() - 1] += 1;
    }
    assert!(per_person.iter().all(|n| (1..=2).contains(n)));
    assert!(per_person.contains(&1) && per_person.contains(&2));
    let mut per_account = vec![Vec::new(); accounts.len()];
    for tx in &transactions {
        per_account[tx["bank_account_id"].parse::<usize>().unwrap() - 1].push(tx);
    }
    for (account, booked) in accounts.iter().zip(&per_account) {
        assert!((5..=10).contains(&booked.len()), "{}", booked.len());
        for tx in booked {
            assert_eq!(tx["account.iban"], account["iban"]);
            assert!(tx["transaction_date"] >= account["created_date"]);
        }
        let last = booked.last().unwrap();
        assert_eq!(last["balance_after"], account["balance"]);
    }
}

#[test]
fn chains_are_identical_for_threads_and_page_sizes() {
    let s = Scratch::new("related-chain-repro");
    for format in ["csv", "ndjson", "sqlite"] {
        let mut outputs = Vec::new();
        for (threads, page) in [("1", "10000"), ("2", "3"), ("3", "77")] {
            let out = if format == "sqlite" {
                format!("shop-{threads}-{page}.sqlite")
            } else {
                format!("{format}-{threads}-{page}")
            };
            ok(
                &s.0,
                &[
                    "generate",
                    "Customer",
                    "-n",
                    "400",
                    "-s",
                    "6",
                    "-f",
                    format,
                    "--threads",
                    threads,
                    "--page-size",
                    page,
                    "--with",
                    "Order=0..4",
                    "--with",
                    "Review=0..2",
                    "--with",
                    "OrderItem",
                    "-o",
                    &out,
                ],
            );
            let read =
                |name: &str| std::fs::read(s.path(&format!("{out}/{name}.{format}"))).unwrap();
            outputs.push(if format == "sqlite" {
                vec![std::fs::read(s.path(&out)).unwrap()]
            } else {
                vec![
                    read("Customer"),
                    read("Order"),
                    read("Review"),
                    read("OrderItem"),
                ]
            });
        }
        assert!(outputs.windows(2).all(|w| w[0] == w[1]), "{format} differs");
    }
    let db = rusqlite::Connection::open(s.path("shop-1-10000.sqlite")).unwrap();
    // A customer has a `customer_id` of its own, and reviews and items an `order_id`: the
    // keys are `row_id`, and the foreign keys name them.
    for (child, parent, column) in [
        ("Order", "Customer", "customer_row_id"),
        ("Review", "Order", "order_row_id"),
        ("OrderItem", "Order", "order_row_id"),
    ] {
        let (table, from, to): (String, String, String) = db
            .query_row(&format!("PRAGMA foreign_key_list(\"{child}\")"), [], |r| {
                Ok((r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap();
        assert_eq!(
            (table.as_str(), from.as_str(), to.as_str()),
            (parent, column, "row_id")
        );
    }
    let violations: i64 = db
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(violations, 0);
}
