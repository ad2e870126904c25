//! A chart image as the page describes it: the series it shows (their
//! points, colour and dash), the markers, the axes and how their ticks are
//! written, the caption. The page writes it as JSON and the second module
//! reads it back and draws it ([`ImageSpec::svg_of_json`]), so the drawing
//! code (plotters) is fetched only when someone downloads an image.

use serde::{Deserialize, Serialize};

use crate::geometry::Axis;
use crate::render::{render_svg, ChartImage, ImageMarker, ImageSeries};

/// How an axis writes its tick labels, on the page and in the image.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum TickFormat {
    /// A plain number, to two decimals at most (`3`, `3.5`).
    Number,
    /// Seconds as a duration (`1m`, `1h`, `1d`).
    Duration,
    /// A percentage of a fraction (`0.25` → `25%`).
    Percent,
    /// Money, short (`$500k`, `£1.5M`), in the scenario's currency: axis
    /// labels stay narrow.
    Money(nines_core::amount::Currency),
}

impl TickFormat {
    /// The label for `v`.
    ///
    /// ```
    /// use nines_charts::image::TickFormat;
    /// assert_eq!(TickFormat::Number.format(3.456), "3.46");
    /// assert_eq!(TickFormat::Duration.format(3_600.0), "1h");
    /// assert_eq!(TickFormat::Percent.format(0.25), "25%");
    /// ```
    pub fn format(self, v: f64) -> String {
        match self {
            TickFormat::Number => format!("{}", (v * 100.0).round() / 100.0),
            TickFormat::Duration => nines_core::duration::format_duration(v),
            TickFormat::Percent => format!("{}%", (v * 1000.0).round() / 10.0),
            TickFormat::Money(c) => nines_core::display::money_short_in(v, c),
        }
    }
}

/// One line of the image.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpecSeries {
    pub name: String,
    pub points: Vec<(f64, f64)>,
    /// Stroke colour, RGB.
    pub colour: (u8, u8, u8),
    pub dashed: bool,
}

/// A vertical marker of the image.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpecMarker {
    pub x: f64,
    pub label: String,
}

/// Everything an image shows, owned, as the page sends it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImageSpec {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub x: Axis,
    pub y: Axis,
    pub series: Vec<SpecSeries>,
    pub markers: Vec<SpecMarker>,
    pub x_tick: TickFormat,
    pub y_tick: TickFormat,
    pub y_ticks_at: Option<Vec<f64>>,
    pub caption: String,
    /// The image's size in pixels.
    pub width: u32,
    pub height: u32,
}

impl ImageSpec {
    /// The image as a standalone SVG document, or why it cannot be drawn.
    pub fn svg(&self) -> Result<String, String> {
        let (x_format, y_format) = (self.x_tick, self.y_tick);
        let x_tick = move |v| x_format.format(v);
        let y_tick = move |v| y_format.format(v);
        let chart = ChartImage {
            title: &self.title,
            x_label: &self.x_label,
            y_label: &self.y_label,
            x: self.x,
            y: self.y,
            series: self
                .series
                .iter()
                .map(|s| ImageSeries {
                    name: &s.name,
                    points: &s.points,
                    colour: s.colour,
                    dashed: s.dashed,
                })
                .collect(),
            markers: self
                .markers
                .iter()
                .map(|m| ImageMarker {
                    x: m.x,
                    label: &m.label,
                })
                .collect(),
            x_tick: &x_tick,
            y_tick: &y_tick,
            y_ticks_at: self.y_ticks_at.as_deref(),
            caption: &self.caption,
        };
        render_svg(&chart, self.width, self.height).map_err(|e| e.to_string())
    }

    /// [`ImageSpec::svg`] of the page's JSON; a spec that does not read is
    /// refused with the reason.
    pub fn svg_of_json(json: &str) -> Result<String, String> {
        let spec: ImageSpec = serde_json::from_str(json)
            .map_err(|e| format!("the chart's description does not read: {e}"))?;
        spec.svg()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the page sends comes back as the same drawing: a spec written
    /// as JSON and read again draws the image the spec itself draws, and
    /// the image carries the page's words (title, series, marker, caption)
    /// and ticks written as the page writes them ($ money, durations).
    #[test]
    fn a_spec_survives_json_and_draws() {
        let spec = ImageSpec {
            title: "Cost per year".into(),
            x_label: "nines".into(),
            y_label: "cost".into(),
            x: Axis::Linear(2.0, 5.0),
            y: Axis::Log(100.0, 1e6),
            series: vec![SpecSeries {
                name: "Total".into(),
                points: vec![(2.0, 1_000.0), (3.0, 10_000.0), (5.0, 500_000.0)],
                colour: (36, 86, 166),
                dashed: false,
            }],
            markers: vec![SpecMarker {
                x: 3.3,
                label: "target 99.95%".into(),
            }],
            x_tick: TickFormat::Number,
            y_tick: TickFormat::Money(nines_core::amount::Currency::default()),
            y_ticks_at: None,
            caption: "Nines — http://example/?v=5".into(),
            width: 960,
            height: 600,
        };
        let json = serde_json::to_string(&spec).unwrap();
        let svg = ImageSpec::svg_of_json(&json).unwrap();
        assert_eq!(svg, spec.svg().unwrap());
        for words in [
            "Cost per year",
            "Total",
            "target 99.95%",
            "Nines — http://example/?v=5",
            "$10k",
        ] {
            assert!(svg.contains(words), "{words} missing");
        }
        assert!(ImageSpec::svg_of_json("{")
            .unwrap_err()
            .starts_with("the chart's description does not read"));
    }
}
