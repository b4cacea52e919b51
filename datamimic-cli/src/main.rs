//! The `datamimic` command.

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

fn main() -> ExitCode {
    if let Err(err) = datamimic_export::staging::remove_on_interrupt() {
        eprintln!("datamimic: error: {err:#}");
        return ExitCode::FAILURE;
    }
    let cli = match datamimic_cli::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err)
            if matches!(
                err.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
            ) =>
        {
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            // clap's usage errors span several lines; keep the cause on one.
            let text = err.render().to_string();
            let cause: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with("For more information"))
                .collect();
            eprintln!("datamimic: {} (see `datamimic --help`)", cause.join(" "));
            return ExitCode::from(2);
        }
    };
    match datamimic_cli::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stopped reading (`datamimic generate Person -n 1e9 | head`) ends the
        // run quietly, but not as a success: the records after that point were lost. 141 is
        // what a shell reports for a process that SIGPIPE ended.
        Err(err)
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::from(141)
        }
        Err(err) => {
            // One line: the causes joined by ": ".
            eprintln!("datamimic: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
