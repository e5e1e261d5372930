//! Publication dates as Indonesian pages write them, read into ISO 8601.
//!
//! Pages write `Jumat, 27 Oktober 2023 / 07:37 WIB`, `Kamis, 05/11/2015 10:08 WIB`,
//! `on 16 Feb 2016 at 09:10 WIB` or `27 Oktober 2023, 07:37`. The day name is noise; the time
//! zone names (`WIB`, `WITA`, `WIT`) become UTC offsets, and without a zone no offset is
//! written, because guessing one would be a lie.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

struct DateWords {
    months: HashMap<String, u32>,
    zones: Vec<(String, String)>,
    named: Regex,
    numeric: Regex,
    iso: Regex,
    time: Regex,
}

fn words() -> &'static DateWords {
    static W: OnceLock<DateWords> = OnceLock::new();
    W.get_or_init(|| {
        let mut months = HashMap::new();
        let mut zones = Vec::new();
        for line in include_str!("../../data/layout_dates.tsv").lines() {
            let f: Vec<&str> = line.split('\t').collect();
            match f.as_slice() {
                ["month", name, n] => {
                    if let Ok(n) = n.trim().parse() {
                        months.insert(name.trim().to_lowercase(), n);
                    }
                }
                ["zone", name, off] => zones.push((name.trim().to_uppercase(), off.trim().into())),
                _ => {}
            }
        }
        // Longest zone names first, so that WITA is not read as WIT.
        zones.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        let re = |s: &str| Regex::new(s).expect("date regex");
        DateWords {
            months,
            zones,
            named: re(r"(?i)\b(\d{1,2})\s*[ -]\s*([a-z]{3,9})\.?[ -]\s*(\d{4})\b"),
            numeric: re(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b"),
            iso: re(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
            time: re(r"(?i)^[\s,/|\-–]*(?:(?:at|pukul|pkl\.?|jam)\s+)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\b\s*([a-z]{3,4})?"),
        }
    })
}

/// Days in `month` of `year` (Gregorian).
fn days_in(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A date found in a string: where it ends and its parts.
struct Found {
    end: usize,
    y: i32,
    m: u32,
    d: u32,
}

fn find_date(s: &str) -> Option<Found> {
    let w = words();
    let mut best: Option<(usize, Found)> = None;
    let mut consider = |start: usize, f: Found| {
        if best.as_ref().is_none_or(|(s0, _)| start < *s0) {
            best = Some((start, f));
        }
    };
    for c in w.named.captures_iter(s) {
        let (Some(all), Some(d), Some(m), Some(y)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        if let Some(&m) = w.months.get(&m.as_str().to_lowercase()) {
            let (Ok(d), Ok(y)) = (d.as_str().parse(), y.as_str().parse()) else {
                continue;
            };
            consider(
                all.start(),
                Found {
                    end: all.end(),
                    y,
                    m,
                    d,
                },
            );
            break;
        }
    }
    if let Some(c) = w.numeric.captures(s) {
        if let (Some(all), Ok(d), Ok(m), Ok(y)) = (
            c.get(0),
            c[1].parse::<u32>(),
            c[2].parse::<u32>(),
            c[3].parse::<i32>(),
        ) {
            consider(
                all.start(),
                Found {
                    end: all.end(),
                    y,
                    m,
                    d,
                },
            );
        }
    }
    if let Some(c) = w.iso.captures(s) {
        if let (Some(all), Ok(y), Ok(m), Ok(d)) = (
            c.get(0),
            c[1].parse::<i32>(),
            c[2].parse::<u32>(),
            c[3].parse::<u32>(),
        ) {
            consider(
                all.start(),
                Found {
                    end: all.end(),
                    y,
                    m,
                    d,
                },
            );
        }
    }
    best.map(|(_, f)| f)
}

/// Reads the first date (and the time and zone right after it) in `s` as ISO 8601.
///
/// With a time and a zone the result has an offset (`2023-10-27T07:37:00+07:00`); with a time
/// but no zone it has none; without a time it is the date alone. Impossible dates
/// (`31 Februari`) give `None`.
///
/// ```
/// use indotag::layout::parse_date;
/// assert_eq!(parse_date("Jumat, 27 Oktober 2023 / 07:37 WIB").as_deref(),
///            Some("2023-10-27T07:37:00+07:00"));
/// assert_eq!(parse_date("27/10/2023").as_deref(), Some("2023-10-27"));
/// assert_eq!(parse_date("31 Februari 2023"), None);
/// ```
pub fn parse_date(s: &str) -> Option<String> {
    // Every date form reads its day and year as ASCII digits; most lines have none.
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let f = find_date(s)?;
    if !(1..=12).contains(&f.m)
        || f.d == 0
        || f.d > days_in(f.y, f.m)
        || !(1900..=2100).contains(&f.y)
    {
        return None;
    }
    let date = format!("{:04}-{:02}-{:02}", f.y, f.m, f.d);
    let rest = s.get(f.end..).unwrap_or("");
    let w = words();
    let Some(t) = w.time.captures(rest) else {
        return Some(date);
    };
    let hh: u32 = t[1].parse().ok()?;
    let mm: u32 = t[2].parse().ok()?;
    let ss: u32 = t.get(3).map_or(Some(0), |x| x.as_str().parse().ok())?;
    if hh > 23 || mm > 59 || ss > 59 {
        return Some(date);
    }
    let zone = t.get(4).and_then(|z| {
        let z = z.as_str().to_uppercase();
        w.zones
            .iter()
            .find(|(n, _)| *n == z)
            .map(|(_, off)| off.as_str())
    });
    Some(format!(
        "{date}T{hh:02}:{mm:02}:{ss:02}{}",
        zone.unwrap_or("")
    ))
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    fn p(s: &str) -> Option<String> {
        parse_date(s)
    }

    #[test]
    fn long_form_with_slash_and_wib() {
        assert_eq!(
            p("Jumat, 27 Oktober 2023 / 07:37 WIB").unwrap(),
            "2023-10-27T07:37:00+07:00"
        );
    }

    #[test]
    fn numeric_day_month_year() {
        assert_eq!(
            p("27/10/2023 07:37 WIB").unwrap(),
            "2023-10-27T07:37:00+07:00"
        );
        assert_eq!(
            p("Kamis, 05/11/2015 10:08 WIB").unwrap(),
            "2015-11-05T10:08:00+07:00"
        );
    }

    #[test]
    fn short_month_names() {
        assert_eq!(
            p("Senin, 04 Jan 2016 13:45 WIB").unwrap(),
            "2016-01-04T13:45:00+07:00"
        );
        assert_eq!(p("3 Agu 2020").unwrap(), "2020-08-03");
        assert_eq!(p("3 Agt 2020").unwrap(), "2020-08-03");
        assert_eq!(p("3 Ags 2020").unwrap(), "2020-08-03");
        assert_eq!(p("9 Okt 2021").unwrap(), "2021-10-09");
        assert_eq!(p("1 Des 2021").unwrap(), "2021-12-01");
        assert_eq!(p("1 Mei 2021").unwrap(), "2021-05-01");
    }

    #[test]
    fn comma_before_time_and_no_zone_means_no_offset() {
        assert_eq!(p("27 Oktober 2023, 07:37").unwrap(), "2023-10-27T07:37:00");
    }

    #[test]
    fn wita_and_wit() {
        assert_eq!(
            p("Rabu, 1 Maret 2023 | 10.15 WITA").unwrap(),
            "2023-03-01T10:15:00+08:00"
        );
        assert_eq!(
            p("Rabu, 1 Maret 2023 10:15 WIT").unwrap(),
            "2023-03-01T10:15:00+09:00"
        );
    }

    #[test]
    fn english_byline_form() {
        assert_eq!(
            p("on 16 Feb 2016 at 09:10 WIB").unwrap(),
            "2016-02-16T09:10:00+07:00"
        );
    }

    #[test]
    fn date_only() {
        assert_eq!(p("Selasa, 23 Februari 2016").unwrap(), "2016-02-23");
        assert_eq!(p("2023-10-27").unwrap(), "2023-10-27");
    }

    #[test]
    fn impossible_dates_are_none() {
        assert_eq!(p("31 Februari 2023"), None);
        assert_eq!(p("29 Februari 2023"), None);
        assert_eq!(p("31/04/2023"), None);
        assert_eq!(p("12/13/2023"), None);
        assert_eq!(p("Tidak ada tanggal di sini"), None);
        assert_eq!(p("5 Foobar 2023"), None);
    }

    #[test]
    fn leap_day() {
        assert_eq!(p("29 Februari 2024").unwrap(), "2024-02-29");
    }

    #[test]
    fn bad_time_keeps_date() {
        assert_eq!(p("27 Oktober 2023 25:61 WIB").unwrap(), "2023-10-27");
    }
}
