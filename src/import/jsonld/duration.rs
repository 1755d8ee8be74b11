//! ISO 8601 durations as schema.org writes them (`PT1H30M`, `P0DT1H`, `P1D`), in minutes.

use crate::model::MAX_MINUTES;

/// Parses an ISO 8601 duration into whole minutes (seconds rounded): `PT1H30M` → 90,
/// `PT90M` → 90, `P0DT1H` → 60, `P1D` → 1440, `P2W` → 20160. A year counts 365 days and a
/// month 30. Longer than [`MAX_MINUTES`] is an error, as for Cooklang times.
pub fn parse_iso_duration(text: &str) -> Result<u32, String> {
    let bad = || format!("{text:?} is not an ISO 8601 duration such as \"PT1H30M\"");
    let upper = text.trim().to_ascii_uppercase();
    let rest = upper.strip_prefix('P').ok_or_else(bad)?;
    let mut in_time = false;
    let mut number = String::new();
    let mut total = 0.0f64;
    let mut parts = 0;
    for c in rest.chars() {
        match c {
            '0'..='9' | '.' | ',' => number.push(if c == ',' { '.' } else { c }),
            'T' if number.is_empty() && !in_time => in_time = true,
            'Y' | 'M' | 'W' | 'D' | 'H' | 'S' => {
                let per = match (c, in_time) {
                    ('Y', false) => 365.0 * 1440.0,
                    ('M', false) => 30.0 * 1440.0,
                    ('W', false) => 7.0 * 1440.0,
                    ('D', false) => 1440.0,
                    ('H', true) => 60.0,
                    ('M', true) => 1.0,
                    ('S', true) => 1.0 / 60.0,
                    _ => return Err(bad()),
                };
                let value: f64 = number.parse().map_err(|_| bad())?;
                number.clear();
                if !value.is_finite() || value < 0.0 {
                    return Err(bad());
                }
                total += value * per;
                parts += 1;
            }
            _ => return Err(bad()),
        }
    }
    if parts == 0 || !number.is_empty() {
        return Err(bad());
    }
    let minutes = total.round();
    if minutes > MAX_MINUTES as f64 {
        return Err(format!("{text:?} is longer than a year; durations are limited to one year"));
    }
    Ok(minutes as u32)
}

/// Minutes as an ISO 8601 duration: 90 → `PT1H30M`, 1440 → `P1D`, 0 → `PT0M`. The inverse of
/// [`parse_iso_duration`].
pub fn format_iso_duration(minutes: u32) -> String {
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    let mut out = String::from("P");
    if days > 0 {
        out.push_str(&format!("{days}D"));
    }
    if hours > 0 || mins > 0 || days == 0 {
        out.push('T');
        if hours > 0 {
            out.push_str(&format!("{hours}H"));
        }
        if mins > 0 || hours == 0 {
            out.push_str(&format!("{mins}M"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_org_durations() {
        for (text, minutes) in [
            ("PT1H30M", 90),
            ("PT45M", 45),
            ("P0DT1H", 60),
            ("PT90M", 90),
            ("P1D", 1440),
            ("pt20m", 20),
            ("PT0S", 0),
            ("PT30S", 1),
            ("PT1.5H", 90),
            ("P2W", 20160),
            ("P1DT2H3M", 1563),
            (" PT10M ", 10),
        ] {
            assert_eq!(parse_iso_duration(text), Ok(minutes), "{text}");
        }
        for bad in ["", "P", "PT", "45", "PT45", "PTM", "PT1H30", "P1H", "PT1D", "1 hour", "PT-5M", "PT1..5M", "PTT1M"] {
            assert!(parse_iso_duration(bad).is_err(), "{bad}");
        }
        assert!(parse_iso_duration("P2Y").unwrap_err().contains("longer than a year"));
        assert!(parse_iso_duration("PT99999999999999999999999H").is_err());
    }

    #[test]
    fn formatting_round_trips() {
        assert_eq!(format_iso_duration(90), "PT1H30M");
        assert_eq!(format_iso_duration(0), "PT0M");
        assert_eq!(format_iso_duration(60), "PT1H");
        assert_eq!(format_iso_duration(1440), "P1D");
        assert_eq!(format_iso_duration(30240), "P21D");
        assert_eq!(format_iso_duration(1441), "P1DT1M");
        assert_eq!(format_iso_duration(1501), "P1DT1H1M");
        for m in [0, 1, 59, 60, 61, 1439, 1440, 1441, 99_999, MAX_MINUTES as u32] {
            assert_eq!(parse_iso_duration(&format_iso_duration(m)), Ok(m), "{m}");
        }
    }
}
