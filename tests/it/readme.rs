//! Runs the console examples of README.md, so the documentation cannot drift from the tool.

#[test]
fn readme_examples() {
    // The README shows what a terminal of 100 columns shows: tables fitted to that width.
    // A UTF-8 locale, as most terminals have; empty variables count as unset.
    trycmd::TestCases::new()
        .env("NKRU_FORMAT", "table")
        .env("COLUMNS", "100")
        .env("LC_ALL", "")
        .env("LC_CTYPE", "")
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "")
        .case("README.md");
}
