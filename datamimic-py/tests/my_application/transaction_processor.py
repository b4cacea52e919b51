"""A small transaction processor for the guide's unit-testing example: it books each
transaction against an account and counts those it cannot book."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, List


@dataclass
class Result:
    processed: List[Any] = field(default_factory=list)
    error_count: int = 0


class TransactionProcessor:
    def process_transactions(self, account: Any, transactions: List[Any]) -> Result:
        result = Result()
        for transaction in transactions:
            amount = transaction.amount
            if not isinstance(amount, (int, float)) or isinstance(amount, bool) or amount < 0:
                result.error_count += 1
            elif not transaction.transaction_id or not account.account_number:
                result.error_count += 1
            else:
                result.processed.append((account.account_number, transaction.transaction_id, amount))
        return result
