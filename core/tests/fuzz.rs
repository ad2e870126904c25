//! Fuzzing (issue #7, part 1): every parser of the core and the scenario-link
//! decoder, fed generated inputs that are mostly *nearly* valid.
//!
//! Each target mixes arbitrary Unicode with structured inputs built from the
//! grammar it reads (digits, `.`, `,`, `%`, units, `nines`, signs,
//! exponents, huge digit strings, whitespace, `NaN`, `inf`, the empty
//! string) and with small random mutations of valid inputs. The properties:
//!
//! * nothing panics (each input runs under `catch_unwind`, so a failure
//!   names the input that caused it, after proptest has shrunk it);
//! * every rejection is a typed error whose one-line `Display` names what is
//!   allowed (it ends with the parser's help text);
//! * every accepted value is finite and in range, and reads back from its
//!   canonical form;
//! * every scenario a query string decodes to evaluates, no number of its
//!   report is NaN or infinite, and no string shows `NaN`, `inf` or `-0`;
//!   what was decoded survives being encoded and decoded again.
//!
//! Inputs per target: `NINES_FUZZ_CASES` when set; otherwise 20 000 per
//! parser and 1 000 for the link decoder (about 5 s for the whole file in a
//! debug build on two cores). `scripts/fuzz` runs 10^6 per target in the
//! `fuzz` profile. The counts and the seed are printed (run with
//! `--nocapture`); `NINES_FUZZ_SEED` fixes the seed to replay a run.
//!
//! Regression tests for what the fuzzing found are at the end of the file.

use std::cell::Cell;
use std::fmt::Debug;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::OnceLock;
use std::time::Instant;

use nines_core::alerts::Preset;
use nines_core::amount::{Count, Money, Rate};
use nines_core::choice::Choice;
use nines_core::duration::{
    MAX_SECONDS, format_duration, format_seconds_plain, parse_duration, parse_duration_exact,
};
use nines_core::link::{Decoded, Notice, decode, encode, encode_component};
use nines_core::quantity::{Availability, ParseError, Ratio, parse_fraction};
use nines_core::scenario::{Report, Scenario, evaluate};
use nines_core::window::{Convention, Period, ServiceHours};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, RngAlgorithm, RngSeed, TestCaseError, TestRunner};
use serde_json::Value;

mod common;
use common::{ODD_KEYS, shows_negative_zero, shows_non_finite, walk_json};

// ---------------------------------------------------------------------------
// The harness
// ---------------------------------------------------------------------------

/// Inputs per parser when `NINES_FUZZ_CASES` is not set: CI-sized.
const PARSER_CASES: u32 = 20_000;

/// Inputs for the link decoder when `NINES_FUZZ_CASES` is not set: each is a
/// whole scenario decoded, evaluated and encoded again, a hundred times the
/// work of a parser input.
const LINK_CASES: u32 = 1_000;

/// Inputs per target: `NINES_FUZZ_CASES` (for every target), else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("NINES_FUZZ_CASES")
        .ok()
        .and_then(|c| c.trim().replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// The run's seed: `NINES_FUZZ_SEED`, else fresh from the clock (printed, so
/// a failing run can be replayed).
fn base_seed() -> u64 {
    static SEED: OnceLock<u64> = OnceLock::new();
    *SEED.get_or_init(|| {
        std::env::var("NINES_FUZZ_SEED")
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or_else(|| {
                let mut h = DefaultHasher::new();
                std::time::SystemTime::now().hash(&mut h);
                std::process::id().hash(&mut h);
                h.finish()
            })
    })
}

/// What a target made of one input.
enum Verdict {
    Accepted,
    Rejected,
}

/// Runs `check` on `cases()` inputs from `strategy`; a panic or an `Err`
/// fails the test with the (shrunk) input. Prints the counts.
fn fuzz<S>(
    name: &str,
    default_cases: u32,
    strategy: S,
    check: impl Fn(&S::Value) -> Result<Verdict, String>,
) where
    S: Strategy,
    S::Value: Debug,
{
    let seed = {
        let mut h = DefaultHasher::new();
        (base_seed(), name).hash(&mut h);
        h.finish()
    };
    let config = Config {
        cases: cases(default_cases),
        rng_seed: RngSeed::Fixed(seed),
        // Several times faster than the default ChaCha in a debug build.
        rng_algorithm: RngAlgorithm::XorShift,
        failure_persistence: None,
        // Generation never rejects; shrinking is bounded so a failure is
        // reported in seconds even at 10^6 cases.
        max_shrink_iters: 4_096,
        ..Config::default()
    };
    let (accepted, rejected) = (Cell::new(0u64), Cell::new(0u64));
    let started = Instant::now();
    let mut runner = TestRunner::new(config);
    let result = runner.run(&strategy, |input| {
        match catch_unwind(AssertUnwindSafe(|| check(&input))) {
            Ok(Ok(Verdict::Accepted)) => accepted.set(accepted.get() + 1),
            Ok(Ok(Verdict::Rejected)) => rejected.set(rejected.get() + 1),
            Ok(Err(why)) => return Err(TestCaseError::fail(format!("{why}\n  input: {input:?}"))),
            Err(panic) => {
                let what = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                return Err(TestCaseError::fail(format!(
                    "panicked: {what}\n  input: {input:?}"
                )));
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("fuzz {name} (NINES_FUZZ_SEED={}): {e}", base_seed());
    }
    let (a, r) = (accepted.get(), rejected.get());
    println!(
        "fuzz {name:<16} {:>9} inputs: {a:>8} accepted, {r:>8} rejected, {:>7.2}s (NINES_FUZZ_SEED={})",
        a + r,
        started.elapsed().as_secs_f64(),
        base_seed()
    );
}

/// Fails with `why` unless `ok`.
fn ensure(ok: bool, why: impl FnOnce() -> String) -> Result<(), String> {
    if ok { Ok(()) } else { Err(why()) }
}

/// A rejection names what was wrong and what is allowed, on one line.
fn check_error(input: &str, e: &ParseError) -> Result<Verdict, String> {
    let message = e.to_string();
    ensure(!message.trim().is_empty(), || "empty error message".into())?;
    ensure(!message.contains('\n') && !message.contains('\r'), || {
        format!("error message spans lines: {message:?}")
    })?;
    ensure(message.ends_with(e.expected().help()), || {
        format!("error message does not say what is allowed: {message:?}")
    })?;
    ensure(e.input() == input, || {
        format!("error quotes {:?}, not the input", e.input())
    })?;
    Ok(Verdict::Rejected)
}

/// Walks a serializable value (a report, a scenario) without rendering it,
/// failing on the first non-finite `f64` and on the first string that shows
/// one (`NaN`, `inf`). Faster than formatting, and it names the field.
struct Finite {
    path: Vec<&'static str>,
    /// Whether strings are checked too (not for user text).
    strings: bool,
}

#[derive(Debug)]
struct NotFinite(String);

impl std::fmt::Display for NotFinite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NotFinite {}

impl serde::ser::Error for NotFinite {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        NotFinite(msg.to_string())
    }
}

impl Finite {
    fn at(&self) -> String {
        self.path.join(".")
    }
}

/// Non-finite numbers anywhere in `value`, and with `strings`, strings
/// showing one.
fn check_finite<T: serde::Serialize + ?Sized>(value: &T, strings: bool) -> Result<(), String> {
    let mut walker = Finite {
        path: Vec::new(),
        strings,
    };
    value.serialize(&mut walker).map_err(|e| e.0)
}

mod finite_impl {
    use super::{Finite, NotFinite, shows_negative_zero, shows_non_finite};
    use serde::ser::{
        Serialize, SerializeMap, SerializeSeq, SerializeStruct, SerializeStructVariant,
        SerializeTuple, SerializeTupleStruct, SerializeTupleVariant, Serializer,
    };

    type R = Result<(), NotFinite>;

    impl Serializer for &mut Finite {
        type Ok = ();
        type Error = NotFinite;
        type SerializeSeq = Self;
        type SerializeTuple = Self;
        type SerializeTupleStruct = Self;
        type SerializeTupleVariant = Self;
        type SerializeMap = Self;
        type SerializeStruct = Self;
        type SerializeStructVariant = Self;

        fn serialize_bool(self, _: bool) -> R {
            Ok(())
        }
        fn serialize_i8(self, _: i8) -> R {
            Ok(())
        }
        fn serialize_i16(self, _: i16) -> R {
            Ok(())
        }
        fn serialize_i32(self, _: i32) -> R {
            Ok(())
        }
        fn serialize_i64(self, _: i64) -> R {
            Ok(())
        }
        fn serialize_u8(self, _: u8) -> R {
            Ok(())
        }
        fn serialize_u16(self, _: u16) -> R {
            Ok(())
        }
        fn serialize_u32(self, _: u32) -> R {
            Ok(())
        }
        fn serialize_u64(self, _: u64) -> R {
            Ok(())
        }
        fn serialize_f32(self, v: f32) -> R {
            self.serialize_f64(f64::from(v))
        }
        fn serialize_f64(self, v: f64) -> R {
            if v.is_finite() {
                Ok(())
            } else {
                Err(NotFinite(format!("{} = {v}", self.at())))
            }
        }
        fn serialize_char(self, _: char) -> R {
            Ok(())
        }
        fn serialize_str(self, v: &str) -> R {
            if self.strings && (shows_non_finite(v) || shows_negative_zero(v)) {
                Err(NotFinite(format!("{} = {v:?}", self.at())))
            } else {
                Ok(())
            }
        }
        fn serialize_bytes(self, _: &[u8]) -> R {
            Ok(())
        }
        fn serialize_none(self) -> R {
            Ok(())
        }
        fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> R {
            v.serialize(self)
        }
        fn serialize_unit(self) -> R {
            Ok(())
        }
        fn serialize_unit_struct(self, _: &'static str) -> R {
            Ok(())
        }
        fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> R {
            Ok(())
        }
        fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R {
            v.serialize(self)
        }
        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            variant: &'static str,
            v: &T,
        ) -> R {
            self.path.push(variant);
            v.serialize(&mut *self)?;
            self.path.pop();
            Ok(())
        }
        fn serialize_seq(self, _: Option<usize>) -> Result<Self, NotFinite> {
            Ok(self)
        }
        fn serialize_tuple(self, _: usize) -> Result<Self, NotFinite> {
            Ok(self)
        }
        fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, NotFinite> {
            Ok(self)
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self, NotFinite> {
            Ok(self)
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self, NotFinite> {
            Ok(self)
        }
        fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, NotFinite> {
            Ok(self)
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self, NotFinite> {
            Ok(self)
        }
    }

    impl SerializeSeq for &mut Finite {
        type Ok = ();
        type Error = NotFinite;
        fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
            v.serialize(&mut **self)
        }
        fn end(self) -> R {
            Ok(())
        }
    }

    impl SerializeTuple for &mut Finite {
        type Ok = ();
        type Error = NotFinite;
        fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
            v.serialize(&mut **self)
        }
        fn end(self) -> R {
            Ok(())
        }
    }

    impl SerializeTupleStruct for &mut Finite {
        type Ok = ();
        type Error = NotFinite;
        fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
            v.serialize(&mut **self)
        }
        fn end(self) -> R {
            Ok(())
        }
    }

    impl SerializeTupleVariant for &mut Finite {
        type Ok = ();
        type Error = NotFinite;
        fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
            v.serialize(&mut **self)
        }
        fn end(self) -> R {
            Ok(())
        }
    }

    impl SerializeMap for &mut Finite {
        type Ok = ();
        type Error = NotFinite;
        fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> R {
            k.serialize(&mut **self)
        }
        fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
            v.serialize(&mut **self)
        }
        fn end(self) -> R {
            Ok(())
        }
    }

    impl SerializeStruct for &mut Finite {
        type Ok = ();
        type Error = NotFinite;
        fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> R {
            self.path.push(key);
            v.serialize(&mut **self)?;
            self.path.pop();
            Ok(())
        }
        fn end(self) -> R {
            Ok(())
        }
    }

    impl SerializeStructVariant for &mut Finite {
        type Ok = ();
        type Error = NotFinite;
        fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> R {
            self.path.push(key);
            v.serialize(&mut **self)?;
            self.path.pop();
            Ok(())
        }
        fn end(self) -> R {
            Ok(())
        }
    }
}

/// A report holds no NaN or infinity, as a number or in a string.
fn check_report(report: &Report) -> Result<(), String> {
    check_finite(report, true).map_err(|e| format!("the report shows NaN, infinity or -0: {e}"))
}

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

/// Characters that break naive parsers: other scripts' digits, a Unicode
/// minus, letters whose case mapping changes their length, controls.
const ODD_CHARS: &[char] = &[
    '\u{0}',
    '\t',
    '\n',
    '\r',
    ' ',
    '\u{a0}',
    '\u{200b}',
    '\u{feff}',
    '−',
    '–',
    '—',
    '١',
    '１',
    '٫',
    '²',
    '½',
    'é',
    'İ',
    'ı',
    'K',
    'ß',
    'ẞ',
    'µ',
    'μ',
    '€',
    '$',
    '%',
    '％',
    '.',
    ',',
    '/',
    '-',
    '+',
    'e',
    'E',
    '0',
    '9',
    ':',
    'T',
    'P',
    '😀',
    '\u{10FFFF}',
    '\u{301}',
];

/// Pieces every target's soup is made of.
const COMMON: &[&str] = &[
    "", " ", "  ", "\t", ".", ",", "%", " %", "/", "-", "+", "−", "e", "E", "e-", "e+", "0", "00",
    "1", "9", "99", "99.9", "100", "NaN", "nan", "inf", "-inf", "Infinity", "1e308", "1e-308", "١",
    "１", "é", "İ", "K", "ß", "\u{0}", "\u{200b}", "😀", "_", ";", ":", "'", "\"", "(", ")", "and",
    "per", "null", "true",
];

fn digits(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(0u8..10, 1..max)
        .prop_map(|d| d.iter().map(|x| char::from(b'0' + x)).collect())
}

/// Decimal-looking text: small and huge integers, long fractions, float
/// renderings (`NaN`, `inf`, `1e300`), exponents, and hand-picked edges.
fn number() -> BoxedStrategy<String> {
    prop_oneof![
        3 => (0u32..1_000).prop_map(|n| n.to_string()),
        1 => any::<u64>().prop_map(|n| n.to_string()),
        1 => digits(60),
        1 => (1usize..400).prop_map(|n| "9".repeat(n)),
        2 => (digits(6), digits(45)).prop_map(|(i, f)| format!("{i}.{f}")),
        3 => (digits(4), digits(5)).prop_map(|(i, f)| format!("{i}.{f}")),
        1 => any::<f64>().prop_map(|x| x.to_string()),
        1 => any::<f64>().prop_map(|x| format!("{x:e}")),
        1 => (digits(4), -60i32..60).prop_map(|(m, e)| format!("{m}e{e}")),
        2 => select(&[
            "0", "0.0", ".5", "5.", ".", "-0", "+1", "-1", "1,000", "1,000,000.5", "1,00", "99.95",
            "99,95", "100", "100.0000", "0.999", "1e-7", "00099.9", "1_000", "0x10", "١٢", "１０",
            "100.000000000000000000000000000000000001", "99.999999999999999999999999999999999999",
            "340282366920938463463374607431768211455", "340282366920938463463374607431768211456",
            "18446744073709551616", "4294967296", "36525", "36526", "1000000000000000",
            "1000000000000001",
        ][..])
        .prop_map(str::to_owned),
    ]
    .boxed()
}

/// Pieces glued together: numbers, the target's words, common noise.
fn soup(words: &'static [&'static str]) -> BoxedStrategy<String> {
    prop::collection::vec(
        prop_oneof![
            3 => number(),
            3 => select(words).prop_map(str::to_owned),
            2 => select(COMMON).prop_map(str::to_owned),
            1 => select(ODD_CHARS).prop_map(String::from),
        ],
        0..8,
    )
    .prop_map(|pieces| pieces.concat())
    .boxed()
}

/// Arbitrary Unicode.
fn junk() -> BoxedStrategy<String> {
    prop_oneof![
        prop::collection::vec(any::<char>(), 0..40).prop_map(String::from_iter),
        prop::collection::vec(select(ODD_CHARS), 0..12).prop_map(String::from_iter),
    ]
    .boxed()
}

/// One edit of a string: insert, delete, replace or duplicate at a place.
#[derive(Clone, Debug)]
struct Mutation {
    at: usize,
    kind: u8,
    c: char,
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    prop::collection::vec(
        (
            any::<usize>(),
            0u8..4,
            prop_oneof![any::<char>(), select(ODD_CHARS)],
        )
            .prop_map(|(at, kind, c)| Mutation { at, kind, c }),
        1..4,
    )
}

fn mutate(s: &str, edits: &[Mutation]) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    for m in edits {
        let at = m.at % (chars.len() + 1);
        match m.kind {
            0 => chars.insert(at, m.c),
            1 if at < chars.len() => {
                chars.remove(at);
            }
            2 if at < chars.len() => chars[at] = m.c,
            _ => {
                let tail: Vec<char> = chars[at..].to_vec();
                chars.extend(tail);
            }
        }
    }
    chars.into_iter().collect()
}

/// A target's inputs: valid ones, structured near-valid ones, mutations of
/// both, soups of the target's words, junk, and now and then a very long one.
fn inputs(
    valid: BoxedStrategy<String>,
    structured: BoxedStrategy<String>,
    words: &'static [&'static str],
) -> BoxedStrategy<String> {
    let either = prop_oneof![valid.clone(), structured.clone()];
    prop_oneof![
        6 => valid,
        6 => structured,
        3 => (either.clone(), mutations()).prop_map(|(s, m)| mutate(&s, &m)),
        3 => soup(words),
        1 => junk(),
        1 => (either, 2usize..300).prop_map(|(s, n)| s.repeat(n)),
    ]
    .boxed()
}

/// A plain number people type: `42`, `99.95`, `0.5`.
fn clean_number() -> BoxedStrategy<String> {
    prop_oneof![
        (0u32..1_000).prop_map(|n| n.to_string()),
        (0u32..1_000, digits(7)).prop_map(|(i, f)| format!("{i}.{f}")),
        (0u32..10, digits(4)).prop_map(|(i, f)| format!("0.{i}{f}")),
    ]
    .boxed()
}

fn valid_availability() -> BoxedStrategy<String> {
    prop_oneof![
        (0u32..100, digits(14), select(&["", "%", " %"][..]))
            .prop_map(|(i, f, p)| format!("{}.{f}{p}", i.max(1))),
        Just("100%".to_owned()),
        (0u32..=13, select(&["", ".5", ".25"][..])).prop_map(|(n, f)| format!("{n}{f} nines")),
        (0u64..1_000, 1u64..1_000_000_000_000).prop_map(|(a, b)| format!("{}/{b}", a % (b + 1))),
    ]
    .boxed()
}

fn valid_fraction() -> BoxedStrategy<String> {
    prop_oneof![
        (0u32..=100).prop_map(|p| format!("{p}%")),
        (0u32..100, digits(5)).prop_map(|(p, f)| format!("{p}.{f}%")),
        digits(8).prop_map(|f| format!("0.{f}")),
        select(&["0", "1", "1.0", "0%"][..]).prop_map(str::to_owned),
    ]
    .boxed()
}

const VALID_UNITS: &[&str] = &[
    "ms", "s", "sec", "seconds", "m", "min", "minutes", "h", "hr", "hours", "d", "day", "days",
    "w", "weeks",
];

fn valid_duration() -> BoxedStrategy<String> {
    prop_oneof![
        3 => prop::collection::vec((clean_number(), select(&["", " "][..]), select(VALID_UNITS)), 1..4)
            .prop_map(|parts| {
                parts
                    .into_iter()
                    .map(|(n, s, u)| format!("{n}{s}{u}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            }),
        1 => (0u32..9, 0u32..30, 0u32..60, clean_number())
            .prop_map(|(w, d, h, sec)| format!("P{w}W{d}DT{h}H{sec}S")),
    ]
    .boxed()
}

fn valid_count() -> BoxedStrategy<String> {
    prop_oneof![
        (
            clean_number(),
            select(&["", "k", "M", "B", "T", " million", "e3", "e6"][..])
        )
            .prop_map(|(n, s)| format!("{n}{s}")),
        any::<u64>().prop_map(|n| {
            // Thousands separators, up to 10^15.
            let n = n % 1_000_000_000_000_001;
            let digits = n.to_string();
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            out
        }),
    ]
    .boxed()
}

fn valid_rate() -> BoxedStrategy<String> {
    prop_oneof![
        (
            valid_count(),
            select(&["", " requests"][..]),
            select(&[" per ", "/", " per a "][..]),
            select(
                &[
                    "second", "s", "minute", "5m", "hour", "day", "week", "month", "quarter",
                    "year", "28d", "30d", "1.5h", "0.5s", "1ms",
                ][..]
            ),
        )
            .prop_map(|(c, n, p, w)| format!("{c}{n}{p}{w}")),
        (
            valid_count(),
            select(&[" rps", "rps", " qps", " rpm", " rph"][..])
        )
            .prop_map(|(c, s)| format!("{c}{s}")),
    ]
    .boxed()
}

fn valid_money() -> BoxedStrategy<String> {
    (
        select(&["", "$", "€", "£", "USD ", "EUR "][..]),
        valid_count(),
    )
        .prop_map(|(c, n)| format!("{c}{n}"))
        .boxed()
}

fn valid_period() -> BoxedStrategy<String> {
    prop_oneof![
        select(
            &[
                "hour",
                "day",
                "week",
                "month",
                "quarter",
                "year",
                "monthly",
                "per month"
            ][..]
        )
        .prop_map(str::to_owned),
        (1u32..=36_525, select(&["d", " days", "-day", " day"][..]))
            .prop_map(|(n, u)| format!("{n}{u}")),
    ]
    .boxed()
}

fn valid_service_hours() -> BoxedStrategy<String> {
    let entry = (
        select(
            &[
                "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Mon-Fri", "Sat-Sun", "daily",
            ][..],
        ),
        0u32..24,
        0u32..60,
    )
        .prop_map(|(d, h, m)| {
            let end = (h + 1 + m % 8).min(24);
            format!("{d} {h:02}:{m:02}-{end:02}:00")
        });
    // Across midnight (`22:00-06:00`) and a second range for the same days
    // (`, 13:00-17:00`).
    let night = (
        select(&["Mon", "Fri", "Sun", "Mon-Fri", "daily"][..]),
        12u32..24,
        0u32..12,
    )
        .prop_map(|(d, s, e)| format!("{d} {s:02}:00-{e:02}:00"));
    let split =
        (entry.clone(), 0u32..24).prop_map(|(e, h)| format!("{e},{h:02}:30-{:02}:00", h + 1));
    prop_oneof![
        3 => entry.clone(),
        2 => (entry.clone(), entry).prop_map(|(a, b)| format!("{a}, {b}")),
        1 => night,
        1 => split,
        1 => Just("24/7".to_owned()),
    ]
    .boxed()
}

fn spaced(s: BoxedStrategy<String>) -> BoxedStrategy<String> {
    (
        select(&["", "", "", "", " ", "  ", "\t"][..]),
        s,
        select(&["", "", "", "", " ", "\n"][..]),
    )
        .prop_map(|(a, s, b)| format!("{a}{s}{b}"))
        .boxed()
}

const AVAILABILITY_WORDS: &[&str] = &[
    "nines",
    " nines",
    "nine",
    " nine",
    "Nines",
    "NINES",
    "%",
    " %",
    "/",
    " / ",
    "1/1000",
    "99.95%",
    "3.5 nines",
    "12 nines",
    "300 nines",
    "301 nines",
];

fn availability_text() -> BoxedStrategy<String> {
    spaced(
        prop_oneof![
            (
                select(&["", "+", "-", "−", "++"][..]),
                number(),
                select(&["", "%", " %", "% ", "%%"][..])
            )
                .prop_map(|(sign, n, pct)| format!("{sign}{n}{pct}")),
            (0u32..=100, digits(42), select(&["", "%"][..]))
                .prop_map(|(i, f, pct)| format!("{i}.{f}{pct}")),
            (
                number(),
                select(
                    &[
                        " nines",
                        "nines",
                        " nine",
                        " Nines",
                        " NINES",
                        "  nines  ",
                        " nines%"
                    ][..]
                )
            )
                .prop_map(|(n, w)| format!("{n}{w}")),
            (0.0f64..400.0).prop_map(|n| format!("{n} nines")),
            (number(), select(&["/", " / ", "/-", "//"][..]), number())
                .prop_map(|(a, s, b)| format!("{a}{s}{b}")),
        ]
        .boxed(),
    )
}

const DURATION_UNITS: &[&str] = &[
    "ms",
    "msec",
    "millisecond",
    "s",
    "sec",
    "secs",
    "second",
    "seconds",
    "m",
    "min",
    "mins",
    "minute",
    "minutes",
    "h",
    "hr",
    "hrs",
    "hour",
    "hours",
    "d",
    "day",
    "days",
    "w",
    "wk",
    "week",
    "weeks",
    "mo",
    "month",
    "q",
    "quarter",
    "y",
    "yr",
    "year",
    "years",
    "µs",
    "us",
    "ns",
    "M",
    "H",
    "S",
    "D",
    "W",
    "Y",
    "T",
    "",
];

fn duration_text() -> BoxedStrategy<String> {
    let part = (
        number(),
        select(&["", " ", "  "][..]),
        select(DURATION_UNITS),
    )
        .prop_map(|(n, s, u)| format!("{n}{s}{u}"));
    let iso_part = |designators: &'static [&'static str]| {
        prop::collection::vec((number(), select(designators)), 0..4).prop_map(|v| {
            v.into_iter()
                .map(|(n, d)| format!("{n}{d}"))
                .collect::<String>()
        })
    };
    spaced(
        prop_oneof![
            3 => prop::collection::vec(
                (part, select(&["", " ", ", ", ",", " and ", "  "][..])),
                1..5,
            )
            .prop_map(|v| v.into_iter().map(|(p, s)| format!("{p}{s}")).collect()),
            1 => (
                select(&["P", "p", "PT", "P1", ""][..]),
                iso_part(&["Y", "M", "W", "D", "d", "w", "H"]),
                select(&["T", "t", "", "TT"][..]),
                iso_part(&["H", "M", "S", "h", "m", "s", "D", ""]),
            )
                .prop_map(|(p, d, t, h)| format!("{p}{d}{t}{h}")),
        ]
        .boxed(),
    )
}

const COUNT_SUFFIXES: &[&str] = &[
    "", "k", "K", "M", "m", "B", "b", "bn", "G", "T", "tn", "mn", "mio", "thousand", "million",
    "billion", "trillion", "x", "kk", "%", "e", "E5",
];

fn count_text() -> BoxedStrategy<String> {
    let grouped = prop::collection::vec(0u16..1_000, 1..7).prop_map(|groups| {
        let mut s = groups[0].to_string();
        for g in &groups[1..] {
            s.push_str(&format!(",{g:03}"));
        }
        s
    });
    let mantissa = prop_oneof![3 => number(), 1 => grouped];
    let exponent = prop_oneof![
        3 => Just(String::new()),
        1 => (select(&["e", "E", "e+", "e-", "E-"][..]), 0u32..45).prop_map(|(e, n)| format!("{e}{n}")),
        1 => (select(&["e", "E"][..]), digits(12)).prop_map(|(e, n)| format!("{e}{n}")),
    ];
    spaced(
        (
            select(&["", "+", "-", "−", "+ "][..]),
            mantissa,
            exponent,
            select(&["", " "][..]),
            select(COUNT_SUFFIXES),
        )
            .prop_map(|(sign, m, e, sp, suffix)| format!("{sign}{m}{e}{sp}{suffix}"))
            .boxed(),
    )
}

const RATE_PERIODS: &[&str] = &[
    "s",
    "second",
    "sec",
    "minute",
    "min",
    "m",
    "5m",
    "hour",
    "h",
    "day",
    "d",
    "week",
    "w",
    "month",
    "monthly",
    "quarter",
    "year",
    "y",
    "28d",
    "30d",
    "0d",
    "36526d",
    "1.5h",
    "0s",
    "0ms",
    "1ms",
    "0.000001ms",
    "fortnight",
    "",
    " ",
    "a day",
    "a",
    "per",
    "PT1H",
    "P1M",
    "-1d",
];

fn rate_text() -> BoxedStrategy<String> {
    spaced(
        prop_oneof![
            3 => (
                count_text(),
                select(&["", " requests", " request", " errors", " deploys", "requests", " users"][..]),
                select(&[" per ", "/", " / ", " per a ", " PER ", " per  ", "per", " "][..]),
                prop_oneof![select(RATE_PERIODS).prop_map(str::to_owned), duration_text()],
            )
                .prop_map(|(c, noun, per, p)| format!("{c}{noun}{per}{p}")),
            1 => (count_text(), select(&["rps", " rps", "qps", "tps", "rpm", "qpm", "rph", " RPS"][..]))
                .prop_map(|(c, s)| format!("{c}{s}")),
        ]
        .boxed(),
    )
}

fn money_text() -> BoxedStrategy<String> {
    spaced(
        (
            select(
                &[
                    "", "$", "€", "£", "¥", "฿", "USD ", "usd ", "EUR ", "XYZ ", "$ ", "K ", "-$",
                    "$-", "abc ",
                ][..],
            ),
            count_text(),
            select(&["", " USD", "$", " EUR", "€", " abc", " k", " $", " USD USD"][..]),
        )
            .prop_map(|(a, c, b)| format!("{a}{c}{b}"))
            .boxed(),
    )
}

fn fraction_text() -> BoxedStrategy<String> {
    spaced(
        (
            select(&["", "-", "+"][..]),
            number(),
            select(&["", "%", " %", "%%"][..]),
        )
            .prop_map(|(s, n, p)| format!("{s}{n}{p}"))
            .boxed(),
    )
}

const PERIOD_WORDS: &[&str] = &[
    "hour",
    "hourly",
    "h",
    "day",
    "daily",
    "week",
    "weekly",
    "w",
    "month",
    "monthly",
    "mo",
    "quarter",
    "quarterly",
    "q",
    "year",
    "yearly",
    "annual",
    "annually",
    "y",
    "d",
    "days",
    "-day",
    "per ",
    "rolling ",
    "Month",
    "YEAR",
];

fn period_text() -> BoxedStrategy<String> {
    spaced(
        (
            select(&["", "per ", "rolling ", "per rolling ", "PER ", "rolling  "][..]),
            prop_oneof![
                select(PERIOD_WORDS).prop_map(str::to_owned),
                (
                    number(),
                    select(&["d", " d", "day", " days", "-day", "D", "w", "h", "", "d d"][..])
                )
                    .prop_map(|(n, u)| format!("{n}{u}")),
            ],
        )
            .prop_map(|(p, s)| format!("{p}{s}"))
            .boxed(),
    )
}

const CONVENTION_WORDS: &[&str] = &[
    "gregorian",
    "gregorian-mean",
    "mean",
    "uptime.is",
    "sre-book",
    "sre",
    "srebook",
    "sre book",
    "google",
    "365d",
    "365",
    "calendar365",
    "365-day",
    "Gregorian",
    "SRE-BOOK",
    "366d",
    "lunar",
];

const PRESET_WORDS: &[&str] = &[
    "workbook",
    "google",
    "sre",
    "sre-workbook",
    "sloth",
    "pyrra",
    "Sloth",
    "PYRRA",
    "nagios",
    "custom",
    "work book",
];

fn word_text(words: &'static [&'static str]) -> BoxedStrategy<String> {
    spaced(
        prop_oneof![
            select(words).prop_map(str::to_owned),
            (select(words), any::<u64>()).prop_map(|(w, bits)| {
                // Random case.
                w.chars()
                    .enumerate()
                    .map(|(i, c)| {
                        if bits >> (i % 64) & 1 == 1 {
                            c.to_ascii_uppercase()
                        } else {
                            c
                        }
                    })
                    .collect()
            }),
        ]
        .boxed(),
    )
}

const DAY_SPECS: &[&str] = &[
    "Mon",
    "Tue",
    "Wed",
    "Thu",
    "Fri",
    "Sat",
    "Sun",
    "Monday",
    "Sunday",
    "mon-fri",
    "Mon-Fri",
    "Sat-Sun",
    "Fri-Mon",
    "daily",
    "everyday",
    "weekdays",
    "weekends",
    "weekend",
    "Mo",
    "M",
    "Monday-Friday",
    "Mon–Fri",
    "Mond",
    "Mon-",
    "-Fri",
    "Xyz",
    "",
];

fn time_text() -> BoxedStrategy<String> {
    prop_oneof![
        (0u32..30, select(&[":", ".", "h", ""][..]), 0u32..70).prop_map(|(h, s, m)| {
            if s.is_empty() {
                h.to_string()
            } else {
                format!("{h:02}{s}{m:02}")
            }
        }),
        number(),
        select(
            &[
                "24:00", "00:00", "8", "08:00", "24:01", "8:", ":30", "", "-1:00"
            ][..]
        )
        .prop_map(str::to_owned),
    ]
    .boxed()
}

fn service_hours_text() -> BoxedStrategy<String> {
    let entry = (
        select(DAY_SPECS),
        select(&[" ", "  ", "\t", ""][..]),
        prop_oneof![
            3 => (time_text(), select(&["-", "–", " - ", "--", ""][..]), time_text())
                .prop_map(|(a, s, b)| format!("{a}{s}{b}")),
            1 => select(&["24h", "all day", "00:00-24:00", "closed"][..]).prop_map(str::to_owned),
        ],
    )
        .prop_map(|(d, s, t)| format!("{d}{s}{t}"));
    spaced(
        prop_oneof![
            4 => prop::collection::vec((entry, select(&[", ", ",", ";", "; ", ",,"][..])), 1..5)
                .prop_map(|v| {
                    let n = v.len();
                    v.into_iter()
                        .enumerate()
                        .map(|(i, (e, s))| if i + 1 < n { format!("{e}{s}") } else { e })
                        .collect()
                }),
            1 => select(&["24/7", "always", "24x7", "closed", "24/7 ", "Always", "CLOSED"][..]).prop_map(str::to_owned),
        ]
        .boxed(),
    )
}

// ---------------------------------------------------------------------------
// Independent oracles
// ---------------------------------------------------------------------------

/// Rust's own float parser, where it reads the same text.
fn std_f64(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|x| x.is_finite())
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()).max(1e-300)
}

// ---------------------------------------------------------------------------
// The parsers
// ---------------------------------------------------------------------------

fn check_availability(s: &str) -> Result<Verdict, String> {
    let a = match Availability::parse(s) {
        Ok(a) => a,
        Err(e) => return check_error(s, &e),
    };
    let u = a.unavailability();
    ensure((0.0..=1.0).contains(&u), || format!("U = {u}"))?;
    let p = a.percent();
    ensure((0.0..=100.0).contains(&p), || format!("percent = {p}"))?;
    let n = a.nines();
    ensure(n >= 0.0 && (n.is_finite() || u == 0.0), || {
        format!("nines = {n}")
    })?;
    let canonical = a.to_string();
    let back = Availability::parse(&canonical).map_err(|e| format!("{canonical}: {e}"))?;
    ensure(back == a, || {
        format!("{canonical:?} reads back as {back:?}, not {a:?}")
    })?;
    for shown in [
        canonical,
        a.format_percent(),
        a.format_nines(),
        a.format_unavailability_percent(),
    ] {
        ensure(!shows_non_finite(&shown), || format!("shown as {shown:?}"))?;
    }
    // A plain percentage agrees with the standard library's reading.
    let t = s.trim();
    let number = t.strip_suffix('%').unwrap_or(t).trim();
    if let Some(x) =
        std_f64(number).filter(|_| !t.contains('/') && !t.to_ascii_lowercase().contains("nine"))
    {
        ensure(close(p, x, 1e-12), || format!("{x}% read as {p}%"))?;
    }
    Ok(Verdict::Accepted)
}

fn check_decimal(s: &str) -> Result<Verdict, String> {
    let r = match Ratio::parse_decimal(s) {
        Ok(r) => r,
        Err(e) => {
            let message = e.to_string();
            ensure(!message.is_empty() && message.contains("use "), || {
                format!("decimal error message {message:?} does not say what is allowed")
            })?;
            return Ok(Verdict::Rejected);
        }
    };
    let x = r.to_f64();
    ensure(x.is_finite() && x >= 0.0, || format!("value {x}"))?;
    let text = r
        .to_decimal_string()
        .ok_or_else(|| format!("{r:?} is not a terminating decimal"))?;
    ensure(Ratio::parse_decimal(&text) == Ok(r), || {
        format!("{text:?} does not read back")
    })?;
    if let Some(y) = std_f64(&s.replacen(',', ".", 1)) {
        ensure(close(x, y, 1e-15), || format!("read as {x}, not {y}"))?;
    }
    Ok(Verdict::Accepted)
}

fn check_fraction(s: &str) -> Result<Verdict, String> {
    let f = match parse_fraction(s) {
        Ok(f) => f,
        Err(e) => return check_error(s, &e),
    };
    ensure((0.0..=1.0).contains(&f), || format!("fraction {f}"))?;
    let t = s.trim();
    if let Some(x) = t.strip_suffix('%').and_then(std_f64) {
        ensure(close(f, x / 100.0, 1e-15), || format!("{x}% read as {f}"))?;
    } else if let Some(x) = std_f64(t) {
        ensure(close(f, x, 1e-15), || format!("{x} read as {f}"))?;
    }
    Ok(Verdict::Accepted)
}

fn check_duration(s: &str) -> Result<Verdict, String> {
    let exact = parse_duration_exact(s);
    let x = match parse_duration(s) {
        Ok(x) => x,
        Err(e) => {
            ensure(exact.as_ref().err() == Some(&e), || {
                format!("parse_duration_exact gives {exact:?}")
            })?;
            return check_error(s, &e);
        }
    };
    ensure(exact.map(Ratio::to_f64) == Ok(x), || {
        "the exact parser disagrees".into()
    })?;
    ensure(
        x.is_finite() && (0.0..=MAX_SECONDS as f64).contains(&x),
        || format!("{x} seconds"),
    )?;
    let plain = format_seconds_plain(x);
    ensure(plain.parse::<f64>() == Ok(x), || format!("plain {plain:?}"))?;
    let shown = format_duration(x);
    ensure(!shows_non_finite(&shown), || format!("shown as {shown:?}"))?;
    let back = parse_duration(&shown).map_err(|e| format!("{shown:?} does not read back: {e}"))?;
    // Whole seconds from one second up, three significant digits below.
    let ok = if x >= 1.0 {
        (back - x).abs() <= 0.5 + x * 1e-15
    } else {
        (back - x).abs() <= 0.005 * x + 1e-18
    };
    ensure(ok, || {
        format!("{x}s shown as {shown:?}, which reads {back}")
    })?;
    Ok(Verdict::Accepted)
}

fn check_count(s: &str) -> Result<Verdict, String> {
    let c = match Count::parse(s) {
        Ok(c) => c,
        Err(e) => return check_error(s, &e),
    };
    let x = c.to_f64();
    ensure(x.is_finite() && (0.0..=1e15).contains(&x), || {
        format!("count {x}")
    })?;
    let text = c.to_string();
    ensure(Count::parse(&text).as_ref() == Ok(&c), || {
        format!("{text:?} does not read back")
    })?;
    let compact = c.format_compact();
    ensure(!shows_non_finite(&compact), || {
        format!("compact {compact:?}")
    })?;
    if !compact.contains('≈') {
        ensure(Count::parse(&compact).as_ref() == Ok(&c), || {
            format!("compact {compact:?} does not read back")
        })?;
    }
    Ok(Verdict::Accepted)
}

fn check_rate(s: &str) -> Result<Verdict, String> {
    let r = match Rate::parse(s) {
        Ok(r) => r,
        Err(e) => return check_error(s, &e),
    };
    for &convention in Convention::OPTIONS {
        let per = r.per().seconds(convention);
        ensure(!per.is_zero(), || "a zero period".into())?;
        let x = r.per_second(convention);
        ensure(x.is_finite() && x >= 0.0, || format!("{x} per second"))?;
        for p in Period::STANDARD {
            let n = r.count_in_period(p, convention);
            ensure(n.is_finite() && n >= 0.0, || format!("{n} in a {p}"))?;
        }
    }
    let text = r.to_string();
    ensure(Rate::parse(&text).as_ref() == Ok(&r), || {
        format!("{text:?} does not read back")
    })?;
    ensure(!shows_non_finite(&r.format_compact()), || {
        r.format_compact()
    })?;
    Ok(Verdict::Accepted)
}

fn check_money(s: &str) -> Result<Verdict, String> {
    let m = match Money::parse(s) {
        Ok(m) => m,
        Err(e) => return check_error(s, &e),
    };
    let x = m.amount_f64();
    ensure(x.is_finite() && (0.0..=1e15).contains(&x), || {
        format!("amount {x}")
    })?;
    let text = m.to_string();
    ensure(Money::parse(&text).as_ref() == Ok(&m), || {
        format!("{text:?} does not read back")
    })?;
    ensure(!shows_non_finite(&m.format_compact()), || {
        m.format_compact()
    })?;
    Ok(Verdict::Accepted)
}

fn check_convention(s: &str) -> Result<Verdict, String> {
    let c = match s.parse::<Convention>() {
        Ok(c) => c,
        Err(e) => return check_error(s, &e),
    };
    ensure(c.id().parse::<Convention>() == Ok(c), || {
        format!("{c} does not read back")
    })?;
    Ok(Verdict::Accepted)
}

fn check_period(s: &str) -> Result<Verdict, String> {
    let p = match s.parse::<Period>() {
        Ok(p) => p,
        Err(e) => return check_error(s, &e),
    };
    for &c in Convention::OPTIONS {
        let secs = p.seconds(c);
        ensure(secs > 0 && secs <= 36_525 * 86_400, || {
            format!("{p}: {secs} s")
        })?;
        ensure(!shows_non_finite(&p.describe(c)), || p.describe(c))?;
    }
    ensure(p.id().parse::<Period>() == Ok(p), || {
        format!("{p} does not read back")
    })?;
    Ok(Verdict::Accepted)
}

fn check_service_hours(s: &str) -> Result<Verdict, String> {
    let h = match s.parse::<ServiceHours>() {
        Ok(h) => h,
        Err(e) => return check_error(s, &e),
    };
    ensure(h.weekly_minutes() <= 7 * 1_440, || {
        format!("{} minutes a week", h.weekly_minutes())
    })?;
    ensure(h.weekly_fraction() <= Ratio::ONE, || {
        "more than the whole week".into()
    })?;
    let text = h.to_string();
    ensure(text.parse::<ServiceHours>().as_ref() == Ok(&h), || {
        format!("{text:?} does not read back")
    })?;
    for p in Period::STANDARD {
        for &c in Convention::OPTIONS {
            if let Some(secs) = h.in_service_seconds(p, c) {
                ensure(
                    secs <= Ratio::from_integer(u128::from(p.seconds(c))),
                    || format!("more service time than the {p}"),
                )?;
            }
        }
    }
    Ok(Verdict::Accepted)
}

fn check_preset(s: &str) -> Result<Verdict, String> {
    let p = match s.parse::<Preset>() {
        Ok(p) => p,
        Err(e) => return check_error(s, &e),
    };
    ensure(p.id().parse::<Preset>() == Ok(p), || {
        format!("{p:?} does not read back")
    })?;
    Ok(Verdict::Accepted)
}

#[test]
fn fuzz_availability() {
    fuzz(
        "availability",
        PARSER_CASES,
        inputs(
            valid_availability(),
            availability_text(),
            AVAILABILITY_WORDS,
        ),
        |s| check_availability(s),
    );
}

#[test]
fn fuzz_decimal() {
    fuzz(
        "decimal",
        PARSER_CASES,
        inputs(clean_number(), spaced(number()), &[",", ".", "0", ".."]),
        |s| check_decimal(s),
    );
}

#[test]
fn fuzz_fraction() {
    fuzz(
        "fraction",
        PARSER_CASES,
        inputs(valid_fraction(), fraction_text(), &["%", "0.", "1", "100%"]),
        |s| check_fraction(s),
    );
}

#[test]
fn fuzz_duration() {
    fuzz(
        "duration",
        PARSER_CASES,
        inputs(valid_duration(), duration_text(), DURATION_UNITS),
        |s| check_duration(s),
    );
}

#[test]
fn fuzz_count() {
    fuzz(
        "count",
        PARSER_CASES,
        inputs(valid_count(), count_text(), COUNT_SUFFIXES),
        |s| check_count(s),
    );
}

#[test]
fn fuzz_rate() {
    fuzz(
        "rate",
        PARSER_CASES,
        inputs(valid_rate(), rate_text(), RATE_PERIODS),
        |s| check_rate(s),
    );
}

#[test]
fn fuzz_money() {
    fuzz(
        "money",
        PARSER_CASES,
        inputs(valid_money(), money_text(), &["$", "€", "USD", "k", "M"]),
        |s| check_money(s),
    );
}

#[test]
fn fuzz_convention() {
    fuzz(
        "convention",
        PARSER_CASES,
        inputs(
            word_text(CONVENTION_WORDS),
            word_text(CONVENTION_WORDS),
            CONVENTION_WORDS,
        ),
        |s| check_convention(s),
    );
}

#[test]
fn fuzz_period() {
    fuzz(
        "period",
        PARSER_CASES,
        inputs(valid_period(), period_text(), PERIOD_WORDS),
        |s| check_period(s),
    );
}

#[test]
fn fuzz_service_hours() {
    fuzz(
        "service_hours",
        PARSER_CASES,
        inputs(valid_service_hours(), service_hours_text(), DAY_SPECS),
        |s| check_service_hours(s),
    );
}

#[test]
fn fuzz_preset() {
    fuzz(
        "preset",
        PARSER_CASES,
        inputs(
            word_text(PRESET_WORDS),
            word_text(PRESET_WORDS),
            PRESET_WORDS,
        ),
        |s| check_preset(s),
    );
}

// ---------------------------------------------------------------------------
// The link decoder
// ---------------------------------------------------------------------------

/// The default scenario's JSON and its keys: every leaf and every object
/// (a whole struct may be given as JSON), dotted.
fn default_json() -> &'static (Value, Vec<String>) {
    static DEFAULT: OnceLock<(Value, Vec<String>)> = OnceLock::new();
    DEFAULT.get_or_init(|| {
        let value = serde_json::to_value(Scenario::default()).expect("the scenario is JSON");
        let mut keys = Vec::new();
        walk_json(&value, "", &mut |key, _| {
            if !key.is_empty() {
                keys.push(key.to_owned());
            }
        });
        (value, keys)
    })
}

fn lookup<'a>(root: &'a Value, key: &str) -> Option<&'a Value> {
    key.split('.')
        .try_fold(root, |node, k| node.as_object()?.get(k))
}

/// A tape of random numbers that [`mutate_json`] draws its choices from
/// (zeros once it runs out), so proptest can shrink the choices.
struct Tape<'a> {
    values: &'a [u64],
    at: usize,
}

impl Tape<'_> {
    fn next(&mut self) -> u64 {
        let v = self.values.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        v
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Numbers a JSON field may be set to.
fn wide_number(tape: &mut Tape) -> Value {
    let edges = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.5,
        1.5,
        2.0,
        1e-300,
        5e-324,
        1e300,
        -1e300,
        f64::MAX,
        f64::MIN,
        1e15,
        1e16,
        1e18,
        1e19,
        4294967296.0,
        1e-12,
        100.0,
        101.0,
        12.0,
        13.0,
        1e9,
    ];
    let x = match tape.below(6) {
        0 => edges[tape.below(edges.len() as u64) as usize],
        1 => f64::from_bits(tape.next()),
        2 => (tape.below(2_000) as f64) - 1_000.0,
        3 => tape.below(1_000_000) as f64 / 1_000_000.0,
        4 => return Value::from(tape.next()),
        _ => return Value::from(tape.next() as i64),
    };
    serde_json::Number::from_f64(x).map_or(Value::from(0), Value::Number)
}

/// Strings a JSON field may be set to: valid inputs of every parser, and
/// near misses.
const LINK_STRINGS: &[&str] = &[
    "99.9%",
    "100%",
    "0%",
    "12 nines",
    "300 nines",
    "3.5 nines",
    "1/1000",
    "1/0",
    "250%",
    "NaN",
    "inf",
    "",
    " ",
    "gregorian",
    "sre-book",
    "365d",
    "day",
    "month",
    "year",
    "1d",
    "36525d",
    "36526d",
    "0d",
    "24/7",
    "closed",
    "Mon-Fri 08:00-20:00",
    "Sun 23:59-24:00",
    "1000 rps",
    "0 per 30d",
    "1000000000000000 per 1ms",
    "1e15 per year",
    "2.6M per 30d",
    "$20M",
    "$0",
    "1000000000000000",
    "1e16",
    "excluded",
    "counted",
    "requests",
    "time",
    "workbook",
    "sloth",
    "pyrra",
    "custom",
    "serial",
    "parallel",
    "rollback",
    "fix-forward",
    "low",
    "normal",
    "critical",
    "2026-11-01T00:00:00Z",
    "1970-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "+262142-12-31T23:59:59Z",
    "-262143-01-01T00:00:00Z",
    "2026-02-30T00:00:00Z",
    "page",
    "ticket",
    "Page",
    "Ticket",
    "日本語",
    "a\nb",
    "\u{0}",
    "%",
];

/// A mutation of a JSON value, drawn from the tape: new numbers and strings,
/// lists cut, grown (to a hundred and more elements) or nested, fields
/// dropped or added, and values of the wrong type.
fn mutate_json(value: &Value, tape: &mut Tape, depth: u32) -> Value {
    if depth > 6 {
        return value.clone();
    }
    let choice = tape.below(16);
    match choice {
        0 => return Value::Null,
        1 => return wide_number(tape),
        2 => return Value::from(LINK_STRINGS[tape.below(LINK_STRINGS.len() as u64) as usize]),
        3 => return Value::Bool(tape.below(2) == 0),
        4 => return Value::Array(vec![]),
        5 => return Value::Object(serde_json::Map::new()),
        _ => {}
    }
    match value {
        Value::Number(_) => wide_number(tape),
        Value::String(_) if choice < 12 => {
            Value::from(LINK_STRINGS[tape.below(LINK_STRINGS.len() as u64) as usize])
        }
        Value::Array(items) if !items.is_empty() => match tape.below(4) {
            // Grown: up to a few hundred elements.
            0 => {
                let n = tape.below(260) as usize;
                Value::Array(
                    (0..n)
                        .map(|i| {
                            let item = &items[i % items.len()];
                            if tape.below(4) == 0 {
                                mutate_json(item, tape, depth + 1)
                            } else {
                                item.clone()
                            }
                        })
                        .collect(),
                )
            }
            // Nested: a list inside a list.
            1 => Value::Array(vec![Value::Array(items.clone()), items[0].clone()]),
            _ => Value::Array(
                items
                    .iter()
                    .map(|v| mutate_json(v, tape, depth + 1))
                    .collect(),
            ),
        },
        Value::Object(map) => {
            let mut out = serde_json::Map::new();
            for (k, v) in map {
                match tape.below(8) {
                    0 => {}
                    1 | 2 => {
                        out.insert(k.clone(), mutate_json(v, tape, depth + 1));
                    }
                    _ => {
                        out.insert(k.clone(), v.clone());
                    }
                }
            }
            if tape.below(8) == 0 {
                out.insert("unknown_field".into(), Value::from(1));
            }
            Value::Object(out)
        }
        other => other.clone(),
    }
}

/// Text for a value: typed near-valid text, float renderings the JSON
/// grammar lacks, parsers' inputs, or junk.
#[derive(Clone, Debug)]
struct LinkValue {
    kind: u8,
    tape: Vec<u64>,
    text: String,
}

fn link_value() -> impl Strategy<Value = LinkValue> {
    let text = prop_oneof![
        2 => availability_text(),
        1 => duration_text(),
        1 => rate_text(),
        1 => money_text(),
        1 => period_text(),
        1 => service_hours_text(),
        2 => number(),
        1 => junk(),
        1 => select(&[
            "NaN", "nan", "inf", "-inf", "Infinity", "1e999", "-1e999", "1e-999", "-0",
            "99999999999999999999999999999", "0x10", "1_000", "+1", "true", "false", "null",
            "[", "]", "{}", "[]", "[null]", "{\"a\":1}", "[[[[[]]]]]", "\"x\"",
        ][..])
        .prop_map(str::to_owned),
        1 => (1usize..3_000, select(&["[", "{\"a\":", "9", "%25", "a", "[1,"][..]))
            .prop_map(|(n, s)| s.repeat(n)),
    ];
    (0u8..8, prop::collection::vec(any::<u64>(), 0..48), text)
        .prop_map(|(kind, tape, text)| LinkValue { kind, tape, text })
}

/// One piece of a query string.
#[derive(Clone, Debug)]
struct Pair {
    key: u16,
    key_kind: u8,
    junk_key: String,
    value: LinkValue,
    shape: u8,
    encoding: u8,
}

fn pair() -> impl Strategy<Value = Pair> {
    (any::<u16>(), 0u8..16, junk(), link_value(), 0u8..16, 0u8..8).prop_map(
        |(key, key_kind, junk_key, value, shape, encoding)| Pair {
            key,
            key_kind,
            junk_key,
            value,
            shape,
            encoding,
        },
    )
}

/// The pair as query text.
fn pair_text(p: &Pair) -> String {
    let (default, keys) = default_json();
    let key = match p.key_kind {
        0 => ODD_KEYS[usize::from(p.key) % ODD_KEYS.len()].to_owned(),
        1 => p.junk_key.clone(),
        _ => keys[usize::from(p.key) % keys.len()].clone(),
    };
    let value = match (p.value.kind, lookup(default, &key)) {
        // JSON in the shape of the default there, mutated.
        (0..=3, Some(d)) => {
            let mut tape = Tape {
                values: &p.value.tape,
                at: 0,
            };
            match mutate_json(d, &mut tape, 0) {
                Value::String(s) => s,
                other => other.to_string(),
            }
        }
        (4, _) if key == "v" => {
            ["0", "1", "2", "999999999999", "-1", "x", ""][p.value.tape.len() % 7].to_owned()
        }
        _ => p.value.text.clone(),
    };
    let enc = |s: &str| match p.encoding {
        // Encoded as the app writes links.
        0..=3 => encode_component(s),
        // Raw: `&`, `=` and `%` in a value cut or mangle it.
        4 => s.to_owned(),
        // Only what would cut the pair, spaces as `+`.
        5 => s
            .replace('%', "%25")
            .replace('&', "%26")
            .replace('=', "%3D")
            .replace(' ', "+"),
        // Lower-case escapes.
        6 => encode_component(s).to_ascii_lowercase(),
        // Every byte escaped.
        _ => s.bytes().map(|b| format!("%{b:02X}")).collect(),
    };
    match p.shape {
        0 => enc(&key),
        1 => format!("{}==", enc(&key)),
        2 => format!("={}", enc(&value)),
        3 => String::new(),
        4 => format!("{}={}={}", enc(&key), enc(&value), enc(&value)),
        _ => format!("{}={}", enc(&key), enc(&value)),
    }
}

#[derive(Clone, Debug)]
struct Query {
    question: bool,
    pairs: Vec<Pair>,
    repeat_last: bool,
}

fn query() -> impl Strategy<Value = Query> {
    (
        any::<bool>(),
        prop::collection::vec(pair(), 0..14),
        any::<bool>(),
    )
        .prop_map(|(question, pairs, repeat_last)| Query {
            question,
            pairs,
            repeat_last,
        })
}

fn query_text(q: &Query) -> String {
    let mut parts: Vec<String> = q.pairs.iter().map(pair_text).collect();
    if q.repeat_last {
        if let Some(last) = parts.first().cloned() {
            parts.push(last);
        }
    }
    let body = parts.join("&");
    if q.question { format!("?{body}") } else { body }
}

fn check_decoded(query: &str, d: &Decoded) -> Result<(), String> {
    for n in &d.notices {
        let line = n.to_string();
        ensure(
            !line.trim().is_empty() && !line.contains('\n') && !line.contains('\r'),
            || format!("notice {line:?}"),
        )?;
        match n {
            Notice::InvalidValue { message, .. } => {
                ensure(!message.trim().is_empty(), || {
                    format!("no reason in {line:?}")
                })?;
                ensure(line.contains(" — using the default "), || {
                    format!("the notice does not say what is used instead: {line:?}")
                })?;
            }
            Notice::UnknownKey { .. } => {
                ensure(line.starts_with("Ignored unknown setting "), || {
                    line.clone()
                })?;
            }
            _ => {}
        }
    }
    // Strings of the scenario are the user's own text; only its numbers
    // must be finite.
    check_finite(&d.scenario, false)
        .map_err(|e| format!("{query:?} decodes to a non-finite input: {e}"))?;
    Ok(())
}

#[test]
fn fuzz_link() {
    fuzz(
        "link",
        LINK_CASES,
        prop_oneof![
            8 => query().prop_map(|q| query_text(&q)),
            1 => junk(),
            1 => soup(ODD_KEYS),
        ],
        |q| {
            let d = decode(q);
            check_decoded(q, &d)?;
            let report = evaluate(&d.scenario, nines_core::budget::STORY_NOW);
            check_report(&report)?;
            // What was decoded survives the app rewriting the link.
            let link = encode(&d.scenario);
            let back = decode(&link);
            ensure(
                back.notices.is_empty() && back.scenario == d.scenario,
                || {
                    format!(
                        "{link:?} decodes to {:?} with {:?}",
                        back.scenario, back.notices
                    )
                },
            )?;
            Ok(if d.notices.is_empty() {
                Verdict::Accepted
            } else {
                Verdict::Rejected
            })
        },
    );
}

// ---------------------------------------------------------------------------
// The harness itself
// ---------------------------------------------------------------------------

#[test]
fn the_detectors_detect() {
    assert!(shows_non_finite("NaN%"));
    assert!(shows_non_finite("-inf s"));
    assert!(shows_non_finite("≈inf%"));
    assert!(!shows_non_finite("information"));
    assert!(check_finite(&[1.0, f64::NAN], false).is_err());
    assert!(shows_negative_zero("-0s"));
    assert!(shows_negative_zero("spent -0.00% so far"));
    assert!(!shows_negative_zero("-0.5%"));
    assert!(!shows_negative_zero("2026-01-01, Mon-Fri 00:00-08:00"));
    assert!(check_finite(&Some(f64::NEG_INFINITY), false).is_err());
    assert!(check_finite(&("inf", 1.0), false).is_ok());
    assert!(check_finite(&("inf", 1.0), true).is_err());
    assert_eq!(
        mutate(
            "abc",
            &[Mutation {
                at: 1,
                kind: 1,
                c: 'x'
            }]
        ),
        "ac"
    );
    assert_eq!(
        mutate(
            "abc",
            &[Mutation {
                at: 4,
                kind: 0,
                c: 'x'
            }]
        ),
        "xabc"
    );
}

// ---------------------------------------------------------------------------
// Regressions: inputs the fuzzing found
// ---------------------------------------------------------------------------

/// Decodes a link, evaluates it and checks the report as the fuzzing does.
fn evaluated(query: &str) -> Report {
    let d = decode(query);
    check_decoded(query, &d).unwrap();
    let report = evaluate(&d.scenario, nines_core::budget::STORY_NOW);
    check_report(&report).unwrap();
    report
}

/// Found: a rate per 10^-37 s was accepted, and its canonical form
/// `0 per 0.0000000000000000000000000000000000001s` (37 decimals) did not
/// read back. Periods whose seconds need more digits than a decimal may
/// have are now refused.
#[test]
fn regression_rate_period_too_short_to_write() {
    let e = Rate::parse("0.0 per 0.0000000000000000000000000000000001ms").unwrap_err();
    check_error("0.0 per 0.0000000000000000000000000000000001ms", &e).unwrap();
    assert!(
        e.to_string().contains("more digits than can be kept exact"),
        "{e}"
    );
    // A millisecond is fine, and reads back.
    let r = Rate::parse("5 per 1ms").unwrap();
    assert_eq!(Rate::parse(&r.to_string()).unwrap(), r);
}

/// Found: `20.000000000000000000000000000000001w` is 12096000.0000000000
/// 000000000000000006048 s, 42 significant digits: the rate's canonical form
/// did not read back.
#[test]
fn regression_rate_period_with_too_many_digits() {
    let s = "0 per 20.000000000000000000000000000000001w";
    check_error(s, &Rate::parse(s).unwrap_err()).unwrap();
    assert!(matches!(check_rate("7 per 20.5w"), Ok(Verdict::Accepted)));
}

/// Found: a negative zero from a link was echoed in a note as `-0 s`.
#[test]
fn regression_negative_zero_in_a_note() {
    // Link version 1 held the period in seconds; version 2 holds a rate,
    // and a period of -0 s makes none: the link says so, in the rate's words.
    let query = "v=1&delivery.deployment_period_seconds=-0";
    let d = decode(query);
    check_decoded(query, &d).unwrap();
    assert_eq!(d.scenario, Scenario::default());
    assert!(
        matches!(&d.notices[..], [Notice::Migrated { from: 1 }, Notice::InvalidValue { key, value, message, .. }]
            if key == "delivery.deployment_frequency" && value == "10 per -0s"
                && message.contains("give a period like")),
        "{:?}",
        d.notices
    );
    // A period outside 1 s..=1e12 s is still repaired with a note.
    let r = evaluated("delivery.deployment_frequency=1%20per%200.5s");
    assert!(
        r.delivery
            .notes
            .iter()
            .any(|n| n.starts_with("The deployment frequency's period (0.5 s) is not between")),
        "{:?}",
        r.delivery.notes
    );
}

/// Found: a negative elapsed time too small to show was displayed `-0ms`.
#[test]
fn regression_negative_zero_duration() {
    let r = evaluated("budget.elapsed_seconds=-5e-324");
    assert_eq!(r.budget.elapsed_display, "0ns");
    assert_eq!(format_duration(-5e-324), "0ns");
    assert_eq!(format_duration(-0.4), "-400ms");
}

/// Found: with a 300-nines target the incidents' share of the budget is
/// about 1.8 × 10^306; as a percentage (× 100) it overflowed to infinity and
/// the spend was displayed as `inf%`, beside 300-digit percentages.
/// Percentages from 10^15 % up are now written with a power of ten.
#[test]
fn regression_spend_percentage_overflows() {
    let r = evaluated("incidents.time_to_detect_seconds=18909905315194&target=300%20nines");
    assert!(r.spend.total.is_some_and(f64::is_finite), "{:?}", r.spend);
    assert_eq!(r.spend.fits, Some(false));
    assert!(
        r.spend
            .display
            .starts_with("≈1.8e308% of the budget (dependencies ≈1.54e298%"),
        "{}",
        r.spend.display
    );
}

/// Found: a cost optimum just below zero nines was noted as
/// `(-0.00 nines) lies outside 0..=12 nines`.
#[test]
fn regression_cost_optimum_just_below_zero() {
    let r = evaluated("cost.model.revenue_per_year=24.5");
    assert!(
        r.cost
            .notes
            .iter()
            .any(|n| n
                == "The cheapest level lies just outside 0..=12 nines: the nearest end is shown."),
        "{:?}",
        r.cost.notes
    );
}

/// Found (at 10^6 inputs): a deployment frequency of `-0` passed the
/// non-negative check unchanged and the support section wrote "Demand is low
/// (-0 deployments a week, …)". Clamped inputs are now never -0.
#[test]
fn regression_negative_zero_deployments() {
    // Since link version 2 the frequency is a rate, whose count is never
    // negative (a version-1 `-0` is refused by the rate's parser); zero
    // deployments still read as 0, not -0.
    let r = evaluated("target=0.0&delivery.deployment_frequency=0%20per%20week");
    assert!(
        r.support
            .recommendation
            .reason
            .starts_with("Demand is low (0 deployments a week"),
        "{}",
        r.support.recommendation.reason
    );
}

/// Found (at 10^6 inputs): `0.0 inf` was read as no money in a currency
/// called INF (any three letters make a code), shown as `0 INF`; `NaN` and
/// `inf` are now never currency codes.
#[test]
fn regression_money_in_a_currency_called_inf() {
    for s in ["0.0 inf", "5 NaN", "INF 3"] {
        let e = Money::parse(s).unwrap_err();
        check_error(s, &e).unwrap();
    }
    assert_eq!(Money::parse("5 USD").unwrap().to_string(), "5 USD");
}

/// Found (at 10^6 inputs): a target of 100.000000000000000000000000000000000001
/// (refused: too many digits) was taken by the link decoder's fallback as
/// the JSON number 100.0, i.e. a 100% target; with weekly deployments the
/// support section then wrote "Not chosen: at inf nines …". The fallback no
/// longer reads a refused string input as a lossy number, and the support
/// section names a 100% target as such.
#[test]
fn regression_lossy_number_fallback_and_inf_nines() {
    let d = decode("target=100.000000000000000000000000000000000001");
    assert_eq!(d.scenario.target, Scenario::default().target);
    assert!(
        matches!(&d.notices[..], [Notice::InvalidValue { key, .. }] if key == "target"),
        "{:?}",
        d.notices
    );
    let r = evaluated("v=1&delivery.deployment_period_seconds=4294967296.0&target=100%25");
    let reasons: Vec<&str> = r
        .support
        .recommendation
        .alternatives
        .iter()
        .map(|a| a.reason.as_str())
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("Not chosen: at 100% the target is within")),
        "{reasons:?}"
    );
}
