//! Finance: Bank, BankAccount, CreditCard, Transaction.
