//! The charts' shared ground: `geometry` (the axis maths of the page's
//! interactive SVG and of the images), `image` (what an image shows, as the
//! page hands it to the second module) and `render` (the image drawn by
//! plotters). The page links `geometry` and `image`; only the second wasm
//! module (`lazy/`) links `render`, so plotters is not in a first visit.

pub mod geometry;
pub mod image;
pub mod render;
