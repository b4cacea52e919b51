//! The finance tables of a dataset, resolved once per process so a record pays one index.

use crate::PerDataset;

use crate::ident::Network;
use crate::{Context, DatasetCode, Table, tables};

/// Columns of `finance/bank`.
pub(crate) const BANK_NAME: usize = 0;
pub(crate) const BANK_CODE: usize = 1;
pub(crate) const BANK_BIC: usize = 2;
/// Columns of `finance/currency`.
pub(crate) const CURRENCY_CODE: usize = 0;
pub(crate) const CURRENCY_SYMBOL: usize = 1;
/// Columns of `finance/merchant`.
pub(crate) const MERCHANT_CATEGORY: usize = 0;
pub(crate) const MERCHANT_NAME: usize = 1;
/// Column of `common/address/city`.
pub(crate) const CITY_NAME: usize = 0;

/// The finance tables of one dataset. Everything follows the bank table's country (US when the
/// dataset fell back to it), so a bank's accounts, cards and bookings share one currency.
#[derive(Debug)]
pub(crate) struct FinanceTables {
    pub(crate) country: &'static str,
    pub(crate) bank: &'static Table,
    pub(crate) account_type: &'static Table,
    pub(crate) card_network: &'static Table,
    /// The network of each `card_network` row.
    pub(crate) networks: Box<[Network]>,
    pub(crate) merchant: &'static Table,
    pub(crate) city: &'static Table,
    /// City tables of the other countries, for the locations of international transactions.
    pub(crate) foreign_cities: Box<[&'static Table]>,
    /// The country's own currency: the heaviest row of `finance/currency`.
    pub(crate) currency: &'static str,
    pub(crate) currency_symbol: &'static str,
}

impl FinanceTables {
    fn new(code: DatasetCode) -> FinanceTables {
        let bank = tables::FINANCE_BANK.for_dataset(code);
        let country = bank.country().unwrap_or("US");
        let own = DatasetCode::parse(country).unwrap_or(DatasetCode::US);
        let card_network = tables::FINANCE_CARD_NETWORK.for_dataset(own);
        let networks = (0..card_network.len())
            .map(|r| {
                network(card_network.value(r)).unwrap_or_else(|| {
                    panic!(
                        "{}: unknown card network `{}`",
                        card_network.source(),
                        card_network.value(r)
                    )
                })
            })
            .collect();
        let currencies = tables::FINANCE_CURRENCY.for_dataset(own);
        let local = (0..currencies.len())
            .max_by_key(|&r| currencies.scaled_weight(r))
            .unwrap_or(0);
        let city = tables::COMMON_ADDRESS_CITY.for_dataset(own);
        FinanceTables {
            country,
            bank,
            account_type: tables::FINANCE_ACCOUNT_TYPE.for_dataset(own),
            card_network,
            networks,
            merchant: tables::FINANCE_MERCHANT.for_dataset(own),
            city,
            foreign_cities: tables::COMMON_ADDRESS_CITY
                .variants()
                .iter()
                .copied()
                .filter(|t| !std::ptr::eq(*t, city))
                .collect(),
            currency: currencies.cell(local, CURRENCY_CODE),
            currency_symbol: currencies.cell(local, CURRENCY_SYMBOL),
        }
    }

    /// [`FinanceTables::of`] in the shape of a `with` function.
    #[inline]
    pub(crate) fn here(ctx: &mut Context<'_>) -> &'static FinanceTables {
        FinanceTables::of(ctx)
    }

    /// The finance tables of `ctx`'s dataset.
    #[inline]
    pub(crate) fn of(ctx: &Context<'_>) -> &'static FinanceTables {
        static CACHE: PerDataset<FinanceTables> = PerDataset::new();
        let code = ctx.dataset();
        CACHE.get_or_init(code, || FinanceTables::new(code))
    }
}

/// The network a `finance/card_network` row names.
fn network(name: &str) -> Option<Network> {
    Some(match name {
        "VISA" => Network::Visa,
        "MASTERCARD" => Network::Mastercard,
        "AMEX" => Network::Amex,
        "DISCOVER" => Network::Discover,
        "DINERS_CLUB" => Network::DinersClub,
        "JCB" => Network::Jcb,
        "UNIONPAY" => Network::UnionPay,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_constants_match_the_tables() {
        let bank = &tables::FINANCE_BANK;
        assert_eq!(bank.column_index("name"), Some(BANK_NAME));
        assert_eq!(bank.column_index("bank_code"), Some(BANK_CODE));
        assert_eq!(bank.column_index("bic"), Some(BANK_BIC));
        let currency = &tables::FINANCE_CURRENCY;
        assert_eq!(currency.column_index("code"), Some(CURRENCY_CODE));
        assert_eq!(currency.column_index("symbol"), Some(CURRENCY_SYMBOL));
        let merchant = &tables::FINANCE_MERCHANT;
        assert_eq!(merchant.column_index("category"), Some(MERCHANT_CATEGORY));
        assert_eq!(merchant.column_index("merchant"), Some(MERCHANT_NAME));
        assert_eq!(
            tables::COMMON_ADDRESS_CITY.column_index("city"),
            Some(CITY_NAME)
        );
    }

    #[test]
    fn every_card_network_row_is_known() {
        for table in tables::FINANCE_CARD_NETWORK.variants() {
            for r in 0..table.len() {
                assert!(
                    network(table.value(r)).is_some(),
                    "{}: {}",
                    table.source(),
                    table.value(r)
                );
            }
        }
    }
}
