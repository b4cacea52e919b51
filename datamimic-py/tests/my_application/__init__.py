"""The application under test in DATAMIMIC's unit-testing example (`from
my_application.transaction_processor import TransactionProcessor`)."""
