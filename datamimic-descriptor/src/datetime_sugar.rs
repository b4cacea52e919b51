//! `DateTimeGenerator`'s selections, as DATAMIMIC defines them: `months` / `months_exclude`
//! (`Q1`..`Q4`, numbers and ranges `3-9`, comma separated), `weekdays` (`Mon`..`Sun`, ranges
//! that may wrap such as `Fri-Mon`, numbers 0 = Monday to 6, and `Weekend`, `Weekdays`,
//! `Business`, `Workdays`, `All`), `dom` (days 1..31, ranges, and `last`: the last day of each
//! month, which narrows the other days as in DATAMIMIC), `hours_preset` (`office`: 09-17 ten
//! times as likely as other hours; `night`: 22-05 only; `flat`) and
//! `minute_granularity`/`second_granularity` (only the ticks divisible by it). Each becomes
//! calendar weights ([`crate::datetime_weights`]); explicit `*_weights` take precedence.

/// The months of `spec` (1 to 12).
pub fn months(spec: &str) -> Result<Vec<u32>, String> {
    let mut out = Vec::new();
    for token in tokens(spec) {
        let quarter = match token.to_ascii_uppercase().as_str() {
            "Q1" => Some(1),
            "Q2" => Some(4),
            "Q3" => Some(7),
            "Q4" => Some(10),
            _ => None,
        };
        match quarter {
            Some(first) => out.extend(first..first + 3),
            None => out.extend(numbers(token, 1, 12, "month")?),
        }
    }
    Ok(out)
}

/// The weekdays of `spec` (0 = Monday to 6 = Sunday).
pub fn weekdays(spec: &str) -> Result<Vec<u32>, String> {
    const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let day = |name: &str| NAMES.iter().position(|n| *n == name).map(|i| i as u32);
    let mut out = Vec::new();
    for token in tokens(spec) {
        let lower = token.to_ascii_lowercase();
        match lower.as_str() {
            "weekend" => out.extend([5, 6]),
            "weekdays" | "business" | "workdays" => out.extend(0..5),
            "all" => out.extend(0..7),
            _ => {
                if let Some((a, b)) = lower.split_once('-') {
                    let (Some(a), Some(b)) = (day(a.trim()), day(b.trim())) else {
                        return Err(format!(
                            "`{token}` is not a weekday range such as `Mon-Fri`"
                        ));
                    };
                    // `Fri-Mon` wraps over the weekend.
                    let mut d = a;
                    loop {
                        out.push(d);
                        if d == b {
                            break;
                        }
                        d = (d + 1) % 7;
                    }
                } else if let Some(d) = day(&lower) {
                    out.push(d);
                } else {
                    match lower.parse::<u32>() {
                        Ok(d) if d <= 6 => out.push(d),
                        _ => {
                            return Err(format!(
                                "`{token}` is not a weekday (`Mon`..`Sun`, 0..6, `Weekend`, \
                                 `Weekdays`, `All`)"
                            ));
                        }
                    }
                }
            }
        }
    }
    Ok(out)
}

/// The days of month of `spec` (1 to 31), and whether it says `last`.
pub fn days_of_month(spec: &str) -> Result<(Vec<u32>, bool), String> {
    let mut days = Vec::new();
    let mut last = false;
    for token in tokens(spec) {
        if token.eq_ignore_ascii_case("last") {
            last = true;
        } else {
            days.extend(numbers(token, 1, 31, "day of month")?);
        }
    }
    Ok((days, last))
}

/// `hours_preset`'s hour weights; `None` for `flat` (uniform).
pub fn hours_preset(name: &str) -> Result<Option<Vec<f64>>, String> {
    Ok(match name.trim().to_ascii_lowercase().as_str() {
        "office" => Some(
            (0..24)
                .map(|h| if (9..18).contains(&h) { 1.0 } else { 0.1 })
                .collect(),
        ),
        "night" => Some(
            (0..24)
                .map(|h| if !(6..22).contains(&h) { 1.0 } else { 0.0 })
                .collect(),
        ),
        "flat" => None,
        _ => {
            return Err(format!(
                "`hours_preset` `{name}` is none of `office`, `night`, `flat`"
            ));
        }
    })
}

/// The weights of `ticks` minutes or seconds keeping those divisible by `granularity`.
pub fn granularity(text: &str, ticks: u32) -> Result<Vec<f64>, String> {
    match text.trim().parse::<u32>() {
        Ok(g) if (1..=ticks).contains(&g) => Ok((0..ticks)
            .map(|t| if t % g == 0 { 1.0 } else { 0.0 })
            .collect()),
        _ => Err(format!("`{text}` is not a granularity from 1 to {ticks}")),
    }
}

/// Weights of `len` choices numbered from `first`: 1 for those in `chosen`, else 0.
pub fn mask(chosen: &[u32], first: u32, len: u32) -> Vec<f64> {
    (first..first + len)
        .map(|i| if chosen.contains(&i) { 1.0 } else { 0.0 })
        .collect()
}

fn tokens(spec: &str) -> impl Iterator<Item = &str> {
    spec.split(',').map(str::trim).filter(|t| !t.is_empty())
}

/// A number or an inclusive range `a-b` (either order) between `low` and `high`.
fn numbers(token: &str, low: u32, high: u32, what: &str) -> Result<Vec<u32>, String> {
    let number = |t: &str| {
        t.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (low..=high).contains(n))
            .ok_or_else(|| format!("`{token}` is not a {what} from {low} to {high} or a range"))
    };
    Ok(match token.split_once('-') {
        Some((a, b)) => {
            let (a, b) = (number(a)?, number(b)?);
            (a.min(b)..=a.max(b)).collect()
        }
        None => vec![number(token)?],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selections_read_as_datamimic_defines_them() {
        assert_eq!(months("Q1").unwrap(), [1, 2, 3]);
        assert_eq!(months("q4, 2-3").unwrap(), [10, 11, 12, 2, 3]);
        assert_eq!(weekdays("Mon-Fri").unwrap(), [0, 1, 2, 3, 4]);
        assert_eq!(weekdays("Fri-Mon").unwrap(), [4, 5, 6, 0]);
        assert_eq!(weekdays("Weekend,2").unwrap(), [5, 6, 2]);
        assert_eq!(days_of_month("1-3,last").unwrap(), (vec![1, 2, 3], true));
        assert_eq!(days_of_month("last").unwrap(), (vec![], true));
        assert_eq!(
            granularity("15", 60).unwrap()[..16].iter().sum::<f64>(),
            2.0
        );
        let office = hours_preset("Office").unwrap().unwrap();
        assert_eq!(
            (office[8], office[9], office[17], office[18]),
            (0.1, 1.0, 1.0, 0.1)
        );
        assert_eq!(hours_preset("flat").unwrap(), None);
        assert_eq!(mask(&[1, 3], 1, 4), [1.0, 0.0, 1.0, 0.0]);
    }

    #[test]
    fn bad_selections_are_refused() {
        assert!(months("Q5").unwrap_err().contains("`Q5`"));
        assert!(months("0").is_err());
        assert!(weekdays("Mon-Xyz").unwrap_err().contains("weekday range"));
        assert!(weekdays("7").is_err());
        assert!(days_of_month("32").is_err());
        assert!(hours_preset("lunch").unwrap_err().contains("office"));
        assert!(granularity("0", 60).is_err());
        assert!(granularity("61", 60).is_err());
    }
}
