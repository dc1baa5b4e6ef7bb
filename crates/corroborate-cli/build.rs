//! Link the binary as a position-dependent executable on Linux: the loader then has no relocations to
//! apply at start-up, which is most of the start-up cost of a short command (`extract`, one-shot runs).
fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
