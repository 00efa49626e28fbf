//! Durations as authors state them (`18m`, `1h30m`, `~1.5h`) and how a claim is compared.

/// A stated duration: its length, whether it is approximate, and how finely it was stated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DurationClaim {
    pub seconds: f64,
    pub approximate: bool,
    /// The smallest step the claim was written in: `18m` is stated to the minute,
    /// `1.5h` to the tenth of an hour. An exact claim agrees with anything that rounds to it.
    pub resolution: f64,
}

const UNITS: &[(char, f64)] = &[('d', 86_400.0), ('h', 3_600.0), ('m', 60.0), ('s', 1.0)];

impl DurationClaim {
    /// The tolerance of an approximate claim: within 10% of the computed duration.
    pub(crate) const APPROXIMATE_TOLERANCE: f64 = 0.10;

    /// Whether `actual_seconds` agrees with this claim.
    pub(crate) fn agrees_with(&self, actual_seconds: f64) -> bool {
        let difference = (actual_seconds - self.seconds).abs();
        if self.approximate {
            difference <= actual_seconds.abs() * Self::APPROXIMATE_TOLERANCE
        } else {
            // Rounded to the stated unit, the actual duration must equal the claim.
            difference < self.resolution / 2.0 + 1e-9
        }
    }
}

/// Parses `90s`, `18m`, `1h30m`, `2d4h`, `~1.5h`.
pub fn parse(text: &str) -> Result<DurationClaim, String> {
    let trimmed = text.trim();
    let (approximate, body) = match trimmed.strip_prefix('~') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, trimmed),
    };
    let invalid = || {
        format!(
            "`{trimmed}` is not a duration: write a number and a unit (d, h, m, s), e.g. `18m`, `1h30m` or `~1.5h`"
        )
    };
    if body.is_empty() {
        return Err(invalid());
    }
    let mut seconds = 0.0;
    let mut resolution = f64::INFINITY;
    let mut last_unit = f64::INFINITY;
    let mut rest = body;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .ok_or_else(invalid)?;
        let (number, tail) = rest.split_at(number_len);
        let value: f64 = number.parse().map_err(|_| invalid())?;
        let unit_char = tail.chars().next().ok_or_else(invalid)?;
        let (_, unit) = UNITS
            .iter()
            .find(|(c, _)| *c == unit_char)
            .ok_or_else(invalid)?;
        if *unit >= last_unit {
            return Err(format!(
                "`{trimmed}`: write the units from largest to smallest, each once (e.g. `1h30m`)"
            ));
        }
        last_unit = *unit;
        let decimals = number.split_once('.').map_or(0, |(_, d)| d.len()) as i32;
        resolution = unit * 10f64.powi(-decimals);
        seconds += value * unit;
        rest = &tail[unit_char.len_utf8()..];
    }
    Ok(DurationClaim {
        seconds,
        approximate,
        resolution,
    })
}

/// Writes whole seconds in the record notation: `19m`, `1h21m`, `11h30m`, `2d4h`.
pub(crate) fn compact(total_seconds: i64) -> String {
    if total_seconds == 0 {
        return "0m".to_string();
    }
    let sign = if total_seconds < 0 { "-" } else { "" };
    let mut rest = total_seconds.unsigned_abs();
    let mut out = String::from(sign);
    for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] {
        if rest >= size {
            out.push_str(&format!("{}{unit}", rest / size));
            rest %= size;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_parse() {
        assert_eq!(parse("90s").unwrap().seconds, 90.0);
        assert_eq!(parse("18m").unwrap().seconds, 1080.0);
        assert_eq!(parse("1h30m").unwrap().seconds, 5400.0);
        assert_eq!(parse("2d4h").unwrap().seconds, 187_200.0);
        let approx = parse("~1.5h").unwrap();
        assert!(approx.approximate);
        assert_eq!(approx.seconds, 5400.0);
        for bad in ["", "~", "18", "m", "18x", "30m1h", "1h1h", "1..5h", "-5m"] {
            assert!(parse(bad).is_err(), "{bad} should not parse");
        }
    }

    #[test]
    fn exact_claims_compare_at_their_unit() {
        let claim = parse("18m").unwrap();
        assert!(claim.agrees_with(18.0 * 60.0 + 29.0));
        assert!(!claim.agrees_with(19.0 * 60.0));
        let hours = parse("2h").unwrap();
        assert!(hours.agrees_with(2.0 * 3600.0 + 25.0 * 60.0));
        assert!(!hours.agrees_with(2.0 * 3600.0 + 31.0 * 60.0));
    }

    #[test]
    fn approximate_claims_allow_ten_percent() {
        let claim = parse("~1.5h").unwrap();
        assert!(claim.agrees_with(85.0 * 60.0));
        assert!(!claim.agrees_with(81.0 * 60.0));
    }

    #[test]
    fn compact_writes_record_notation() {
        assert_eq!(compact(19 * 60), "19m");
        assert_eq!(compact(81 * 60), "1h21m");
        assert_eq!(compact(41_400), "11h30m");
        assert_eq!(compact(187_200), "2d4h");
        assert_eq!(compact(-60), "-1m");
    }
}
