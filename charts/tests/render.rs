//! The downloadable chart image: a standalone, well-formed SVG document
//! carrying every word of the chart, and no panic on bad data.
//!
//! Native only: on wasm32 plotters measures text in the DOM, which a plain
//! `#[test]` has no page for.
#![cfg(not(target_arch = "wasm32"))]

use nines_charts::geometry::Axis;
use nines_charts::render::{
    render_svg, ChartImage, ImageMarker, ImageSeries, RenderError, MAX_SIDE, MIN_SIZE,
};

const COST: [(f64, f64); 4] = [
    (2.0, 120.0),
    (3.0, 1_500.0),
    (4.0, 18_000.0),
    (5.0, 250_000.0),
];
const BUDGET: [(f64, f64); 4] = [(2.0, 40_000.0), (3.0, 4_000.0), (4.0, 400.0), (5.0, 40.0)];

fn dollars(v: f64) -> String {
    format!("${v}")
}

fn decade(v: f64) -> String {
    format!("10^{}", v.log10().round())
}

fn nines(v: f64) -> String {
    format!("{v} nines")
}

fn chart() -> ChartImage<'static> {
    ChartImage {
        title: "Cost & value of each nine",
        x_label: "Availability (nines)",
        y_label: "Dollars per month",
        x: Axis::Linear(2.0, 5.0),
        y: Axis::Log(10.0, 1_000_000.0),
        series: vec![
            ImageSeries {
                name: "Engineering cost",
                points: &COST,
                colour: (37, 99, 235),
                dashed: false,
            },
            ImageSeries {
                name: "Downtime cost",
                points: &BUDGET,
                colour: (220, 38, 38),
                dashed: true,
            },
        ],
        markers: vec![
            ImageMarker {
                x: 3.5,
                label: "Target 99.95%",
            },
            ImageMarker {
                x: 4.2,
                label: "Optimum <here>",
            },
        ],
        x_tick: &nines,
        y_tick: &decade,
        y_ticks_at: None,
        caption: "Convention: 30-day rolling window, 365.25-day year. \
                  Scenario: https://example.test/nines/?v=1&target=99.95&window=30d&dependencies=db:99.99,cache:99.9",
    }
}

/// A strict little well-formedness check (one root element, balanced and
/// properly nested tags, quoted attributes, known entities, no stray `<` or
/// `&`), enough for the subset of XML an SVG writer emits. Returns the root
/// element's opening tag.
fn check_xml(doc: &str) -> Result<String, String> {
    fn check_text(text: &str) -> Result<(), String> {
        if text.contains('<') {
            return Err(format!("stray '<' in {text:?}"));
        }
        let mut rest = text;
        while let Some(i) = rest.find('&') {
            let tail = &rest[i + 1..];
            let end = tail
                .find(';')
                .ok_or_else(|| format!("unterminated entity in {text:?}"))?;
            let name = &tail[..end];
            let ok = matches!(name, "lt" | "gt" | "amp" | "quot" | "apos")
                || name
                    .strip_prefix("#x")
                    .is_some_and(|h| u32::from_str_radix(h, 16).is_ok())
                || name
                    .strip_prefix('#')
                    .is_some_and(|d| d.parse::<u32>().is_ok());
            if !ok {
                return Err(format!("unknown entity &{name};"));
            }
            rest = &tail[end + 1..];
        }
        if text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            return Err(format!("control character in {text:?}"));
        }
        Ok(())
    }
    fn is_name(s: &str) -> bool {
        let mut chars = s.chars();
        chars
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_' || c == ':')
            && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | ':' | '-' | '.'))
    }

    let mut rest = doc.trim_start();
    if let Some(after) = rest.strip_prefix("<?xml") {
        rest = after[after.find("?>").ok_or("unterminated declaration")? + 2..].trim_start();
    }
    let mut stack: Vec<String> = Vec::new();
    let mut root = None;
    loop {
        let lt = match rest.find('<') {
            Some(i) => i,
            None => {
                check_text(rest)?;
                if !rest.trim().is_empty() {
                    return Err(format!("text after the root element: {rest:?}"));
                }
                break;
            }
        };
        let text = &rest[..lt];
        check_text(text)?;
        if stack.is_empty() && !text.trim().is_empty() {
            return Err(format!("text outside the root element: {text:?}"));
        }
        rest = &rest[lt + 1..];
        let gt = rest.find('>').ok_or("unterminated tag")?;
        let tag = &rest[..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            match stack.pop() {
                Some(open) if open == name.trim() => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
            continue;
        }
        if stack.is_empty() && root.is_some() {
            return Err("a second root element".into());
        }
        let (body, self_closing) = match tag.strip_suffix('/') {
            Some(body) => (body, true),
            None => (tag, false),
        };
        let name_end = body.find(char::is_whitespace).unwrap_or(body.len());
        let name = &body[..name_end];
        if !is_name(name) {
            return Err(format!("bad element name {name:?}"));
        }
        let mut attrs = body[name_end..].trim();
        let mut seen = Vec::new();
        while !attrs.is_empty() {
            let eq = attrs
                .find('=')
                .ok_or_else(|| format!("attribute without value in <{tag}>"))?;
            let key = attrs[..eq].trim();
            if !is_name(key) || seen.contains(&key) {
                return Err(format!("bad or repeated attribute {key:?} in <{name}>"));
            }
            seen.push(key);
            let value = attrs[eq + 1..].trim_start();
            let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'');
            let quote = quote.ok_or_else(|| format!("unquoted attribute {key} in <{name}>"))?;
            let close = value[1..].find(quote).ok_or("unterminated attribute")?;
            check_text(&value[1..1 + close])?;
            attrs = value[close + 2..].trim_start();
        }
        if root.is_none() {
            root = Some(format!("<{tag}>"));
        }
        if !self_closing {
            stack.push(name.to_string());
        }
    }
    if !stack.is_empty() {
        return Err(format!("unclosed elements {stack:?}"));
    }
    root.ok_or_else(|| "no root element".into())
}

/// The content of every `<text>` element, unescaped.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|s| {
            let body = &s[s.find('>')? + 1..];
            let body = &body[..body.find("</text>")?];
            Some(
                body.trim()
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&"),
            )
        })
        .collect()
}

#[test]
fn the_checker_rejects_broken_xml() {
    assert!(check_xml("<svg><text>a</text></svg>").is_ok());
    for bad in [
        "<svg><text>a</svg></text>",
        "<svg>",
        "<svg x=1/>",
        "<svg>a & b</svg>",
        "<svg/><svg/>",
        "<svg>\u{1}</svg>",
        "<svg a=\"1\" a=\"2\"/>",
    ] {
        assert!(check_xml(bad).is_err(), "{bad:?} should fail");
    }
}

#[test]
fn the_image_is_a_standalone_well_formed_svg_of_the_requested_size() {
    let svg = render_svg(&chart(), 800, 500).unwrap();
    let root = check_xml(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    assert!(root.starts_with("<svg "), "{root}");
    assert!(
        root.contains("xmlns=\"http://www.w3.org/2000/svg\""),
        "{root}"
    );
    assert!(
        root.contains("width=\"800\"") && root.contains("height=\"500\""),
        "{root}"
    );
    assert!(root.contains("viewBox=\"0 0 800 500\""), "{root}");
    // White background: the first shape fills the whole image.
    assert!(
        svg.contains(
            "<rect x=\"0\" y=\"0\" width=\"800\" height=\"500\" opacity=\"1\" fill=\"#FFFFFF\""
        ),
        "{svg}"
    );
    assert!(svg.contains("<title>Cost &amp; value of each nine</title>"));
}

#[test]
fn every_word_of_the_chart_is_in_the_image() {
    let svg = render_svg(&chart(), 800, 500).unwrap();
    let texts = texts(&svg);
    for word in [
        "Cost & value of each nine",
        "Availability (nines)",
        "Dollars per month",
        "Engineering cost",
        "Downtime cost",
        "Target 99.95%",
        "Optimum <here>",
        "2 nines",
        "5 nines",
    ] {
        assert!(texts.iter().any(|t| t == word), "{word:?} not in {texts:?}");
    }
    let caption = texts
        .iter()
        .filter(|t| !t.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        caption.contains("Convention: 30-day rolling window"),
        "{texts:?}"
    );
    assert!(caption.contains("dependencies=db:99.99"), "{texts:?}");
    // Series in their colours, the dashed one as many short strokes.
    assert!(svg.contains("stroke=\"#2563EB\""));
    assert!(svg.matches("stroke=\"#DC2626\"").count() > 5);
}

#[test]
fn a_log_axis_labels_its_decades_with_the_formatter() {
    let svg = render_svg(&chart(), 800, 500).unwrap();
    let texts = texts(&svg);
    for k in 1..=6 {
        let label = format!("10^{k}");
        assert!(texts.contains(&label), "{label} not in {texts:?}");
    }
    // Only decades: plotters' own light ticks (20, 30, …) are not used.
    assert!(
        !texts.iter().any(|t| t == "10^1.3" || t.starts_with("$")),
        "{texts:?}"
    );
}

#[test]
fn linear_axes_use_the_formatter_too() {
    let mut c = chart();
    c.y = Axis::Linear(0.0, 300_000.0);
    c.y_tick = &dollars;
    let texts = texts(&render_svg(&c, 640, 400).unwrap());
    assert!(texts.contains(&"$0".to_string()), "{texts:?}");
    assert!(texts.contains(&"$300000".to_string()), "{texts:?}");
}

#[test]
fn bad_points_are_skipped_without_panicking() {
    let nasty = [
        (f64::NAN, 1.0),
        (2.5, f64::INFINITY),
        (3.0, f64::NEG_INFINITY),
        (f64::INFINITY, f64::NAN),
        (3.5, -100.0), // not drawable on the log axis
        (4.0, 0.0),
        (4.5, 1e300),
        (-1e300, 50.0),
    ];
    let empty: [(f64, f64); 0] = [];
    let mut c = chart();
    c.series = vec![
        ImageSeries {
            name: "Nasty",
            points: &nasty,
            colour: (0, 0, 0),
            dashed: false,
        },
        ImageSeries {
            name: "Empty",
            points: &empty,
            colour: (0, 128, 0),
            dashed: true,
        },
    ];
    c.markers.push(ImageMarker {
        x: f64::NAN,
        label: "NaN marker",
    });
    c.markers.push(ImageMarker {
        x: 99.0,
        label: "Off the axis",
    });
    let svg = render_svg(&c, 640, 400).unwrap();
    check_xml(&svg).unwrap();
    let texts = texts(&svg);
    assert!(texts.contains(&"Nasty".to_string()) && texts.contains(&"Empty".to_string()));
    assert!(!texts
        .iter()
        .any(|t| t == "NaN marker" || t == "Off the axis"));
    assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
}

#[test]
fn axes_with_nothing_to_draw_are_errors_not_panics() {
    for (x, y) in [
        (Axis::Linear(1.0, 1.0), Axis::Linear(0.0, 1.0)),
        (Axis::Linear(f64::NAN, 1.0), Axis::Linear(0.0, 1.0)),
        (Axis::Linear(0.0, 1.0), Axis::Linear(0.0, f64::INFINITY)),
        (Axis::Linear(5.0, 1.0), Axis::Linear(0.0, 1.0)),
        (Axis::Linear(-f64::MAX, f64::MAX), Axis::Linear(0.0, 1.0)),
        (Axis::Linear(0.0, 1.0), Axis::Log(0.0, 100.0)),
        (Axis::Linear(0.0, 1.0), Axis::Log(-1.0, 100.0)),
    ] {
        let mut c = chart();
        c.x = x;
        c.y = y;
        match render_svg(&c, 640, 400) {
            Err(RenderError::Domain { .. }) => {}
            other => panic!("{x:?} {y:?}: {other:?}"),
        }
    }
}

#[test]
fn sizes_outside_the_limits_are_errors() {
    for (w, h) in [
        (0, 0),
        (MIN_SIZE.0 - 1, 400),
        (640, MIN_SIZE.1 - 1),
        (MAX_SIDE + 1, 400),
    ] {
        assert_eq!(
            render_svg(&chart(), w, h),
            Err(RenderError::Size {
                width: w,
                height: h
            })
        );
    }
    let smallest = render_svg(&chart(), MIN_SIZE.0, MIN_SIZE.1).unwrap();
    check_xml(&smallest).unwrap();
    let largest = render_svg(&chart(), MAX_SIDE, MAX_SIDE).unwrap();
    check_xml(&largest).unwrap();
}

#[test]
fn hostile_text_stays_well_formed() {
    let mut c = chart();
    c.title = "\"quotes\" & 'apostrophes' </svg> \u{0}\u{1b}[31m\nnew line";
    c.caption = "";
    c.x_label = "";
    c.y_label = "";
    c.markers.clear();
    c.series[0].name = "<script>alert(1)</script>";
    c.y_tick = &|_| "\u{7}<&>".to_string();
    let svg = render_svg(&c, 640, 400).unwrap();
    check_xml(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    assert!(!svg.contains("<script>"));
}

#[test]
fn a_long_caption_is_wrapped_and_cut_to_fit() {
    let words = "word ".repeat(400);
    let mut c = chart();
    c.caption = &words;
    let svg = render_svg(&c, 400, 300).unwrap();
    check_xml(&svg).unwrap();
    let lines: Vec<String> = texts(&svg)
        .into_iter()
        .filter(|t| t.starts_with("word"))
        .collect();
    assert!((1..=4).contains(&lines.len()), "{lines:?}");
    assert!(lines.last().unwrap().ends_with('…'), "{lines:?}");
}
