use std::process::ExitCode;

fn main() -> ExitCode {
    xuncha::cli::main()
}
