//! Does nothing: the cost of starting a Rust program, for nkru's start to be measured against.

fn main() {}
