//! `--help` in the user's language: the clap command tree is localized at
//! run time, before parsing, from the catalogue (`locales/<lang>/help.ftl`).
//!
//! Ids:
//! - a command's one-line description: `cmd-<path>` (`cmd-xuncha`,
//!   `cmd-plan`, `cmd-training-report`);
//! - a flag or positional: `arg-<path>-<id>`, else the shared `arg-<id>`
//!   (`arg-plan-time-limit`; `arg-scenario`, `arg-format` for all commands);
//! - a value placeholder: `value-<name>` (`<SECONDS>` → `value-seconds`);
//! - an optional note after a command's examples: `cmd-<path>-note`.
//!
//! clap's own words (the `Usage:`/`Options:` headings, `[OPTIONS]`, the
//! help and version flags, the `help` command, `[default: …]`) are replaced
//! with the catalogue's. A test walks the tree and fails when any command,
//! flag or placeholder lacks its id in either language.

use std::ffi::OsString;

use clap::{Arg, ArgAction, Command};

use super::{UsageProblem, ValueError};

use crate::report::i18n::Words;
use crate::t;

/// A command path as the ids write it: `plan`, `training-report`.
fn path_id(path: &[&str]) -> String {
    path.join("-")
}

/// The catalogue id of a command's description.
pub fn command_id(path: &[&str]) -> String {
    if path.is_empty() {
        "cmd-xuncha".to_string()
    } else {
        format!("cmd-{}", path_id(path))
    }
}

/// The catalogue ids an argument's description may have, most specific first.
pub fn arg_ids(path: &[&str], arg: &str) -> [String; 2] {
    let arg = arg.replace('_', "-");
    let specific = if path.is_empty() {
        format!("arg-{arg}")
    } else {
        format!("arg-{}-{arg}", path_id(path))
    };
    [specific, format!("arg-{arg}")]
}

/// The catalogue id of a value placeholder.
pub fn value_id(name: &str) -> String {
    let id: String = name
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("value-{id}")
}

/// An argument's value placeholders as clap shows them.
fn value_names(a: &Arg) -> Vec<String> {
    match a.get_value_names() {
        Some(v) if !v.is_empty() => v.iter().map(|s| s.to_string()).collect(),
        _ => vec![a.get_id().as_str().to_ascii_uppercase()],
    }
}

fn takes_value(a: &Arg) -> bool {
    a.get_action().takes_values()
}

/// The description of argument `a` of the command at `path`, with its
/// default and choices in the language's words.
fn arg_help(w: &Words, path: &[&str], a: &Arg) -> String {
    let id = a.get_id().as_str();
    let mut text = arg_ids(path, id)
        .iter()
        .find(|i| w.has(i))
        .map(|i| w.get(i))
        .unwrap_or_default();
    let choices: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !choices.is_empty() && takes_value(a) {
        text.push_str(&t!(w, "help-choices", values = w.list(&choices)));
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && takes_value(a) {
        text.push_str(&t!(w, "help-default", value = defaults.join(" ")));
    }
    text
}

fn localize_arg(w: &Words, path: &[&str], a: Arg) -> Arg {
    let help = arg_help(w, path, &a);
    let mut a = a.help(help).long_help(None);
    if takes_value(&a) {
        // `--time-limit -5` is a value out of range, not an unknown flag.
        a = a
            .allow_negative_numbers(true)
            .hide_default_value(true)
            .hide_possible_values(true);
        let names: Vec<String> = value_names(&a)
            .iter()
            .map(|n| {
                let id = value_id(n);
                if w.has(&id) {
                    w.get(&id)
                } else {
                    n.clone()
                }
            })
            .collect();
        a = a.value_names(names);
    }
    a
}

/// Headings and layout of every help page.
fn template(w: &Words, cmd: &Command) -> String {
    let mut t = String::from("{about-with-newline}\n");
    t.push_str(&t!(w, "help-usage"));
    t.push_str("{usage}\n");
    if cmd.has_subcommands() {
        t.push('\n');
        t.push_str(&t!(w, "help-commands"));
        t.push_str("\n{subcommands}\n");
    }
    if cmd.get_positionals().next().is_some() {
        t.push('\n');
        t.push_str(&t!(w, "help-arguments"));
        t.push_str("\n{positionals}\n");
    }
    t.push('\n');
    t.push_str(&t!(w, "help-options"));
    t.push_str("\n{options}");
    t.push_str("{after-help}\n");
    t
}

/// Examples (the derive's `after_help`, command lines only) under the
/// language's heading, then the command's note, if any.
fn after_help(w: &Words, path: &[&str], cmd: &Command) -> Option<String> {
    let examples = cmd.get_after_help().map(|s| s.to_string());
    let note_id = format!("{}-note", command_id(path));
    let note = w.has(&note_id).then(|| w.get(&note_id));
    if examples.is_none() && note.is_none() {
        return None;
    }
    let mut out = String::new();
    if let Some(ex) = examples {
        out.push_str(&t!(w, "help-examples"));
        // Command lines only; an English heading written in the source is
        // replaced by the catalogue's.
        for line in ex
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !matches!(*l, "Example:" | "Examples:"))
        {
            out.push_str("\n  ");
            out.push_str(line);
        }
    }
    if let Some(n) = note {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&n);
    }
    Some(out)
}

fn localize_command(w: &Words, path: &[&str], mut cmd: Command) -> Command {
    let after = after_help(w, path, &cmd);
    cmd = cmd
        .about(w.get(&command_id(path)))
        .long_about(None)
        .after_help(after.unwrap_or_default())
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t!(w, "arg-help")),
        );
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t!(w, "arg-version")),
        );
    }
    let args: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
        .map(|a| a.get_id().to_string())
        .collect();
    for id in args {
        cmd = cmd.mut_arg(id, |a| localize_arg(w, path, a));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let mut sub_path: Vec<&str> = path.to_vec();
        sub_path.push(&name);
        cmd = cmd.mut_subcommand(&name, |s| localize_command(w, &sub_path, s));
    }
    cmd
}

/// After clap has built the tree: its `help` command, the usage lines (with
/// `[OPTIONS]` and `<COMMAND>` in words), and the page layout.
fn finish(w: &Words, path: &[&str], mut cmd: Command) -> Command {
    if cmd.find_subcommand("help").is_some() {
        cmd = cmd.mut_subcommand("help", |h| help_command(w, h));
    }
    cmd = page(w, cmd);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .filter(|n| n != "help")
        .collect();
    for name in subs {
        let mut sub_path: Vec<&str> = path.to_vec();
        sub_path.push(&name);
        cmd = cmd.mut_subcommand(&name, |s| finish(w, &sub_path, s));
    }
    cmd
}

/// The usage line (with `[OPTIONS]` and `<COMMAND>` in words) and the
/// page layout of one command.
fn page(w: &Words, cmd: Command) -> Command {
    let usage = cmd
        .clone()
        .render_usage()
        .to_string()
        .lines()
        .map(|l| {
            l.trim_start_matches("Usage:")
                .trim()
                .replace("[OPTIONS]", &t!(w, "help-usage-options"))
                .replace("<COMMAND>", &t!(w, "help-usage-command"))
        })
        .collect::<Vec<_>>()
        .join("\n       ");
    let cmd = cmd.override_usage(usage);
    let template = template(w, &cmd);
    cmd.help_template(template)
}

/// clap's generated `help` command (and the tree copied under it).
fn help_command(w: &Words, mut h: Command) -> Command {
    h = h.about(t!(w, "cmd-help"));
    if h.get_arguments().any(|a| a.get_id() == "subcommand") {
        h = h.mut_arg("subcommand", |a| {
            a.help(t!(w, "arg-help-subcommand"))
                .value_name(t!(w, "value-command"))
        });
    }
    let subs: Vec<String> = h
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        h = h.mut_subcommand(&name, |s| {
            if name == "help" {
                help_command(w, s)
            } else {
                s
            }
        });
    }
    page(w, h)
}

/// The command tree `cmd` with every word in `w`'s language.
pub fn localize(w: &Words, cmd: Command) -> Command {
    let mut cmd = localize_command(w, &[], cmd);
    cmd.build();
    finish(w, &[], cmd)
}

/// The flag of a clap argument description (`--format <格式>` → `--format`).
fn flag_of(arg: &str) -> String {
    if arg.starts_with('-') {
        arg.split([' ', '=']).next().unwrap_or(arg).to_string()
    } else {
        arg.to_string()
    }
}

/// What clap's usage error `e` is, as data.
pub fn problem(e: &clap::Error) -> UsageProblem {
    use clap::error::{ContextKind as K, ContextValue as V, ErrorKind};
    let text = |k: K| match e.get(k) {
        Some(V::String(s)) => Some(s.clone()),
        Some(V::Strings(v)) => v.first().cloned(),
        Some(V::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let list = |k: K| match e.get(k) {
        Some(V::Strings(v)) => v.clone(),
        Some(V::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let flag = || text(K::InvalidArg).map(|a| flag_of(&a)).unwrap_or_default();
    let other = || UsageProblem::Other {
        text: e.render().to_string(),
    };
    match e.kind() {
        ErrorKind::UnknownArgument => match text(K::InvalidArg) {
            Some(a) if a.starts_with('-') && a.len() > 1 => UsageProblem::UnknownFlag {
                flag: flag_of(&a),
                suggestion: text(K::SuggestedArg).map(|s| flag_of(&s)),
            },
            Some(a) => UsageProblem::UnexpectedArgument { value: a },
            None => other(),
        },
        ErrorKind::InvalidSubcommand => match text(K::InvalidSubcommand) {
            Some(name) => UsageProblem::UnknownCommand {
                name,
                // clap lists suggestions from the least to the most alike.
                suggestion: list(K::SuggestedSubcommand).last().cloned(),
            },
            None => other(),
        },
        ErrorKind::MissingSubcommand => UsageProblem::MissingCommand {
            name: text(K::InvalidSubcommand).unwrap_or_default(),
            valid: list(K::ValidSubcommand),
        },
        ErrorKind::InvalidValue => {
            let value = text(K::InvalidValue).unwrap_or_default();
            if value.is_empty() {
                UsageProblem::MissingValue { flag: flag() }
            } else {
                UsageProblem::InvalidChoice {
                    flag: flag(),
                    value,
                    valid: list(K::ValidValue),
                    suggestion: text(K::SuggestedValue),
                }
            }
        }
        ErrorKind::ValueValidation => {
            let source = std::error::Error::source(e).and_then(|s| s.downcast_ref::<ValueError>());
            match source {
                Some(v) => UsageProblem::Value {
                    flag: flag(),
                    error: v.clone(),
                },
                None => UsageProblem::BadValue {
                    flag: flag(),
                    value: text(K::InvalidValue).unwrap_or_default(),
                },
            }
        }
        ErrorKind::MissingRequiredArgument => UsageProblem::Missing {
            args: list(K::InvalidArg),
        },
        ErrorKind::ArgumentConflict => {
            let with = text(K::PriorArg).map(|p| flag_of(&p));
            let flag = flag();
            UsageProblem::Conflict {
                with: with.filter(|w| *w != flag),
                flag,
            }
        }
        ErrorKind::TooManyValues | ErrorKind::NoEquals => match text(K::InvalidArg) {
            Some(a) => UsageProblem::ValueNotTaken { flag: flag_of(&a) },
            None => other(),
        },
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            UsageProblem::MissingValue { flag: flag() }
        }
        _ => other(),
    }
}

/// The usage line of the command at `path` in the localized tree `cmd`.
pub fn usage_of(cmd: &Command, path: &[String]) -> String {
    let mut at = cmd;
    for p in path {
        match at.find_subcommand(p) {
            Some(s) => at = s,
            None => break,
        }
    }
    at.clone()
        .render_usage()
        .to_string()
        .trim()
        .trim_start_matches("Usage:")
        .trim()
        .to_string()
}

/// The sub-command path `argv` names (`["training", "report"]`), as far as
/// it names one, for the hint to run its `--help`.
pub fn command_path(cmd: &Command, argv: &[OsString]) -> Vec<String> {
    let mut path = Vec::new();
    let mut at = cmd;
    for a in argv.iter().skip(1) {
        let a = a.to_string_lossy();
        if a.starts_with('-') {
            continue;
        }
        match at.find_subcommand(a.as_ref()) {
            Some(sub) if sub.get_name() != "help" => {
                path.push(sub.get_name().to_string());
                at = sub;
            }
            _ => {
                if !at.has_subcommands() {
                    break;
                }
            }
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;
    use crate::report::i18n::Lang;

    /// Every (path, command) of the tree, clap's `help` left out.
    fn walk<'a>(path: Vec<&'a str>, cmd: &'a Command, out: &mut Vec<(Vec<&'a str>, &'a Command)>) {
        out.push((path.clone(), cmd));
        for s in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut p = path.clone();
            p.push(s.get_name());
            walk(p, s, out);
        }
    }

    #[test]
    fn every_command_flag_and_placeholder_has_its_help_in_both_languages() {
        let cmd = Cli::command();
        let mut all = Vec::new();
        walk(Vec::new(), &cmd, &mut all);
        let mut missing = Vec::new();
        for lang in Lang::ALL {
            let w = Words::new(lang);
            for (path, c) in &all {
                let id = command_id(path);
                if !w.has(&id) {
                    missing.push(format!("{lang}: `{id}`"));
                }
                for a in c.get_arguments() {
                    let ids = arg_ids(path, a.get_id().as_str());
                    if !ids.iter().any(|i| w.has(i)) {
                        missing.push(format!("{lang}: `{}` (or `{}`)", ids[0], ids[1]));
                    }
                    if takes_value(a) {
                        for n in value_names(a) {
                            if !w.has(&value_id(&n)) {
                                missing.push(format!("{lang}: `{}`", value_id(&n)));
                            }
                        }
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "missing from locales/*/help.ftl:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn the_localized_tree_is_a_valid_clap_command() {
        for lang in Lang::ALL {
            localize(&Words::new(lang), Cli::command()).debug_assert();
        }
        let mut zh = localize(&Words::new(Lang::Zh), Cli::command());
        let mut pages = vec![zh.render_help().to_string()];
        for sub in zh.get_subcommands_mut() {
            pages.push(sub.render_help().to_string());
        }
        for page in pages {
            for english in [
                "Usage",
                "Options",
                "Commands",
                "Arguments",
                "Print help",
                "[OPTIONS]",
                "default:",
            ] {
                assert!(!page.contains(english), "`{english}` in\n{page}");
            }
        }
    }
}
