//! The C maths functions that serving's dependencies call, written in Rust.
//!
//! tokio's multi-threaded scheduler (its statistics of task poll times) calls
//! `pow`, and num-bigint (russh's big numbers) `log2` in unoptimised builds.
//! Nothing else in the binary calls into C's maths, and glibc keeps it in a
//! library of its own, `libm`. Loading `libm` cost every start of the
//! binary, the local reader's too, 0.1-0.2 ms: most of what serving had
//! added to the reader's start-up (BENCHMARKS.md, "Start-up, fourth run").
//! With the functions defined here the linker takes them, and the binary
//! needs no `libm`.
// The crate's one exception to `unsafe_code`: `no_mangle` names a symbol
// that the linker must not find twice. It is not: no C maths library is
// linked any more (`tests/cli.rs` checks that the binary loads none).
#![allow(unsafe_code)]

/// `x` to the power `y`, as C's `pow` (the `libm` crate: musl's algorithm).
#[unsafe(no_mangle)]
pub extern "C" fn pow(x: f64, y: f64) -> f64 {
    libm::pow(x, y)
}

/// The base-2 logarithm of `x`, as C's `log2`.
#[unsafe(no_mangle)]
pub extern "C" fn log2(x: f64) -> f64 {
    libm::log2(x)
}

#[cfg(test)]
mod tests {
    use super::{log2, pow};

    #[test]
    fn they_are_the_c_functions() {
        assert!((pow(2.0, 10.0) - 1024.0).abs() < f64::EPSILON);
        assert!((pow(0.5, 3.0) - 0.125).abs() < f64::EPSILON);
        assert!((pow(9.0, 0.5) - 3.0).abs() < 1e-15);
        // What tokio computes: a weight from the number of tasks polled.
        assert!((pow(0.9, 3.0) - 0.729).abs() < 1e-15);
        assert!(pow(-1.0, 0.5).is_nan());
        assert!((pow(f64::NAN, 0.0) - 1.0).abs() < f64::EPSILON);
        assert!((log2(1024.0) - 10.0).abs() < f64::EPSILON);
        assert!((log2(3.0) - 1.584_962_500_721_156).abs() < 1e-15);
        assert!(log2(0.0).is_infinite() && log2(0.0) < 0.0);
        assert!(log2(-1.0).is_nan());
    }
}
