//! Criterion benchmark of `evaluate` on the default scenario (goal
//! ≤ 20 µs native). criterion 0.5 is built with default features off, so
//! the report is the plain console output.
//!
//! Run: `cargo bench -p nines-core --bench evaluate -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use nines_core::scenario::{Scenario, evaluate};

fn bench_evaluate(c: &mut Criterion) {
    let scenario = Scenario::default();
    c.bench_function("evaluate(default scenario)", |b| {
        b.iter(|| evaluate(black_box(&scenario), nines_core::budget::STORY_NOW))
    });
}

criterion_group!(benches, bench_evaluate);
criterion_main!(benches);
