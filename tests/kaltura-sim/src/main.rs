//! `kaltura-sim --port PORT [--fixtures DIR]`. TODO(sim helper).
fn main() {}
